import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { apiGet, apiSend } from "../api.ts";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "../i18n/index.tsx";
import { RequireSignIn, useSignInRedirect } from "../identity/access.tsx";
import { useFormErrors } from "../identity/forms.ts";
import { formatMoment, type OpenBallot, type WaitingVote } from "./format.ts";

const CHOICES = ["for", "against", "abstain"] as const;

/** /borgerraadet/mine-afstemninger — "Votes waiting for you": one big button per choice, then a confirmation and the receipt. */
export default function MyVotesPage() {
  const { t } = useI18n();
  usePageTitle(() => t("council.myVotesTitle"));
  return <RequireSignIn>{() => <MyVotes />}</RequireSignIn>;
}

function MyVotes() {
  const { t, lang } = useI18n();
  const redirect = useSignInRedirect();
  const [votes, { refetch }] = createResource(async () => {
    try {
      return (await apiGet<{ items: WaitingVote[] }>("/council/my-votes", lang())).items;
    } catch (error) {
      if (redirect(error)) return [];
      throw error;
    }
  });
  return (
    <>
      <PageHeading title={t("council.myVotesTitle")} lead={t("council.myVotesLead")} />
      <Show when={votes.error}>
        <LoadError error={votes.error} onRetry={() => void refetch()} />
      </Show>
      <Show when={votes()}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p>{t("council.noVotes")}</p>}>
            <For each={items()}>{(item) => <Ballot item={item} />}</For>
          </Show>
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
