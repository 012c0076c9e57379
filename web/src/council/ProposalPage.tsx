import { A, useParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { api, useCall } from "../lib/api.ts";
import { formatDate } from "../lib/dates.ts";
import { useFormErrors } from "../lib/forms.ts";
import { createLoader } from "../lib/load.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { contentLang } from "../lib/language.tsx";
import NotFound from "../pages/NotFound.tsx";
import { ManageProposal } from "./ManageProposal.tsx";
import { councilTexts } from "./texts/index.ts";
import { ProposalBadge, VoteResult } from "./VoteResult.tsx";
import "./council.scss";

/**
 * /borgerraadet/:centre/forslag/:id — one proposal: summary first, the vote or result, follow-up.
 * What the viewer may do here (vote, comment, manage) the API says with the proposal.
 */
export default function ProposalPage() {
  const { t, lang } = useTexts(councilTexts);
  const params = useParams<{ centre: string; id: string }>();
  const call = useCall();
  const page = createLoader(
    () => ({ centre: params.centre, id: params.id }),
    (param, signal) => call(api.council.centres[":centre"].proposals[":id"].$get, { param }, { signal }),
  );
  usePageTitle(() => page.data()?.proposal.title ?? t("council.title"));

  return (
    <Show when={!page.missing()} fallback={<NotFound />}>
      <p class="back">
        <A href={`/borgerraadet/${params.centre}`} class="back__link">
          <span class="back__text">{t("council.backToCouncil")}</span>
        </A>
      </p>
      <Show when={page.error()}>{(error) => <LoadError error={error()} onRetry={page.reload} />}</Show>
      <Show when={page.data()}>
        {(data) => (
          <>
            <PageHeading title={data().proposal.title} titleLang={contentLang(lang())} lead={<span lang={contentLang(lang())}>{data().proposal.summary}</span>} />
            <ProposalBadge status={data().proposal.status} vote={data().vote} />
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
                  <Show when={data().can.vote}>
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
                  <Show when={data().can.check_receipt}>
                    <ReceiptCheck centre={params.centre} voteId={vote().id} />
                  </Show>
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
              <p class="offer__text" lang={contentLang(lang())}>
                {data().proposal.body}
              </p>
            </PageSection>
            <Show when={data().comments.length > 0 || data().can.comment}>
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
                <Show when={data().can.comment}>
                  <CommentForm centre={params.centre} proposalId={data().proposal.id} onSent={page.reload} />
                </Show>
              </PageSection>
            </Show>
            <Show when={data().can.manage}>
              <ManageProposal centre={params.centre} proposal={data().proposal} vote={data().vote} onChanged={page.reload} />
            </Show>
          </>
        )}
      </Show>
    </Show>
  );
}

/** Anyone with a receipt can see that the ballot is in the count; the answer never says how it voted. */
function ReceiptCheck(props: { centre: string; voteId: string }) {
  const { t } = useTexts(councilTexts);
  const call = useCall();
  const [code, setCode] = createSignal("");
  const [counted, setCounted] = createSignal<boolean>();
  const form = useFormErrors({ receipt: "receipt" });
  async function check(event: SubmitEvent) {
    event.preventDefault();
    form.clear();
    setCounted(undefined);
    try {
      const param = { centre: props.centre, id: props.voteId, receipt: code().trim() || "-" };
      setCounted((await call(api.council.centres[":centre"].votes[":id"].receipts[":receipt"].$get, { param })).counted);
    } catch (problem) {
      form.fail(problem);
    }
  }
  return (
    <form class="form" onSubmit={check} novalidate>
      <ErrorSummary errors={form.errors()} />
      <FormField id="receipt" label={t("council.receiptLabel")} value={code()} error={form.at("receipt")} onInput={setCode} autocapitalize="off" spellcheck={false} />
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
  const { t } = useTexts(councilTexts);
  const call = useCall();
  const [text, setText] = createSignal("");
  const form = useFormErrors({ text: "comment" });
  const send = (event: SubmitEvent) => {
    event.preventDefault();
    form.clear();
    void form.send(async () => {
      await call(api.council.centres[":centre"].proposals[":id"].comments.$post, { param: { centre: props.centre, id: props.proposalId } }, { body: { text: text() } });
      setText("");
      props.onSent();
    });
  };
  return (
    <form class="form" onSubmit={send} novalidate>
      <ErrorSummary errors={form.errors()} />
      <TextAreaField id="comment" label={t("council.commentLabel")} value={text()} error={form.at("comment")} onInput={setText} rows={3} />
      <Button type="submit" variant="secondary" busy={form.sending()}>
        {t("council.commentSend")}
      </Button>
    </form>
  );
}
