import { A } from "@solidjs/router";
import { CHOICES } from "@naerhed/core/council/voting-rules";
import { centreName } from "../lib/site.ts";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { FormField } from "../components/FormField.tsx";
import { RadioGroup } from "../components/RadioGroup.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall, type Answer } from "../lib/api.ts";
import { formatMoment } from "../lib/dates.ts";
import { useFormErrors } from "../lib/forms.ts";
import { createLoader } from "../lib/load.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { councilTexts } from "./texts/index.ts";
import "./council.scss";

type MyVotes = Answer<(typeof api.council)["my-votes"]["$get"]>;
type WaitingVote = MyVotes["items"][number];
type Membership = MyVotes["memberships"][number];
type Choice = (typeof CHOICES)[number];

/** /borgerraadet/mine-afstemninger — "Votes waiting for you": one big button per choice, then a confirmation and the receipt. */
export default function MyVotesPage() {
  const { t } = useTexts(councilTexts);
  usePageTitle(() => t("council.myVotesTitle"));
  return <RequireSignIn>{() => <MyVotes />}</RequireSignIn>;
}

function MyVotes() {
  const { t } = useTexts(councilTexts);
  const call = useCall();
  const votes = createLoader(
    () => true,
    (_, signal) => call(api.council["my-votes"].$get, {}, { signal }),
  );
  return (
    <>
      <PageHeading title={t("council.myVotesTitle")} lead={t("council.myVotesLead")} />
      <Show when={votes.error()}>{(error) => <LoadError error={error()} onRetry={votes.reload} />}</Show>
      <Show when={votes.data()}>
        {(data) => (
          <>
            <Show when={data().items.length > 0} fallback={<p>{t("council.noVotes")}</p>}>
              <For each={data().items}>{(item) => <Ballot item={item} />}</For>
            </Show>
            <For each={data().memberships}>{(membership) => <MailChoice membership={membership} />}</For>
          </>
        )}
      </Show>
    </>
  );
}

function Ballot(props: { item: WaitingVote }) {
  const { t, lang } = useTexts(councilTexts);
  const call = useCall();
  const [ballot, setBallot] = createSignal(props.item.ballot);
  const [confirmed, setConfirmed] = createSignal(false);
  // The supporter (bisidder) beside the member: named in their own record, never with the choice (docs/supported-voting.md).
  const [supporter, setSupporter] = createSignal("");
  const [assistedBy, setAssistedBy] = createSignal<string>();
  const form = useFormErrors({ supporter: `supporter-${props.item.vote.id}` });
  const vote = () => props.item.vote;
  let confirmation: HTMLDivElement | undefined;

  function cast(choice: Choice) {
    form.clear();
    // One key per click: if the answer is lost and the browser sends it again, it counts once.
    const request_key = crypto.randomUUID();
    return form.send(async () => {
      const param = { centre: props.item.centre_id, id: vote().id };
      const named = supporter().trim();
      const answer = await call(api.council.centres[":centre"].votes[":id"].ballot.$put, { param }, { body: { choice, request_key, ...(named ? { supporter: named } : {}) } });
      setAssistedBy(named || undefined);
      setBallot(answer.ballot);
      setConfirmed(true);
      confirmation?.focus();
    });
  }

  const headingId = () => `vote-${vote().id}`;
  return (
    <section class="page-section council-ballot" aria-labelledby={headingId()}>
      <h2 id={headingId()}>{vote().proposal_title}</h2>
      <p>{t("council.openUntil", { time: formatMoment(vote().closes_at, lang()) })}</p>
      <p>
        <A href={`/borgerraadet/${props.item.centre_id}/forslag/${vote().proposal_id}`}>{t("council.readMore", { title: vote().proposal_title })}</A>
      </p>
      <div tabindex="-1" ref={confirmation} role="status" class="council-confirmation">
        <Show when={ballot()}>
          {(mine) => (
            <Notice kind={confirmed() ? "success" : "info"}>
              <p class="council-confirmation__choice">{t(`council.youVoted.${mine().choice}`)}</p>
              <Show when={confirmed() && assistedBy()}>{(name) => <p>{t("council.assisted", { name: name() })}</p>}</Show>
              <p>{t("council.canChange", { time: formatMoment(vote().closes_at, lang()) })}</p>
              <p>{t("council.receipt", { code: mine().receipt })}</p>
              <p class="small">{t("council.receiptHint")}</p>
            </Notice>
          )}
        </Show>
      </div>
      <ErrorSummary errors={form.errors()} />
      <FormField
        id={`supporter-${vote().id}`}
        label={t("council.supporter")}
        hint={t("council.supporterHint")}
        autocomplete="off"
        value={supporter()}
        error={form.at(`supporter-${vote().id}`)}
        onInput={setSupporter}
      >
        <A href="/hjaelp/bisidder">{t("council.supporterHelp")}</A>
      </FormField>
      <h3>{ballot() ? t("council.changeVote") : t("council.choose")}</h3>
      <ul class="plain-list council-choices">
        <For each={CHOICES}>
          {(choice) => (
            <li>
              <Button
                class={`council-choice council-choice--${choice}`}
                variant={ballot()?.choice === choice ? "primary" : "secondary"}
                aria-pressed={ballot()?.choice === choice ? "true" : "false"}
                busy={form.sending()}
                onClick={() => void cast(choice)}
              >
                {t(`council.choice.${choice}`)}
              </Button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

/** The member's own choice of council mail, per council they sit on. */
function MailChoice(props: { membership: Membership }) {
  const { t, lang } = useTexts(councilTexts);
  const call = useCall();
  const [notify, setNotify] = createSignal<string>(props.membership.notify);
  const [email, setEmail] = createSignal(props.membership.email ?? "");
  const [saved, setSaved] = createSignal(false);
  const prefix = () => `mail-${props.membership.centre_id}`;
  const form = useFormErrors({ notify: `${prefix()}-notify-immediate`, email: `${prefix()}-email` });

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    form.clear();
    void form.send(async () => {
      const body = { notify: notify(), ...(email().trim() ? { email: email().trim() } : {}) };
      await call(api.council.centres[":centre"]["my-notifications"].$put, { param: { centre: props.membership.centre_id } }, { body });
      setSaved(true);
    });
  };

  return (
    <section class="page-section" aria-labelledby={`${prefix()}-title`}>
      <h2 id={`${prefix()}-title`}>{`${t("council.mailTitle")}: ${centreName(props.membership.centre_id, lang())}`}</h2>
      <form class="form" onSubmit={save} novalidate>
        <ErrorSummary errors={form.errors()} />
        <RadioGroup
          name={`${prefix()}-notify`}
          legend={t("council.mailQuestion")}
          value={notify()}
          onChange={setNotify}
          options={[
            { value: "immediate", label: t("council.mail.immediate") },
            { value: "digest", label: t("council.mail.digest") },
            { value: "none", label: t("council.mail.none") },
          ]}
        />
        <Show when={notify() !== "none"}>
          <FormField id={`${prefix()}-email`} type="email" label={t("council.mailAddress")} value={email()} error={form.at(`${prefix()}-email`)} onInput={setEmail} autocomplete="email" spellcheck={false} />
        </Show>
        <Button type="submit" busy={form.sending()}>
          {t("council.mailSave")}
        </Button>
        <div role="status">
          <Show when={saved()}>
            <p>{t("council.mailSaved")}</p>
          </Show>
        </div>
      </form>
    </section>
  );
}
