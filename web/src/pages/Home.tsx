import { DoorLink } from "../components/DoorLink.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "../i18n/index.tsx";
import { comingSoon } from "./ComingSoon.tsx";

export default function Home() {
  const { t } = useI18n();
  usePageTitle(() => t("site.name"));
  return (
    <>
      <PageHeading title={t("home.title")} lead={t("home.lead")} />
      <h2 class="section-title">{t("home.doors")}</h2>
      <ul class="doors">
        <li>
          <DoorLink href="/tilbud" title={t("offers.doorTitle")} text={t("offers.doorText")} />
        </li>
        {comingSoon.map((module) => (
          <li>
            <DoorLink href={module.path} title={t(module.title)} text={t(module.text)} tag={t("soon.tag")} />
          </li>
        ))}
      </ul>
    </>
  );
}
