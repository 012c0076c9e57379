import { A } from "@solidjs/router";
import { For } from "solid-js";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { Pictogram, type MeetingVotePicture } from "./MeetingVotePictures.tsx";
import { councilTexts } from "./texts/index.ts";
import "./council.scss";

/** The steps, in the order they happen; each is one idea with its picture. */
const STEPS: readonly MeetingVotePicture[] = ["meet", "read", "hands", "paper", "enough", "write", "result", "once"];

/** /borgerraadet/afstemning-paa-moedet — easy read: what happens when the council votes at a meeting, and who writes it down. */
export default function MeetingVoteHowToPage() {
  const { t } = useTexts(councilTexts);
  usePageTitle(() => t("council.howToTitle"));
  return (
    <>
      <PageHeading title={t("council.howToTitle")} lead={t("council.howToLead")} />
      <ol class="how-to">
        <For each={STEPS}>
          {(step) => (
            <li class="how-to__step">
              <Pictogram name={step} />
              <p>{t(`council.howTo.${step}`)}</p>
            </li>
          )}
        </For>
      </ol>
      <p class="how-to__licence">{t("council.howTo.licence")}</p>
      <p>
        <A href="/borgerraadet" class="big-link">
          {t("council.title")}
        </A>
      </p>
    </>
  );
}
