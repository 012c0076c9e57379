import { A, useParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { LoadError } from "../components/LoadError.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { NoAccess } from "../components/NoAccess.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall } from "../lib/api.ts";
import { formatDate } from "../lib/dates.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { createLoader } from "../lib/load.ts";
import { useTexts } from "../lib/texts.ts";
import { councilTexts } from "./texts/index.ts";

/** /borgerraadet/:centre/indbakke — proposals waiting for the chair; each opens on its own page to accept or decline. */
export default function InboxPage() {
  const { t } = useTexts(councilTexts);
  usePageTitle(() => t("council.inboxTitle"));
  return <RequireSignIn>{() => <Inbox />}</RequireSignIn>;
}

function Inbox() {
  const { t, lang } = useTexts(councilTexts);
  const params = useParams<{ centre: string }>();
  const call = useCall();
  const inbox = createLoader(
    () => params.centre,
    (centre, signal) => call(api.council.centres[":centre"].inbox.$get, { param: { centre } }, { signal }),
  );
  return (
    <Show when={!inbox.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("council.inboxTitle")} lead={t("council.inboxLead")} />
      <Show when={inbox.error()}>{(error) => <LoadError error={error()} onRetry={inbox.reload} />}</Show>
      <Show when={inbox.data()}>
        {(data) => (
          <Show when={data().items.length > 0} fallback={<p>{t("council.inboxEmpty")}</p>}>
            <ul class="plain-list">
              <For each={data().items}>
                {(proposal) => (
                  <li class="card">
                    <h2 class="card__title">
                      <A href={`/borgerraadet/${params.centre}/forslag/${proposal.id}`}>{proposal.title}</A>
                    </h2>
                    <p>{proposal.summary}</p>
                    <p class="small">
                      {t("council.proposedBy", { name: proposal.author_name })}. {formatDate(proposal.created_at, lang())}
                    </p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <ul class="link-list">
        <Show when={inbox.data()?.can.manage}>
          <li>
            <A href={`/borgerraadet/${params.centre}/moeder`} class="big-link">
              {t("council.meetingsLink")}
            </A>
          </li>
        </Show>
        <Show when={inbox.data()?.can.manage_members}>
          <li>
            <A href={`/borgerraadet/${params.centre}/medlemmer`} class="big-link">
              {t("council.membersLink")}
            </A>
          </li>
        </Show>
        <li>
          <A href={`/borgerraadet/${params.centre}`} class="big-link">
            {t("council.backToCouncil")}
          </A>
        </li>
      </ul>
    </Show>
  );
}
