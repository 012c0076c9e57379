import { A, useParams } from "@solidjs/router";
import type { Proposal } from "@naerhed/core/council/council";
import { createResource, For, Show } from "solid-js";
import { ApiError } from "../api.ts";
import { LoadError } from "../components/LoadError.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { formatDate } from "../directory/format.ts";
import { useSession } from "../identity/session.tsx";
import { isCentreStaff } from "./format.ts";
import { useI18n } from "./texts.ts";
import { NoAccess, RequireSignIn, useSignedInGet } from "../identity/access.tsx";

/** /borgerraadet/:centre/indbakke — proposals waiting for the chair; each opens on its own page to accept or decline. */
export default function InboxPage() {
  const { t } = useI18n();
  usePageTitle(() => t("council.inboxTitle"));
  return <RequireSignIn>{() => <Inbox />}</RequireSignIn>;
}

function Inbox() {
  const { t, lang } = useI18n();
  const params = useParams<{ centre: string }>();
  const get = useSignedInGet();
  const session = useSession();
  const [items, { refetch }] = createResource(
    () => params.centre,
    async (centre) => (await get<{ items: Proposal[] }>(`/council/centres/${centre}/inbox`, lang(), { items: [] })).items,
  );
  const forbidden = () => items.error instanceof ApiError && items.error.status === 403;
  return (
    <Show when={!forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("council.inboxTitle")} lead={t("council.inboxLead")} />
      <Show when={items.error}>
        <LoadError error={items.error} onRetry={() => void refetch()} />
      </Show>
      <Show when={items()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p>{t("council.inboxEmpty")}</p>}>
            <ul class="plain-list">
              <For each={list()}>
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
        <Show when={isCentreStaff(session.person(), params.centre)}>
          <li>
            <A href={`/borgerraadet/${params.centre}/moeder`} class="big-link">
              {t("council.meetingsLink")}
            </A>
          </li>
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
