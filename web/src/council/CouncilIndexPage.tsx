import { A } from "@solidjs/router";
import { centres } from "@naerhed/core/shared/centres";
import { For } from "solid-js";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "./texts.ts";

/** /borgerraadet: each centre has its own council. */
export default function CouncilIndexPage() {
  const { t, lang } = useI18n();
  usePageTitle(() => t("council.title"));
  return (
    <>
      <PageHeading title={t("council.title")} lead={t("council.text")} />
      <h2 class="section-title">{t("council.centresTitle")}</h2>
      <ul class="link-list">
        <For each={centres}>
          {(centre) => (
            <li>
              <A href={`/borgerraadet/${centre.id}`} class="big-link">
                {centre.name[lang()]}
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
