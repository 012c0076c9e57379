import { A, useParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { groupName } from "./model.ts";
import { ResultsView } from "./ResultsView.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, apiUrl, useCall } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { panelTexts } from "./texts/index.ts";

/** /personale/borgerpanel/:centre/:id/resultat — results while it runs, who is missing, export, and publishing the summary after closing. */
export default function StaffResultsPage() {
  const { t } = useTexts(panelTexts);
  usePageTitle(() => t("panel.seeStaffResults"));
  return <RequireSignIn roles={["staff", "admin"]}>{() => <StaffResultsContent />}</RequireSignIn>;
}

function StaffResultsContent() {
  const { t, lang } = useTexts(panelTexts);
  const params = useParams<{ centre: string; id: string }>();
  const call = useCall();
  const consultation = () => ({ centre: params.centre, id: params.id });
  const page = createLoader(consultation, (param, signal) => call(api.panel.centres[":centre"].consultations[":id"].results.$get, { param }, { signal }));
  const [summary, setSummary] = createSignal("");
  const [published, setPublished] = createSignal(false);
  const form = useFormErrors({ summary: "panel-summary" });
  const closed = () => (page.data()?.consultation.closes_at ?? "") <= new Date().toISOString();

  function publish(event: SubmitEvent) {
    event.preventDefault();
    void form.send(async () => {
      await call(api.panel.centres[":centre"].consultations[":id"].results.$post, { param: consultation() }, { body: { summary: summary() } });
      setPublished(true);
      await page.reload();
    });
  }
  const exportHref = (format: "csv" | "json") => `${apiUrl(api.panel.centres[":centre"].consultations[":id"].export.$path({ param: consultation() }))}?format=${format}`;

  return (
    <>
      <PageHeading title={page.data()?.consultation.title ?? t("panel.seeStaffResults")} />
      <p class="status" role="status">
        {page.loading() ? t("panel.loading") : ""}
      </p>
      <Show when={page.error()}>{(error) => <LoadError error={error()} onRetry={page.reload} />}</Show>
      <Show when={published()}>
        <Notice kind="success" announce="polite">
          <p>{t("panel.resultsPublished")}</p>
          <p>
            <A href={`/borgerpanelet/resultater/${params.id}`}>{page.data()?.consultation.title}</A>
          </p>
        </Notice>
      </Show>
      <Show when={page.data()}>
        {(data) => (
          <>
            <ul class="link-list">
              <li>
                <a class="big-link" href={exportHref("csv")} download="">
                  {t("panel.exportCsv")}
                </a>
              </li>
              <li>
                <a class="big-link" href={exportHref("json")} download="">
                  {t("panel.exportJson")}
                </a>
              </li>
            </ul>
            <Show when={data().consultation.status === "published"}>
              <PageSection id="panel-publish" title={t("panel.publishResultsTitle")}>
                <Show when={closed()} fallback={<p>{t("panel.resultsAfterClose")}</p>}>
                  <ErrorSummary errors={form.errors()} />
                  <form class="form" novalidate onSubmit={publish}>
                    <TextAreaField
                      id="panel-summary"
                      label={t("panel.summaryLabel")}
                      hint={t("panel.summaryHint")}
                      lix
                      value={summary()}
                      error={form.at("panel-summary")}
                      onInput={setSummary}
                    />
                    <Button type="submit" busy={form.sending()}>
                      {t("panel.publishResults")}
                    </Button>
                  </form>
                </Show>
              </PageSection>
            </Show>
            <Show when={data().consultation.summary}>
              <PageSection id="panel-summary-shown" title={t("panel.summaryTitle")}>
                <p class="lead">{data().consultation.summary}</p>
              </PageSection>
            </Show>
            <ResultsView questions={data().consultation.questions} results={data()} idPrefix="staff-result" />
            <PageSection id="panel-repr" title={t("panel.reprTitle")}>
              <p>{t("panel.reprLead")}</p>
              <For each={data().representativeness}>
                {(r) => {
                  const values = () => [...new Set([...r.panel, ...r.respondents].map((s) => s.value))].sort();
                  const share = (list: typeof r.panel, value: string) => {
                    const found = list.find((s) => s.value === value);
                    return !found || found.hidden ? t("panel.tooFew") : `${found.n} (${found.percent} %)`;
                  };
                  return (
                    <div class="table-wrap">
                      <table class="table">
                        <caption>{t(`panel.dim.${r.dimension}`)}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t("panel.group")}</th>
                            <th scope="col">{t("panel.reprPanel")}</th>
                            <th scope="col">{t("panel.reprRespondents")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={values()}>
                            {(value) => (
                              <tr>
                                <th scope="row">{groupName(r.dimension, value, t, lang())}</th>
                                <td>{share(r.panel, value)}</td>
                                <td>{share(r.respondents, value)}</td>
                              </tr>
                            )}
                          </For>
                        </tbody>
                      </table>
                    </div>
                  );
                }}
              </For>
            </PageSection>
          </>
        )}
      </Show>
      <p>
        <A class="big-link" href="/personale/borgerpanel">
          {t("panel.staffBack")}
        </A>
      </p>
    </>
  );
}
