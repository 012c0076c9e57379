import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { apiGet } from "../api.ts";
import { LoadError } from "../components/LoadError.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "./texts.ts";
import { signInPath } from "../identity/access.tsx";
import { hasRole, useSession } from "../identity/session.tsx";
import { ConsentText } from "./ConsentText.tsx";
import { useLoad } from "../components/load.ts";
import { countText } from "./counts.ts";
import { formatTime, type PublishedSummary as Published } from "./model.ts";

/** /borgerpanelet: what the panel is, how to join, and the published results. Anyone may read it. */
export default function PanelPage() {
  const { t, lang } = useI18n();
  const session = useSession();
  usePageTitle(() => t("panel.title"));
  const results = useLoad((signal) => apiGet<{ items: Published[] }>("/panel/results", lang(), signal));

  return (
    <>
      <PageHeading title={t("panel.title")} lead={t("panel.lead")} />
      <PageSection id="panel-what" title={t("panel.whatTitle")}>
        <p>{t("panel.what1")}</p>
        <p>{t("panel.what2")}</p>
        <ConsentText level={3} />
        <ul class="link-list">
          <Show
            when={session.person()}
            fallback={
              <li>
                <A class="big-link" href={signInPath("/borgerpanelet/tilmeld")}>
                  {t("panel.signInToJoin")}
                </A>
              </li>
            }
          >
            <li>
              <A class="big-link" href="/borgerpanelet/tilmeld">
                {t("panel.joinLink")}
              </A>
            </li>
            <li>
              <A class="big-link" href="/borgerpanelet/mine">
                {t("panel.myLink")}
              </A>
            </li>
          </Show>
          <Show when={hasRole(session.person(), "staff", "admin")}>
            <li>
              <A class="big-link" href="/personale/borgerpanel">
                {t("panel.staffLink")}
              </A>
            </li>
          </Show>
        </ul>
      </PageSection>
      <PageSection id="panel-results" title={t("panel.resultsTitle")}>
        <p class="status" role="status">
          {results.loading() ? t("panel.loading") : ""}
        </p>
        <Show when={results.error()}>{(error) => <LoadError error={error()} onRetry={() => void results.reload()} />}</Show>
        <Show when={results.data()}>
          {(data) => (
            <Show when={data().items.length > 0} fallback={<p>{t("panel.resultsNone")}</p>}>
              <ul class="cards">
                <For each={data().items}>
                  {(item) => (
                    <li class="card">
                      <h3 class="card__title">
                        <A class="card__link" href={`/borgerpanelet/resultater/${item.id}`}>
                          {item.title}
                        </A>
                      </h3>
                      <p>{item.summary}</p>
                      <p class="small">
                        {t("panel.respondents", { count: countText(item.answer_count, t) })} {t("panel.closedTitle")}: {formatTime(item.closes_at, lang())}
                      </p>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </PageSection>
    </>
  );
}
