import { A, useParams } from "@solidjs/router";
import { centreName } from "../lib/site.ts";
import { For, Show } from "solid-js";
import { LoadError } from "../components/LoadError.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { api, useCall, type Answer } from "../lib/api.ts";
import { formatDate } from "../lib/dates.ts";
import { createLoader } from "../lib/load.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { contentLang } from "../lib/language.tsx";
import NotFound from "../pages/NotFound.tsx";
import { Meetings } from "./Meetings.tsx";
import { councilTexts } from "./texts/index.ts";
import { ProposalBadge, VoteResult } from "./VoteResult.tsx";
import "./council.scss";

type PublicMember = Answer<(typeof api.council.centres)[":centre"]["$get"]>["members"][number];

function MemberList(props: { members: PublicMember[] }) {
  const { t, lang } = useTexts(councilTexts);
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
  const { t, lang } = useTexts(councilTexts);
  const params = useParams<{ centre: string }>();
  const call = useCall();
  // The API knows the stored centres (closed ones too, whose history stays readable): an unknown one is "not found".
  const overview = createLoader(
    () => params.centre,
    (id, signal) => call(api.council.centres[":centre"].$get, { param: { centre: id } }, { signal }),
  );
  const centreTitle = () => t("council.pageTitle", { centre: centreName(params.centre, lang()) });
  usePageTitle(() => (overview.missing() ? t("council.title") : centreTitle()));

  return (
    <Show when={!overview.missing()} fallback={<NotFound />}>
      <>
        <PageHeading title={centreTitle()} lead={t("council.pageLead")} />
        <Show when={overview.error()}>{(error) => <LoadError error={error()} onRetry={overview.reload} />}</Show>
        <Show when={overview.data()}>
          {(data) => (
            <>
              <ul class="link-list">
                <Show when={data().can.vote}>
                  <li>
                    <A href="/borgerraadet/mine-afstemninger" class="big-link">
                      {t("council.myVotesTitle")}
                    </A>
                  </li>
                </Show>
                <Show when={data().can.read_inbox}>
                  <li>
                    <A href={`/borgerraadet/${params.centre}/indbakke`} class="big-link">
                      {t("council.inbox")}
                    </A>
                  </li>
                </Show>
                <Show when={data().can.manage || data().can.keep_minutes || data().can.record_meeting_votes}>
                  <li>
                    <A href={`/borgerraadet/${params.centre}/moeder`} class="big-link">
                      {t("council.meetingsLink")}
                    </A>
                  </li>
                </Show>
                <Show when={data().can.manage_members}>
                  <li>
                    <A href={`/borgerraadet/${params.centre}/medlemmer`} class="big-link">
                      {t("council.membersLink")}
                    </A>
                  </li>
                </Show>
                <li>
                  <A href={`/borgerraadet/${params.centre}/nyt-forslag`} class="big-link">
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
                            <A href={`/borgerraadet/${params.centre}/forslag/${proposal.id}`} lang={contentLang(lang())}>
                              {proposal.title}
                            </A>
                          </h3>
                          <ProposalBadge status={proposal.status} vote={proposal.vote} />
                          <p lang={contentLang(lang())}>{proposal.summary}</p>
                          {/* The rule is on the proposal's own page: once per page, not on every card. */}
                          <Show when={proposal.vote}>{(vote) => <VoteResult vote={vote()} rule={false} />}</Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </PageSection>
              <Meetings centre={params.centre} upcoming={data().upcoming_meetings} past={data().past_meetings} />
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
    </Show>
  );
}
