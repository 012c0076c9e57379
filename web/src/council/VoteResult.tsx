import type { PROPOSAL_STATUSES } from "@naerhed/core/council/lists";
import { CHOICES, quorumNeeded } from "@naerhed/core/council/voting-rules";
import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { RadioGroup } from "../components/RadioGroup.tsx";
import type { api, Answer } from "../lib/api.ts";
import { formatMoment } from "../lib/dates.ts";
import { useTexts } from "../lib/texts.ts";
import { councilTexts } from "./texts/index.ts";
import "./VoteResult.scss";

/** A vote as the public sees it (no tally while open), from the proposal page's answer. */
export type ShownVote = NonNullable<Answer<(typeof api.council.centres)[":centre"]["proposals"][":id"]["$get"]>["vote"]>;

/** The rule a vote used, in words: who must take part, and what adopts. */
export function VoteRule(props: { vote: ShownVote }) {
  const { t } = useTexts(councilTexts);
  return (
    <p>
      <strong>{t("council.rule")}:</strong> {t("council.ruleQuorum", { needed: quorumNeeded(props.vote.eligible), eligible: props.vote.eligible })}{" "}
      {props.vote.majority === "two_thirds" ? t("council.ruleTwoThirds") : t("council.ruleSimple")}{" "}
      {props.vote.ballot === "secret" ? t("council.secretBallot") : t("council.openBallot")}
      {props.vote.mode === "meeting" ? ` ${t("council.ruleMeeting")}` : ""}
    </p>
  );
}

/** What adopts a proposal, chosen when a vote opens online or is written down from a meeting. */
export function MajorityChoice(props: { name: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTexts(councilTexts);
  return (
    <RadioGroup
      name={props.name}
      legend={t("council.majority")}
      value={props.value}
      onChange={props.onChange}
      options={[
        { value: "simple", label: t("council.majority.simple") },
        { value: "two_thirds", label: t("council.majority.two_thirds") },
      ]}
    />
  );
}

/** A proposal's status as a badge; a decided one says what was decided ("Ikke vedtaget"), not only "Afgjort". */
export function ProposalBadge(props: { status: (typeof PROPOSAL_STATUSES)[number]; vote?: Pick<ShownVote, "result"> | null }) {
  const { t } = useTexts(councilTexts);
  const outcome = () => (props.status === "decided" ? props.vote?.result?.outcome : undefined);
  return <p class="badge">{outcome() ? t(`council.outcome.${outcome()!}`) : t(`council.status.${props.status}`)}</p>;
}

/**
 * A vote as it stands: while open, when it closes and how many have voted (not how); once
 * closed, the outcome, a bar per choice with the numbers in text, whether enough voted, and the rule.
 */
export function VoteResult(props: { vote: ShownVote; rule?: boolean }) {
  const { t, lang } = useTexts(councilTexts);
  return (
    <div class="vote-result">
      <Show
        when={props.vote.result}
        fallback={
          <Show when={props.vote.state === "open"}>
            <p>{t("council.openUntil", { time: formatMoment(props.vote.closes_at, lang()) })}</p>
            <Show when={props.vote.ballots !== undefined}>
              <p>{t("council.votedSoFar", { ballots: props.vote.ballots!, eligible: props.vote.eligible })}</p>
            </Show>
            <Show when={props.rule !== false}>
              <VoteRule vote={props.vote} />
            </Show>
          </Show>
        }
      >
        {(result) => (
          <>
            <p class="vote-result__outcome">
              <strong>{t(`council.outcome.${result().outcome}`)}</strong>
            </p>
            {/* How it was decided: online, or at a meeting (council/meeting-votes.ts), where those present voted. */}
            <p>
              <Show when={props.vote.mode === "meeting"} fallback={t("council.decidedOnline")}>
                {t("council.decidedAtMeeting", { time: formatMoment(props.vote.opened_at, lang()) })}{" "}
                <A href="/borgerraadet/afstemning-paa-moedet">{t("council.howToLink")}</A>
              </Show>
            </p>
            {/* A secret vote that missed its quorum has no tally to show (core council/vote.ts publicVote). */}
            <Show when={result().tally}>
              {(tally) => (
                <ul class="vote-bars">
                  <For each={CHOICES}>
                    {(choice) => (
                      <li class="vote-bars__row">
                        <span class="vote-bars__label" id={`bar-${props.vote.id}-${choice}`}>
                          {t("council.count", { label: t(`council.${choice}`), count: tally()[choice], total: result().ballots })}
                        </span>
                        <meter
                          class={`vote-bars__meter vote-bars__meter--${choice}`}
                          min={0}
                          max={Math.max(1, result().ballots)}
                          value={tally()[choice]}
                          aria-labelledby={`bar-${props.vote.id}-${choice}`}
                        />
                      </li>
                    )}
                  </For>
                </ul>
              )}
            </Show>
            <p>
              {t(`council.${result().quorum_met ? "quorumMet" : "quorumNotMet"}${props.vote.mode === "meeting" ? "Meeting" : ""}`, {
                ballots: result().ballots,
                eligible: result().eligible,
              })}
            </p>
            <Show when={props.rule !== false}>
              <VoteRule vote={props.vote} />
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
