import { A } from "@solidjs/router";
import { centreName, openCentres } from "../lib/site.ts";
import { For } from "solid-js";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { councilTexts } from "./texts/index.ts";

/** /borgerraadet: each centre has its own council. */
export default function CouncilIndexPage() {
  const { t, lang } = useTexts(councilTexts);
  usePageTitle(() => t("council.title"));
  return (
    <>
      <PageHeading title={t("council.title")} lead={t("council.text")} />
      <h2 class="section-title">{t("council.centresTitle")}</h2>
      <ul class="link-list">
        <For each={openCentres()}>
          {(centre) => (
            <li>
              <A href={`/borgerraadet/${centre.id}`} class="big-link">
                {centreName(centre.id, lang())}
              </A>
            </li>
          )}
        </For>
      </ul>
      <p>
        <A href="/borgerraadet/mine-afstemninger" class="big-link">
          {t("council.myVotesLink")}
        </A>
      </p>
    </>
  );
}
