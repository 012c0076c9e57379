import { Show } from "solid-js";
import { DoorLink } from "../components/DoorLink.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { hasAnyRole } from "@naerhed/core/identity/roles";
import { usePageTitle } from "../lib/navigation.ts";
import { useSession } from "../lib/session.tsx";
import { useTexts } from "../lib/texts.ts";
import { mentorTexts } from "./texts/index.ts";

/** /mentorordningen: what the scheme is, and the ways in. */
export default function MentorHomePage() {
  const { t } = useTexts(mentorTexts);
  const session = useSession();
  usePageTitle(() => t("mentor.title"));
  return (
    <>
      <PageHeading title={t("mentor.title")} lead={t("mentor.lead")} />
      <ul class="bullets">
        <li>{t("mentor.what1")}</li>
        <li>{t("mentor.what2")}</li>
        <li>{t("mentor.what3")}</li>
      </ul>
      <ul class="doors">
        <li>
          <DoorLink href="/mentorordningen/faa-en-mentor" title={t("mentor.ask")} text={t("mentor.askText")} />
        </li>
        <li>
          <DoorLink href="/mentorordningen/bliv-mentor" title={t("mentor.become")} text={t("mentor.becomeText")} />
        </li>
        <Show when={session.person()}>
          <li>
            <DoorLink href="/mentorordningen/mine" title={t("mentor.mine")} text={t("mentor.mineText")} />
          </li>
        </Show>
        <Show when={session.person() && hasAnyRole(session.person()!, ["staff", "admin"])}>
          <li>
            <DoorLink href="/personale/mentor" title={t("mentor.staff")} text={t("mentor.staffText")} />
          </li>
        </Show>
      </ul>
    </>
  );
}
