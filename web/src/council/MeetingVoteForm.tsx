import { CHOICES } from "@naerhed/core/council/voting-rules";
import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { RadioGroup } from "../components/RadioGroup.tsx";
import { api, useCall } from "../lib/api.ts";
import { formatMoment } from "../lib/dates.ts";
import { useFormErrors } from "../lib/forms.ts";
import { focusElement } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import type { Meeting } from "./Meetings.tsx";
import { councilTexts } from "./texts/index.ts";
import { MajorityChoice } from "./VoteResult.tsx";

/** A number as typed: digits become a number; anything else goes as typed, so the API names the field. */
const count = (typed: string) => (/^\s*\d+\s*$/.test(typed) ? Number(typed) : typed);

/**
 * The chair, deputy chair or secretary writes down a vote taken at a meeting: which proposal,
 * how (show of hands: each present member's choice; secret paper: only the totals) and what a
 * yes needs. Who was present comes from the minutes; the API decides by the same rule as online.
 */
export function MeetingVoteForm(props: {
  centre: string;
  meeting: Meeting;
  proposals: { id: string; title: string }[];
  onSaved: (proposalId: string) => void;
  onClose: () => void;
}) {
  const { t, lang } = useTexts(councilTexts);
  const call = useCall();
  const present = () => props.meeting.minutes?.attendance ?? [];
  const [proposal, setProposal] = createSignal(props.proposals[0]?.id ?? "");
  const [ballot, setBallot] = createSignal("open");
  const [majority, setMajority] = createSignal("simple");
  const [hands, setHands] = createSignal<Record<string, string>>({});
  const [tally, setTally] = createSignal({ for: "", against: "", abstain: "" });
  const firstHand = () => `hand-${present()[0]?.person_id ?? ""}-for`;
  const form = useFormErrors({
    meeting_id: "record-proposal",
    ballot: "record-ballot-open",
    majority: "record-majority-simple",
    hands: firstHand(),
    tally: "record-for",
    "tally.for": "record-for",
    "tally.against": "record-against",
    "tally.abstain": "record-abstain",
  });
  let heading: HTMLHeadingElement | undefined;
  queueMicrotask(() => focusElement(heading ?? null));

  function save(event: SubmitEvent) {
    event.preventDefault();
    form.clear();
    const body =
      ballot() === "open"
        ? {
            meeting_id: props.meeting.id,
            ballot: "open",
            majority: majority(),
            hands: present().flatMap((person) => (hands()[person.person_id] ? [{ person_id: person.person_id, choice: hands()[person.person_id]! }] : [])),
          }
        : { meeting_id: props.meeting.id, ballot: "secret", majority: majority(), tally: { for: count(tally().for), against: count(tally().against), abstain: count(tally().abstain) } };
    void form.send(async () => {
      await call(api.council.centres[":centre"].proposals[":id"]["meeting-vote"].$post, { param: { centre: props.centre, id: proposal() } }, { body });
      props.onSaved(proposal());
    });
  }

  const choiceOptions = () => CHOICES.map((choice) => ({ value: choice, label: t(`council.${choice}`) }));

  return (
    <section class="page-section" aria-labelledby="record-title">
      <h2 id="record-title" tabindex="-1" ref={heading}>
        {t("council.recordTitle", { time: formatMoment(props.meeting.starts_at, lang()) })}
      </h2>
      <p>{t("council.recordLead")}</p>
      <p>
        <A href="/borgerraadet/afstemning-paa-moedet">{t("council.howToLink")}</A>
      </p>
      <Show
        when={present().length > 0 && props.proposals.length > 0}
        fallback={<p>{present().length === 0 ? t("council.recordNoAttendance") : t("council.recordNoProposals")}</p>}
      >
        <p>{t("council.recordPresent", { names: present().map((person) => person.display_name).join(", ") })}</p>
        <ErrorSummary errors={form.errors()} />
        <form class="form" novalidate onSubmit={save}>
          <RadioGroup
            name="record-proposal"
            legend={t("council.recordProposal")}
            value={proposal()}
            onChange={setProposal}
            error={form.at("record-proposal")}
            options={props.proposals.map((p) => ({ value: p.id, label: p.title }))}
          />
          <RadioGroup
            name="record-ballot"
            legend={t("council.recordBallot")}
            value={ballot()}
            onChange={setBallot}
            error={form.at("record-ballot-open")}
            options={[
              { value: "open", label: t("council.recordBallot.open") },
              { value: "secret", label: t("council.recordBallot.secret") },
            ]}
          />
          <MajorityChoice name="record-majority" value={majority()} onChange={setMajority} />
          <Show
            when={ballot() === "open"}
            fallback={
              <>
                <FormField id="record-for" type="number" inputmode="numeric" label={t("council.recordFor")} value={tally().for} error={form.at("record-for")} onInput={(value) => setTally({ ...tally(), for: value })} />
                <FormField id="record-against" type="number" inputmode="numeric" label={t("council.recordAgainst")} value={tally().against} error={form.at("record-against")} onInput={(value) => setTally({ ...tally(), against: value })} />
                <FormField id="record-abstain" type="number" inputmode="numeric" label={t("council.recordAbstain")} value={tally().abstain} error={form.at("record-abstain")} onInput={(value) => setTally({ ...tally(), abstain: value })} />
              </>
            }
          >
            <For each={present()}>
              {(person, index) => (
                <RadioGroup
                  name={`hand-${person.person_id}`}
                  legend={t("council.recordHand", { name: person.display_name })}
                  value={hands()[person.person_id]}
                  onChange={(choice) => setHands({ ...hands(), [person.person_id]: choice })}
                  error={index() === 0 ? form.at(firstHand()) : undefined}
                  options={choiceOptions()}
                />
              )}
            </For>
          </Show>
          <p class="actions">
            <Button type="submit" busy={form.sending()}>
              {t("council.recordSave")}
            </Button>
            <Button variant="secondary" onClick={props.onClose}>
              {t("council.memberCancel")}
            </Button>
          </p>
        </form>
      </Show>
    </section>
  );
}
