import { FOLLOW_UP_STATUSES } from "@naerhed/core/council/lists";
import { createSignal, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { RadioGroup } from "../components/RadioGroup.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { api, useCall, type Answer } from "../lib/api.ts";
import { copenhagenToIso } from "../lib/dates.ts";
import { useFormErrors } from "../lib/forms.ts";
import { useTexts } from "../lib/texts.ts";
import { councilTexts } from "./texts/index.ts";
import { MajorityChoice, type ShownVote } from "./VoteResult.tsx";

type Proposal = Answer<(typeof api.council.centres)[":centre"]["proposals"][":id"]["$get"]>["proposal"];

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The chair's and staff's tools for one proposal: put it on the agenda or say no, open and stop the vote, write follow-up. */
export function ManageProposal(props: { centre: string; proposal: Proposal; vote: ShownVote | null; onChanged: () => void }) {
  const { t } = useTexts(councilTexts);
  const call = useCall();
  const [done, setDone] = createSignal<string>();
  const [reason, setReason] = createSignal("");
  const [date, setDate] = createSignal(inDays(3));
  const [time, setTime] = createSignal("16:00");
  const [majority, setMajority] = createSignal("simple");
  const [ballot, setBallot] = createSignal("open");
  const [followStatus, setFollowStatus] = createSignal("planned");
  const [followText, setFollowText] = createSignal("");
  const form = useFormErrors({ reason: "decline-reason", closes_at: "closes-date", text: "follow-up-text", status: "follow-up-status-planned" });
  const proposal = () => ({ centre: props.centre, id: props.proposal.id });

  function act(send: () => Promise<unknown>, message: string) {
    form.clear();
    setDone(undefined);
    return form.send(async () => {
      await send();
      setDone(message);
      props.onChanged();
    });
  }

  const closesAt = () => {
    try {
      return copenhagenToIso(date(), time());
    } catch {
      return "";
    }
  };

  return (
    <PageSection title={t("council.manageTitle")} id="manage">
      <div role="status">
        <Show when={done()}>
          {(message) => (
            <Notice kind="success">
              <p>{message()}</p>
            </Notice>
          )}
        </Show>
      </div>
      <ErrorSummary errors={form.errors()} />
      <Show when={props.proposal.status === "submitted"}>
        <p>
          <Button busy={form.sending()} onClick={() => void act(() => call(api.council.centres[":centre"].proposals[":id"].accept.$post, { param: proposal() }), t("council.accepted"))}>
            {t("council.accept")}
          </Button>
        </p>
        <form
          class="form"
          novalidate
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => call(api.council.centres[":centre"].proposals[":id"].decline.$post, { param: proposal() }, { body: { reason: reason() } }), t("council.declined"));
          }}
        >
          <TextAreaField id="decline-reason" label={t("council.declineReason")} value={reason()} error={form.at("decline-reason")} onInput={setReason} rows={3} />
          <Button type="submit" variant="secondary" busy={form.sending()}>
            {t("council.decline")}
          </Button>
        </form>
      </Show>
      <Show when={props.proposal.status === "on_agenda"}>
        <h3>{t("council.openVoteTitle")}</h3>
        <form
          class="form"
          novalidate
          onSubmit={(event) => {
            event.preventDefault();
            const body = { closes_at: closesAt(), majority: majority(), ballot: ballot() };
            void act(() => call(api.council.centres[":centre"].proposals[":id"].vote.$post, { param: proposal() }, { body }), t("council.voteOpened"));
          }}
        >
          <FormField id="closes-date" type="date" label={t("council.closesDate")} value={date()} error={form.at("closes-date")} onInput={setDate} />
          <FormField id="closes-time" type="time" label={t("council.closesTime")} value={time()} onInput={setTime} />
          <MajorityChoice name="majority" value={majority()} onChange={setMajority} />
          <RadioGroup
            name="ballot"
            legend={t("council.ballotKind")}
            value={ballot()}
            onChange={setBallot}
            options={[
              { value: "open", label: t("council.ballot.open") },
              { value: "secret", label: t("council.ballot.secret") },
            ]}
          />
          <Button type="submit" busy={form.sending()}>
            {t("council.openVote")}
          </Button>
        </form>
      </Show>
      <Show when={props.vote?.state === "open" && props.vote}>
        {(vote) => (
          <p>
            <Button
              variant="secondary"
              busy={form.sending()}
              onClick={() => void act(() => call(api.council.centres[":centre"].votes[":id"].close.$post, { param: { centre: props.centre, id: vote().id } }), t("council.closed"))}
            >
              {t("council.closeNow")}
            </Button>
          </p>
        )}
      </Show>
      <Show when={props.proposal.outcome === "adopted"}>
        <form
          class="form"
          novalidate
          onSubmit={(event) => {
            event.preventDefault();
            const body = { status: followStatus(), text: followText() };
            void act(() => call(api.council.centres[":centre"].proposals[":id"]["follow-up"].$post, { param: proposal() }, { body }), t("council.followUpSaved"));
          }}
        >
          <RadioGroup
            name="follow-up-status"
            legend={t("council.addFollowUp")}
            value={followStatus()}
            onChange={setFollowStatus}
            options={FOLLOW_UP_STATUSES.map((value) => ({ value, label: t(`council.followUpStatus.${value}`) }))}
          />
          <TextAreaField id="follow-up-text" label={t("council.followUpText")} value={followText()} error={form.at("follow-up-text")} onInput={setFollowText} rows={3} />
          <Button type="submit" busy={form.sending()}>
            {t("council.addFollowUp")}
          </Button>
        </form>
      </Show>
    </PageSection>
  );
}
