import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { LoadError } from "../components/LoadError.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { ConsentText } from "./ConsentText.tsx";
import { hasAnyRole } from "@naerhed/core/identity/roles";
import { usePageTitle } from "../lib/navigation.ts";
import { useSession } from "../lib/session.tsx";
import { signInPath } from "../lib/sign-in.ts";
import { useTexts } from "../lib/texts.ts";
import { panelTexts } from "./texts/index.ts";
import { countText } from "./counts.ts";
import { formatDateTime } from "../lib/dates.ts";
import { api, useCall } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";

/** /borgerpanelet: what the panel is, how to join, and the published results. Anyone may read it. */
export default function PanelPage() {
  const { t, lang } = useTexts(panelTexts);
  const session = useSession();
  usePageTitle(() => t("panel.title"));
  const call = useCall();
  const results = createLoader(
    () => true,
    (_, signal) => call(api.panel.results.$get, {}, { signal }),
  );

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
          <Show when={hasAnyRole(session.person(), ["staff", "admin"])}>
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
        <Show when={results.error()}>{(error) => <LoadError error={error()} onRetry={results.reload} />}</Show>
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
                        {t("panel.respondents", { count: countText(item.answer_count, t) })} {t("panel.closedTitle")}: {formatDateTime(item.closes_at, lang())}
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
