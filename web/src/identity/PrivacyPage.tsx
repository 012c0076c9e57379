import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { usePageTitle } from "../lib/navigation.ts";
import { useSession } from "../lib/session.tsx";
import { useTexts } from "../lib/texts.ts";
import { identityTexts, type IdentityKey } from "./texts/index.ts";

const sections: { title: IdentityKey; id: string; items: IdentityKey[]; after?: IdentityKey[] }[] = [
  {
    title: "identity.privacy.storeTitle",
    id: "privacy-store",
    items: ["identity.privacy.email", "identity.privacy.name", "identity.privacy.language", "identity.privacy.roles", "identity.privacy.sessions"],
    after: ["identity.privacy.noPassword", "identity.privacy.staffPassword"],
  },
  { title: "identity.privacy.whyTitle", id: "privacy-why", items: ["identity.privacy.whyWho", "identity.privacy.whyWhat", "identity.privacy.whyMail"] },
  { title: "identity.privacy.howLongTitle", id: "privacy-how-long", items: ["identity.privacy.code", "identity.privacy.session", "identity.privacy.untilDeleted"] },
  { title: "identity.privacy.whoTitle", id: "privacy-who", items: ["identity.privacy.whoYou", "identity.privacy.whoStaff", "identity.privacy.whoLog"] },
  {
    title: "identity.privacy.rightsTitle",
    id: "privacy-rights",
    items: ["identity.privacy.rightsDownload", "identity.privacy.rightsDelete"],
    after: ["identity.privacy.rightsWhere", "identity.privacy.rightsContact"],
  },
];

/** /privatliv: what we store, why, how long, who sees it, and your rights. Public. */
export default function PrivacyPage() {
  const { t } = useTexts(identityTexts);
  const session = useSession();
  usePageTitle(() => t("identity.privacy.title"));
  return (
    <>
      <PageHeading title={t("identity.privacy.title")} lead={t("identity.privacy.lead")} />
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
              {t("identity.privacy.signIn")}
            </A>
          }
        >
          <A href="/min-side" class="big-link">
            {t("identity.privacy.myPage")}
          </A>
        </Show>
      </p>
    </>
  );
}
