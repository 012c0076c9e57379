import { A, useParams } from "@solidjs/router";
import { Show } from "solid-js";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { ResultsView } from "./ResultsView.tsx";
import { api, ApiError, useCall } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { panelTexts } from "./texts/index.ts";

/** /borgerpanelet/resultater/:id — a published result: the summary, then the numbers. Anyone may read it. */
export default function ResultPage() {
  const { t } = useTexts(panelTexts);
  const params = useParams<{ id: string }>();
  const call = useCall();
  const page = createLoader(
    () => params.id,
    (id, signal) => call(api.panel.results[":id"].$get, { param: { id } }, { signal }),
  );
  usePageTitle(() => page.data()?.consultation.title ?? t("panel.resultsTitle"));
  return (
    <>
      <PageHeading title={page.data()?.consultation.title ?? t("panel.resultsTitle")} />
      <p class="status" role="status">
        {page.loading() ? t("panel.loading") : ""}
      </p>
      <Show when={page.error()}>{(error) => <LoadError error={error()} onRetry={page.reload} />}</Show>
      <Show when={page.missing() && page.failure()}>
        {(missing) => (
          <Notice kind="warning">
            <p>{(missing() as ApiError).message}</p>
          </Notice>
        )}
      </Show>
      <Show when={page.data()}>
        {(data) => (
          <>
            <PageSection id="result-summary" title={t("panel.summaryTitle")}>
              <p class="lead">{data().consultation.summary}</p>
            </PageSection>
            <ResultsView questions={data().consultation.questions} results={data()} idPrefix="result" />
          </>
        )}
      </Show>
      <p>
        <A class="big-link" href="/borgerpanelet">
          {t("panel.backToPanel")}
        </A>
      </p>
    </>
  );
}
