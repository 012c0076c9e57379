import { useLocation } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import { DoorLink } from "../components/DoorLink.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { VotesWaiting } from "../components/VotesWaiting.tsx";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";

/** What another page can tell the front page it sends the person to (navigation state). */
export type HomeNotice = { notice?: "signedOut" | "deleted" };

export default function Home() {
  const { t } = useTexts(siteTexts);
  const location = useLocation<HomeNotice>();
  usePageTitle(() => t("site.name"));
  return (
    <>
      <PageHeading title={t("site.home.title")} lead={t("site.home.lead")} />
      <VotesWaiting />
      <Switch>
        <Match when={location.state?.notice === "signedOut"}>
          <Notice kind="success" announce="polite">
            <p>{t("site.home.signedOut")}</p>
          </Notice>
        </Match>
        <Match when={location.state?.notice === "deleted"}>
          <Notice kind="success" announce="polite">
            <p>{t("site.home.deleted")}</p>
            <p>{t("site.home.thanks")}</p>
          </Notice>
        </Match>
      </Switch>
      <h2 class="section-title">{t("site.home.doors")}</h2>
      <ul class="doors">
        <li>
          <DoorLink href="/tilbud" title={t("site.home.offersTitle")} text={t("site.home.offersText")} />
        </li>
        <li>
          <DoorLink href="/borgerraadet" title={t("site.home.councilTitle")} text={t("site.home.councilText")} />
        </li>
        <li>
          <DoorLink href="/borgerpanelet" title={t("site.home.panelTitle")} text={t("site.home.panelText")} />
        </li>
        <li>
          <DoorLink href="/mentorordningen" title={t("site.home.mentorTitle")} text={t("site.home.mentorText")} />
        </li>
      </ul>
    </>
  );
}
