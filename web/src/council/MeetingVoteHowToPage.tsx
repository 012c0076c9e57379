import { A } from "@solidjs/router";
import { PageHeading } from "../components/PageHeading.tsx";
import { PictureSteps, type PictogramName } from "../components/Pictogram.tsx";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { councilTexts } from "./texts/index.ts";

/** The steps, in the order they happen: each is one idea (its text key) with its picture. */
const STEPS = [
  ["meet", "meeting"],
  ["read", "speak"],
  ["hands", "handsUp"],
  ["paper", "paperVote"],
  ["enough", "enough"],
  ["write", "writeVotes"],
  ["result", "result"],
  ["once", "once"],
] as const satisfies readonly (readonly [string, PictogramName])[];

/** /borgerraadet/afstemning-paa-moedet — easy read: what happens when the council votes at a meeting, and who writes it down. */
export default function MeetingVoteHowToPage() {
  const { t } = useTexts(councilTexts);
  usePageTitle(() => t("council.howToTitle"));
  return (
    <>
      <PageHeading title={t("council.howToTitle")} lead={t("council.howToLead")} />
      <PictureSteps steps={STEPS.map(([idea, picture]) => ({ picture, text: t(`council.howTo.${idea}`) }))} />
      <p class="how-to__licence">{t("council.howTo.licence")}</p>
      <p>
        <A href="/borgerraadet" class="big-link">
          {t("council.title")}
        </A>
      </p>
    </>
  );
}
