import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { apiSend } from "../api.ts";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "./texts.ts";
import { RequireSignIn, useSignedInGet } from "../identity/access.tsx";
import { useFormErrors } from "../identity/forms.ts";
import { centres } from "@naerhed/core/shared/centres";
import { FormField } from "../components/FormField.tsx";
import { RadioGroup } from "../components/RadioGroup.tsx";
import { formatMoment, type Membership, type OpenBallot, type WaitingVote } from "./format.ts";

const CHOICES = ["for", "against", "abstain"] as const;

/** /borgerraadet/mine-afstemninger — "Votes waiting for you": one big button per choice, then a confirmation and the receipt. */
export default function MyVotesPage() {
  const { t } = useI18n();
  usePageTitle(() => t("council.myVotesTitle"));
  return <RequireSignIn>{() => <MyVotes />}</RequireSignIn>;
}

function MyVotes() {
  const { t, lang } = useI18n();
  const get = useSignedInGet();
  const [votes, { refetch }] = createResource(() =>
    get<{ items: WaitingVote[]; memberships: Membership[] }>("/council/my-votes", lang(), { items: [], memberships: [] }),
  );
  return (
    <>
      <PageHeading title={t("council.myVotesTitle")} lead={t("council.myVotesLead")} />
      <Show when={votes.error}>
        <LoadError error={votes.error} onRetry={() => void refetch()} />
      </Show>
      <Show when={votes()}>
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
  const { t, lang } = useI18n();
  const [ballot, setBallot] = createSignal(props.item.ballot);
  const [busy, setBusy] = createSignal(false);
  const [confirmed, setConfirmed] = createSignal(false);
  const form = useFormErrors();
  const vote = () => props.item.vote;
  let confirmation: HTMLDivElement | undefined;

  async function cast(choice: OpenBallot["choice"]) {
    if (busy()) return;
    setBusy(true);
    form.clear();
    // One key per click: if the answer is lost and the browser sends it again, it counts once.
    const request_key = crypto.randomUUID();
    try {
      const answer = await apiSend<{ ballot: { choice: OpenBallot["choice"]; receipt: string } }>(
        "PUT",
        `/council/centres/${props.item.centre_id}/votes/${vote().id}/ballot`,
        lang(),
        { choice, request_key },
      );
      setBallot(answer.ballot);
      setConfirmed(true);
      confirmation?.focus();
    } catch (problem) {
      form.fail(problem);
    } finally {
      setBusy(false);
    }
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
              <p>{t("council.canChange", { time: formatMoment(vote().closes_at, lang()) })}</p>
              <p>{t("council.receipt", { code: mine().receipt })}</p>
              <p class="small">{t("council.receiptHint")}</p>
            </Notice>
          )}
        </Show>
      </div>
      <ErrorSummary errors={form.errors()} />
      <h3>{ballot() ? t("council.changeVote") : t("council.choose")}</h3>
      <ul class="plain-list council-choices">
        <For each={CHOICES}>
          {(choice) => (
            <li>
              <Button
                class={`council-choice council-choice--${choice}`}
                variant={ballot()?.choice === choice ? "primary" : "secondary"}
                aria-pressed={ballot()?.choice === choice ? "true" : "false"}
                busy={busy()}
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
  const { t, lang } = useI18n();
  const [notify, setNotify] = createSignal<string>(props.membership.notify);
  const [email, setEmail] = createSignal(props.membership.email ?? "");
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const prefix = () => `mail-${props.membership.centre_id}`;
  const form = useFormErrors({ notify: `${prefix()}-notify-immediate`, email: `${prefix()}-email` });
  const centreName = () => centres.find((c) => c.id === props.membership.centre_id)?.name[lang()] ?? props.membership.centre_id;

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    setSaved(false);
    form.clear();
    try {
      await apiSend("PUT", `/council/centres/${props.membership.centre_id}/my-notifications`, lang(), {
        notify: notify(),
        ...(email().trim() ? { email: email().trim() } : {}),
      });
      setSaved(true);
    } catch (problem) {
      form.fail(problem);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="page-section" aria-labelledby={`${prefix()}-title`}>
      <h2 id={`${prefix()}-title`}>{`${t("council.mailTitle")}: ${centreName()}`}</h2>
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
        <Button type="submit" busy={busy()}>
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
