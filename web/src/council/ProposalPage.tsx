import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { ApiError, apiGet, apiSend } from "../api.ts";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { formatDate } from "../directory/format.ts";
import { useI18n } from "./texts.ts";
import { useFormErrors } from "../identity/forms.ts";
import NotFound from "../pages/NotFound.tsx";
import type { Overview, ProposalDetail } from "./format.ts";
import { ManageProposal } from "./ManageProposal.tsx";
import { VoteResult } from "./VoteResult.tsx";

/** /borgerraadet/:centre/forslag/:id — one proposal: summary first, the vote or result, follow-up; managers act here. */
export default function ProposalPage() {
  const { t, lang } = useI18n();
  const params = useParams<{ centre: string; id: string }>();
  const [detail, { refetch }] = createResource(
    () => [params.centre, params.id] as const,
    ([centre, id]) => apiGet<ProposalDetail>(`/council/centres/${centre}/proposals/${id}`, lang()),
  );
  // Whether the viewer may manage: the council page knows (the API checks again on every action).
  const [viewer] = createResource(
    () => params.centre,
    async (centre) => (await apiGet<Overview>(`/council/centres/${centre}`, lang())).viewer,
  );
  const missing = () => detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
  usePageTitle(() => detail()?.proposal.title ?? t("council.title"));

  return (
    <Show when={!missing()} fallback={<NotFound />}>
      <p class="back">
        <A href={`/borgerraadet/${params.centre}`} class="back__link">
          <span class="back__text">{t("council.backToCouncil")}</span>
        </A>
      </p>
      <Show when={detail.error && !missing()}>
        <LoadError error={detail.error} onRetry={() => void refetch()} />
      </Show>
      <Show when={detail()}>
        {(data) => (
          <>
            <PageHeading title={data().proposal.title} lead={data().proposal.summary} />
            <p class="tag">{t(`council.status.${data().proposal.status}`)}</p>
            <p class="small">{t("council.proposedBy", { name: data().proposal.author_name })}</p>
            <Show when={data().proposal.decline_reason}>
              {(reason) => (
                <Notice>
                  <p>{t("council.declineReasonShown", { reason: reason() })}</p>
                </Notice>
              )}
            </Show>
            <Show when={data().vote}>
              {(vote) => (
                <PageSection title={t("council.result")} id="result">
                  <VoteResult vote={vote()} />
                  <Show when={vote().state === "open" && viewer()?.member}>
                    <p>
                      <A href="/borgerraadet/mine-afstemninger" class="big-link">
                        {t("council.vote")}
                      </A>
                    </p>
                  </Show>
                  <Show when={data().open_ballots.length > 0}>
                    <h3>{t("council.whoVoted")}</h3>
                    <ul class="plain-list">
                      <For each={data().open_ballots}>{(ballot) => <li>{`${ballot.display_name}: ${t(`council.${ballot.choice}`)}`}</li>}</For>
                    </ul>
                  </Show>
                  <ReceiptCheck centre={params.centre} voteId={vote().id} />
                </PageSection>
              )}
            </Show>
            <Show when={data().proposal.follow_up.length > 0}>
              <PageSection title={t("council.followUp")} id="follow-up">
                <ol class="plain-list council-timeline">
                  <For each={data().proposal.follow_up}>
                    {(entry) => (
                      <li>
                        <strong>{t(`council.followUpStatus.${entry.status}`)}</strong> ({formatDate(entry.at, lang())}): {entry.text}
                      </li>
                    )}
                  </For>
                </ol>
              </PageSection>
            </Show>
            <PageSection title={t("council.fullText")} id="full-text">
              <p class="offer__text">{data().proposal.body}</p>
            </PageSection>
            <Show when={data().comments.length > 0 || (viewer()?.in_council && ["submitted", "on_agenda", "voting"].includes(data().proposal.status))}>
              <PageSection title={t("council.comments")} id="comments">
                <ul class="plain-list">
                  <For each={data().comments}>
                    {(comment) => (
                      <li>
                        <strong>{comment.author_name}</strong> ({formatDate(comment.at, lang())}): {comment.text}
                      </li>
                    )}
                  </For>
                </ul>
                <Show when={viewer()?.in_council && ["submitted", "on_agenda", "voting"].includes(data().proposal.status)}>
                  <CommentForm centre={params.centre} proposalId={data().proposal.id} onSent={() => void refetch()} />
                </Show>
              </PageSection>
            </Show>
            <Show when={viewer()?.can_manage}>
              <ManageProposal centre={params.centre} proposal={data().proposal} vote={data().vote} onChanged={() => void refetch()} />
            </Show>
          </>
        )}
      </Show>
    </Show>
  );
}

/** Anyone with a receipt can see that the ballot is in the count; the answer never says how it voted. */
function ReceiptCheck(props: { centre: string; voteId: string }) {
  const { t, lang } = useI18n();
  const [code, setCode] = createSignal("");
  const [counted, setCounted] = createSignal<boolean>();
  const form = useFormErrors({ receipt: "receipt" });
  async function check(event: SubmitEvent) {
    event.preventDefault();
    form.clear();
    setCounted(undefined);
    try {
      const answer = await apiGet<{ counted: boolean }>(`/council/centres/${props.centre}/votes/${props.voteId}/receipts/${encodeURIComponent(code().trim() || "-")}`, lang());
      setCounted(answer.counted);
    } catch (problem) {
      form.fail(problem);
    }
  }
  return (
    <form class="form" onSubmit={check} novalidate>
      <ErrorSummary errors={form.errors()} />
      <FormField id="receipt" label={t("council.receiptLabel")} hint={t("council.receiptHint")} value={code()} error={form.at("receipt")} onInput={setCode} autocapitalize="off" spellcheck={false} />
      <Button type="submit" variant="secondary">
        {t("council.receiptCheck")}
      </Button>
      <div role="status">
        <Show when={counted() !== undefined}>
          <p>{counted() ? t("council.receiptCounted") : t("council.receiptNotFound")}</p>
        </Show>
      </div>
    </form>
  );
}

/** Council members comment while the proposal is open. */
function CommentForm(props: { centre: string; proposalId: string; onSent: () => void }) {
  const { t, lang } = useI18n();
  const [text, setText] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const form = useFormErrors({ text: "comment" });
  async function send(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    form.clear();
    try {
      await apiSend("POST", `/council/centres/${props.centre}/proposals/${props.proposalId}/comments`, lang(), { text: text() });
      setText("");
      props.onSent();
    } catch (problem) {
      form.fail(problem);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="form" onSubmit={send} novalidate>
      <ErrorSummary errors={form.errors()} />
      <TextAreaField id="comment" label={t("council.commentLabel")} value={text()} error={form.at("comment")} onInput={setText} rows={3} />
      <Button type="submit" variant="secondary" busy={busy()}>
        {t("council.commentSend")}
      </Button>
    </form>
  );
}
