import { A, useParams } from "@solidjs/router";
import { centres } from "@naerhed/core/shared/centres";
import { createResource, For, Show } from "solid-js";
import { apiGet } from "../api.ts";
import { LoadError } from "../components/LoadError.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { formatDate } from "../directory/format.ts";
import { useSession } from "../identity/session.tsx";
import { isCentreStaff } from "./format.ts";
import { useI18n } from "./texts.ts";
import NotFound from "../pages/NotFound.tsx";
import type { Overview, PublicMember } from "./format.ts";
import { Meetings } from "./Meetings.tsx";
import { VoteResult } from "./VoteResult.tsx";

export function MemberList(props: { members: PublicMember[] }) {
  const { t, lang } = useI18n();
  return (
    <ul class="plain-list council-members">
      <For each={props.members}>
        {(member) => (
          <li>
            <strong>{member.display_name}</strong>
            <br />
            {t(`council.role.${member.role}`)}. {t(`council.kind.${member.kind}`)}.{" "}
            {member.term_to
              ? t("council.term", { from: formatDate(member.term_from, lang()), to: formatDate(member.term_to, lang()) })
              : t("council.termOpen", { from: formatDate(member.term_from, lang()) })}
          </li>
        )}
      </For>
    </ul>
  );
}

/** /borgerraadet/:centre — the public council page: members, proposals and results. */
export default function CouncilPage() {
  const { t, lang } = useI18n();
  const params = useParams<{ centre: string }>();
  const session = useSession();
  const centre = () => centres.find((c) => c.id === params.centre);
  const [overview, { refetch }] = createResource(
    () => centre()?.id,
    (id) => apiGet<Overview>(`/council/centres/${id}`, lang()),
  );
  usePageTitle(() => (centre() ? t("council.pageTitle", { centre: centre()!.name[lang()] }) : t("council.title")));

  return (
    <Show when={centre()} fallback={<NotFound />}>
      {(found) => (
        <>
          <PageHeading title={t("council.pageTitle", { centre: found().name[lang()] })} lead={t("council.pageLead")} />
          <Show when={overview.error}>
            <LoadError error={overview.error} onRetry={() => void refetch()} />
          </Show>
          <Show when={overview()}>
            {(data) => (
              <>
                <ul class="link-list">
                  <Show when={data().viewer?.member}>
                    <li>
                      <A href="/borgerraadet/mine-afstemninger" class="big-link">
                        {t("council.myVotesTitle")}
                      </A>
                    </li>
                  </Show>
                  <Show when={data().viewer?.in_council}>
                    <li>
                      <A href={`/borgerraadet/${found().id}/indbakke`} class="big-link">
                        {t("council.inbox")}
                      </A>
                    </li>
                  </Show>
                  <Show when={data().viewer?.can_manage}>
                    <li>
                      <A href={`/borgerraadet/${found().id}/moeder`} class="big-link">
                        {t("council.meetingsLink")}
                      </A>
                    </li>
                  </Show>
                  <Show when={isCentreStaff(session.person(), found().id)}>
                    <li>
                      <A href={`/borgerraadet/${found().id}/medlemmer`} class="big-link">
                        {t("council.membersLink")}
                      </A>
                    </li>
                  </Show>
                  <li>
                    <A href={`/borgerraadet/${found().id}/nyt-forslag`} class="big-link">
                      {t("council.propose")}
                    </A>
                  </li>
                </ul>
                <PageSection title={t("council.proposals")} id="proposals">
                  <Show when={data().proposals.length > 0} fallback={<p>{t("council.noProposals")}</p>}>
                    <ul class="plain-list council-proposals">
                      <For each={data().proposals}>
                        {(proposal) => (
                          <li class="card council-proposal">
                            <h3 class="card__title">
                              <A href={`/borgerraadet/${found().id}/forslag/${proposal.id}`}>{proposal.title}</A>
                            </h3>
                            <p class="tag">{t(`council.status.${proposal.status}`)}</p>
                            <p>{proposal.summary}</p>
                            <Show when={proposal.vote}>{(vote) => <VoteResult vote={vote()} />}</Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </PageSection>
                <Meetings centre={found().id} upcoming={data().upcoming_meetings} past={data().past_meetings} />
                <PageSection title={t("council.members")} id="members">
                  <Show when={data().members.length > 0} fallback={<p>{t("council.noMembers")}</p>}>
                    <MemberList members={data().members} />
                  </Show>
                </PageSection>
                <Show when={data().past_members.length > 0}>
                  <PageSection title={t("council.pastMembers")} id="past-members">
                    <MemberList members={data().past_members} />
                  </PageSection>
                </Show>
              </>
            )}
          </Show>
        </>
      )}
    </Show>
  );
}
