import { A, useNavigate, useParams } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { AnswerFlow, type Draft } from "./AnswerFlow.tsx";
import type { PanelNotice } from "./JoinPage.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, ApiError, useCall } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";
import { focusElement, usePageTitle } from "../lib/navigation.ts";
import { contentLang } from "../lib/language.tsx";
import { useTexts } from "../lib/texts.ts";
import { panelTexts } from "./texts/index.ts";
import { formatDateTime } from "../lib/dates.ts";

/**
 * The draft is kept in this browser's localStorage, per person and consultation, until it is
 * sent: nothing unsent leaves the member's computer, and the server never holds half-answers
 * (which would be harder to keep anonymous). The price: a draft does not follow them to
 * another device. It is removed when the answers are sent.
 */
const draftKey = (personId: string, id: string) => `naerhed.panel.draft.${personId}.${id}`;

function readDraft(key: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : undefined;
  } catch {
    return undefined;
  }
}

function writeDraft(key: string, draft: Draft | undefined) {
  try {
    if (draft) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or blocked: answering still works, only the draft is not kept.
  }
}

/** /borgerpanelet/svar/:id — answer one consultation, once. */
export default function AnswerPage() {
  const { t } = useTexts(panelTexts);
  usePageTitle(() => t("panel.mineTitle"));
  return <RequireSignIn>{(person) => <Answer personId={person().person_id} />}</RequireSignIn>;
}

function Answer(props: { personId: string }) {
  const { t, lang } = useTexts(panelTexts);
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const key = () => draftKey(props.personId, params.id);
  const call = useCall();
  const page = createLoader(
    () => params.id,
    (id, signal) => call(api.panel.consultations[":id"].$get, { param: { id } }, { signal }),
  );
  const consultation = () => page.data()?.consultation;
  const [done, setDone] = createSignal(false);
  const [refused, setRefused] = createSignal<string>();
  const initial = readDraft(key());
  let latest = initial;
  usePageTitle(() => consultation()?.title ?? t("panel.mineTitle"));

  async function send(answers: Draft["answers"]) {
    try {
      await call(api.panel.consultations[":id"].answers.$post, { param: { id: params.id } }, { body: { answers } });
    } catch (error) {
      // Answered already (another tab, or a second click) or closed: say so instead of the form.
      if (error instanceof ApiError && error.status === 409) {
        writeDraft(key(), undefined);
        setRefused(error.message);
        return;
      }
      throw error;
    }
    writeDraft(key(), undefined);
    setDone(true);
  }

  return (
    <>
      <PageHeading
        title={done() ? t("panel.thanksTitle") : (consultation()?.title ?? t("panel.mineTitle"))}
        titleLang={done() || !consultation() ? undefined : contentLang(lang())}
      />
      <p class="status" role="status">
        {page.loading() ? t("panel.loading") : ""}
      </p>
      <Show when={page.error()}>{(error) => <LoadError title={t("panel.loadError")} error={error()} onRetry={page.reload} />}</Show>
      <Show when={page.missing() && page.failure()}>
        {(missing) => (
          <Notice kind="warning">
            <p>{(missing() as ApiError).message}</p>
          </Notice>
        )}
      </Show>
      <Show when={consultation()}>
        {(c) => (
          <Switch>
            <Match when={done()}>
              <h2 tabindex="-1" ref={(heading) => queueMicrotask(() => focusElement(heading))}>
                {t("panel.thanksNext")}
              </h2>
              <ul class="bullets">
                <li>{t("panel.thanks1", { date: formatDateTime(c().closes_at, lang()) })}</li>
                <li>{t("panel.thanks2")}</li>
                <li>{t("panel.thanks3")}</li>
              </ul>
            </Match>
            <Match when={refused() ?? (c().answered ? t("panel.alreadyAnswered") : undefined)}>
              {(message) => (
                <Notice kind="info" announce="polite">
                  <p>{message()}</p>
                </Notice>
              )}
            </Match>
            <Match when={!c().open}>
              <Notice kind="info">
                <p>{c().opens_at > new Date().toISOString() ? t("panel.opens", { date: formatDateTime(c().opens_at, lang()) }) : t("panel.closed")}</p>
              </Notice>
            </Match>
            <Match when={c().open}>
              <AnswerFlow
                consultation={c()}
                idPrefix="answer"
                initial={initial}
                restored={initial !== undefined}
                onDraft={(draft) => {
                  latest = draft;
                  writeDraft(key(), draft);
                }}
                onSaveLater={() => {
                  writeDraft(key(), latest);
                  navigate("/borgerpanelet/mine", { state: { notice: "draftSaved" } satisfies PanelNotice });
                }}
                onSend={send}
              />
            </Match>
          </Switch>
        )}
      </Show>
      <p>
        <A class="big-link" href="/borgerpanelet/mine">
          {t("panel.backToMine")}
        </A>
      </p>
    </>
  );
}
