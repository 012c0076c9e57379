import { useLocation } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import { DoorLink } from "../components/DoorLink.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "../i18n/index.tsx";

/** What another page can tell the front page it sends the person to (navigation state). */
export type HomeNotice = { notice?: "signedOut" | "deleted" };

export default function Home() {
  const { t } = useI18n();
  const location = useLocation<HomeNotice>();
  usePageTitle(() => t("site.name"));
  return (
    <>
      <PageHeading title={t("home.title")} lead={t("home.lead")} />
      <Switch>
        <Match when={location.state?.notice === "signedOut"}>
          <Notice kind="success" announce="polite">
            <p>{t("home.signedOut")}</p>
          </Notice>
        </Match>
        <Match when={location.state?.notice === "deleted"}>
          <Notice kind="success" announce="polite">
            <p>{t("home.deleted")}</p>
            <p>{t("home.thanks")}</p>
          </Notice>
        </Match>
      </Switch>
      <h2 class="section-title">{t("home.doors")}</h2>
      <ul class="doors">
        <li>
          <DoorLink href="/tilbud" title={t("offers.doorTitle")} text={t("offers.doorText")} />
        </li>
        <li>
          <DoorLink href="/borgerraadet" title={t("council.title")} text={t("council.text")} />
        </li>
        <li>
          <DoorLink href="/borgerpanelet" title={t("panel.title")} text={t("panel.text")} />
        </li>
        <li>
          <DoorLink href="/mentorordningen" title={t("mentor.title")} text={t("mentor.text")} />
        </li>
      </ul>
    </>
  );
}
