import { A, useParams } from "@solidjs/router";
import { openCentres, siteLoaded } from "../lib/site.ts";
import { createSignal, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import NotFound from "../pages/NotFound.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall } from "../lib/api.ts";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { councilTexts } from "./texts/index.ts";

/** /borgerraadet/:centre/nyt-forslag — anyone signed in writes a proposal; it goes to the council's inbox. */
export default function ProposePage() {
  const { t } = useTexts(councilTexts);
  const params = useParams<{ centre: string }>();
  usePageTitle(() => t("council.proposeTitle"));
  return (
    <Show when={!siteLoaded() || openCentres().some((c) => c.id === params.centre)} fallback={<NotFound />}>
      <RequireSignIn>{() => <ProposeForm centre={params.centre} />}</RequireSignIn>
    </Show>
  );
}

function ProposeForm(props: { centre: string }) {
  const { t } = useTexts(councilTexts);
  const call = useCall();
  const [title, setTitle] = createSignal("");
  const [summary, setSummary] = createSignal("");
  const [body, setBody] = createSignal("");
  const [sent, setSent] = createSignal(false);
  const form = useFormErrors({ title: "proposal-title", summary: "proposal-summary", body: "proposal-body" });

  const send = (event: SubmitEvent) => {
    event.preventDefault();
    form.clear();
    void form.send(async () => {
      await call(api.council.centres[":centre"].proposals.$post, { param: { centre: props.centre } }, { body: { title: title(), summary: summary(), body: body() } });
      setSent(true);
    });
  };

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
          <Button type="submit" busy={form.sending()}>
            {t("council.send")}
          </Button>
        </form>
      </Show>
    </>
  );
}
