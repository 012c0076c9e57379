import { A } from "@solidjs/router";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "../i18n/index.tsx";

export default function NotFound() {
  const { t } = useI18n();
  usePageTitle(() => t("notFound.title"));
  return (
    <>
      <PageHeading title={t("notFound.title")} lead={t("notFound.text")} />
      <p>
        <A href="/" class="big-link">
          {t("notFound.home")}
        </A>
      </p>
    </>
  );
}
