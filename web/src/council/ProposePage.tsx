import { A, useParams } from "@solidjs/router";
import { centres } from "@naerhed/core/shared/centres";
import { createSignal, Show } from "solid-js";
import { apiSend } from "../api.ts";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "./texts.ts";
import { RequireSignIn } from "../identity/access.tsx";
import { useFormErrors } from "../identity/forms.ts";
import NotFound from "../pages/NotFound.tsx";

/** /borgerraadet/:centre/nyt-forslag — anyone signed in writes a proposal; it goes to the council's inbox. */
export default function ProposePage() {
  const { t } = useI18n();
  const params = useParams<{ centre: string }>();
  usePageTitle(() => t("council.proposeTitle"));
  return (
    <Show when={centres.some((c) => c.id === params.centre)} fallback={<NotFound />}>
      <RequireSignIn>{() => <ProposeForm centre={params.centre} />}</RequireSignIn>
    </Show>
  );
}

function ProposeForm(props: { centre: string }) {
  const { t, lang } = useI18n();
  const [title, setTitle] = createSignal("");
  const [summary, setSummary] = createSignal("");
  const [body, setBody] = createSignal("");
  const [sent, setSent] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const form = useFormErrors({ title: "proposal-title", summary: "proposal-summary", body: "proposal-body" });

  async function send(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    form.clear();
    try {
      await apiSend("POST", `/council/centres/${props.centre}/proposals`, lang(), { title: title(), summary: summary(), body: body() });
      setSent(true);
    } catch (problem) {
      form.fail(problem);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title={t("council.proposeTitle")} lead={t("council.proposeLead")} />
      <Show
        when={!sent()}
        fallback={
          <Notice kind="success" announce="polite">
            <p>{t("council.sent")}</p>
            <p>
              <A href={`/borgerraadet/${props.centre}`} class="big-link">
                {t("council.backToCouncil")}
              </A>
            </p>
          </Notice>
        }
      >
        <form class="form" onSubmit={send} novalidate>
          <ErrorSummary errors={form.errors()} />
          <FormField id="proposal-title" label={t("council.proposalTitle")} hint={t("council.proposalTitleHint")} value={title()} error={form.at("proposal-title")} onInput={setTitle} />
          <TextAreaField id="proposal-summary" label={t("council.summary")} hint={t("council.summaryHint")} value={summary()} error={form.at("proposal-summary")} onInput={setSummary} lix />
          <TextAreaField id="proposal-body" label={t("council.body")} value={body()} error={form.at("proposal-body")} onInput={setBody} rows={8} />
          <Button type="submit" busy={busy()}>
            {t("council.send")}
          </Button>
        </form>
      </Show>
    </>
  );
}
