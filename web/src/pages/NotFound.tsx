import { A } from "@solidjs/router";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";

export default function NotFound() {
  const { t } = useTexts(siteTexts);
  usePageTitle(() => t("site.notFound.title"));
  return (
    <>
      <PageHeading title={t("site.notFound.title")} lead={t("site.notFound.text")} />
      <p>
        <A href="/" class="big-link">
          {t("site.notFound.home")}
        </A>
      </p>
    </>
  );
}
