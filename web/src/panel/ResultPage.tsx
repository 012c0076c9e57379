import { A, useParams } from "@solidjs/router";
import { Show } from "solid-js";
import { ApiError, apiGet } from "../api.ts";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "./texts.ts";
import { useLoad } from "../components/load.ts";
import type { Consultation, Results } from "./model.ts";
import { ResultsView } from "./ResultsView.tsx";

type Published = Results & { consultation: Pick<Consultation, "id" | "title" | "summary" | "questions"> };

/** /borgerpanelet/resultater/:id — a published result: the summary, then the numbers. Anyone may read it. */
export default function ResultPage() {
  const { t, lang } = useI18n();
  const params = useParams<{ id: string }>();
  const page = useLoad((signal) => apiGet<Published>(`/panel/results/${params.id}`, lang(), signal));
  usePageTitle(() => page.data()?.consultation.title ?? t("panel.resultsTitle"));
  return (
    <>
      <PageHeading title={page.data()?.consultation.title ?? t("panel.resultsTitle")} />
      <p class="status" role="status">
        {page.loading() ? t("panel.loading") : ""}
      </p>
      <Show when={page.error()}>
        {(error) => (
          <Show when={error() instanceof ApiError && (error() as ApiError).status === 404} fallback={<LoadError error={error()} onRetry={() => void page.reload()} />}>
            <Notice kind="warning">
              <p>{(error() as ApiError).message}</p>
            </Notice>
          </Show>
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
