import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n, type MessageKey } from "../i18n/index.tsx";
import { useSession } from "./session.tsx";

const sections: { title: MessageKey; id: string; items: MessageKey[]; after?: MessageKey[] }[] = [
  {
    title: "privacy.storeTitle",
    id: "privacy-store",
    items: ["privacy.email", "privacy.name", "privacy.language", "privacy.roles", "privacy.sessions"],
    after: ["privacy.noPassword", "privacy.staffPassword"],
  },
  { title: "privacy.whyTitle", id: "privacy-why", items: ["privacy.whyWho", "privacy.whyWhat", "privacy.whyMail"] },
  { title: "privacy.howLongTitle", id: "privacy-how-long", items: ["privacy.code", "privacy.session", "privacy.untilDeleted"] },
  { title: "privacy.whoTitle", id: "privacy-who", items: ["privacy.whoYou", "privacy.whoStaff", "privacy.whoLog"] },
  {
    title: "privacy.rightsTitle",
    id: "privacy-rights",
    items: ["privacy.rightsDownload", "privacy.rightsDelete"],
    after: ["privacy.rightsWhere", "privacy.rightsContact"],
  },
];

/** /privatliv: what we store, why, how long, who sees it, and your rights. Public. */
export default function PrivacyPage() {
  const { t } = useI18n();
  const session = useSession();
  usePageTitle(() => t("privacy.title"));
  return (
    <>
      <PageHeading title={t("privacy.title")} lead={t("privacy.lead")} />
      <For each={sections}>
        {(section) => (
          <PageSection title={t(section.title)} id={section.id}>
            <ul class="bullets">
              <For each={section.items}>{(item) => <li>{t(item)}</li>}</For>
            </ul>
            <For each={section.after ?? []}>{(text) => <p>{t(text)}</p>}</For>
          </PageSection>
        )}
      </For>
      <p>
        <Show
          when={session.person()}
          fallback={
            <A href="/logind?til=%2Fmin-side" class="big-link">
              {t("privacy.signIn")}
            </A>
          }
        >
          <A href="/min-side" class="big-link">
            {t("privacy.myPage")}
          </A>
        </Show>
      </p>
    </>
  );
}
