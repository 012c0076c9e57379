import { A } from "@solidjs/router";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import { PageHeading } from "./PageHeading.tsx";

/** 403: a plain page that says so. */
export function NoAccess() {
  const { t } = useTexts(siteTexts);
  usePageTitle(() => t("site.access.deniedTitle"));
  return (
    <>
      <PageHeading title={t("site.access.deniedTitle")} lead={t("site.access.denied")} />
      <p>{t("site.access.help")}</p>
      <p>
        <A href="/" class="big-link">
          {t("site.access.home")}
        </A>
      </p>
    </>
  );
}
