import { createEffect, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import type { SummaryError } from "../lib/forms.ts";
import { Notice } from "../components/Notice.tsx";
import { answerText, type AnswerValue, type MemberConsultation } from "./model.ts";
import { QuestionScreen } from "./QuestionScreen.tsx";
import "./panel.scss";
import { ApiError } from "../lib/api.ts";
import { contentLang } from "../lib/language.tsx";
import { useTexts } from "../lib/texts.ts";
import { panelTexts } from "./texts/index.ts";

type Step = "intro" | number | "check";
export type Draft = { answers: Record<string, AnswerValue>; step: Step };

const isBlank = (value: AnswerValue | undefined) =>
  value === undefined || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);

/**
 * Answering, one question per screen: an intro, then "Spørgsmål 3 af 7" with Back and Next
 * (answers are kept when going back), then "Tjek dine svar" (GOV.UK check answers) with a
 * change link per answer, then send. Staff's preview runs the same flow without `onSend`.
 */
export function AnswerFlow(props: {
  consultation: MemberConsultation;
  idPrefix: string;
  initial?: Draft;
  restored?: boolean;
  /** Called with every change, so the page can keep a draft. */
  onDraft?: (draft: Draft) => void;
  onSaveLater?: () => void;
  /** Sends the answers; without it (preview) the check page has no send button. */
  onSend?: (answers: Record<string, AnswerValue>) => Promise<void>;
}) {
  const { t, lang } = useTexts(panelTexts);
  const questions = () => props.consultation.questions;
  const [step, setStep] = createSignal<Step>(props.initial?.step ?? "intro");
  const [answers, setAnswers] = createSignal<Record<string, AnswerValue>>(props.initial?.answers ?? {});
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [fromCheck, setFromCheck] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  let heading: HTMLHeadingElement | undefined;

  createEffect(on([answers, step], ([a, s]) => props.onDraft?.({ answers: a, step: s }), { defer: true }));
  // A new screen: its heading takes focus, so a screen reader says where we are.
  createEffect(on(step, () => heading?.focus(), { defer: true }));

  // The "we kept your answers" notice stays until the member moves on.
  const [moved, setMoved] = createSignal(false);
  const go = (next: Step) => {
    setMoved(true);
    setErrors([]);
    setStep(next);
  };
  const current = () => {
    const s = step();
    return typeof s === "number" ? questions()[s] : undefined;
  };
  const inputId = (index: number) => {
    const q = questions()[index]!;
    if (q.type === "short_text" || q.type === "long_text") return `${props.idPrefix}-${q.id}`;
    const first = "choices" in q ? q.choices[0]!.id : q.type === "yes_no" ? "yes" : "1";
    return `${props.idPrefix}-${q.id}-${first}`;
  };

  function next() {
    const s = step() as number;
    const q = questions()[s]!;
    if (!q.optional && isBlank(answers()[q.id])) {
      setErrors([{ field: inputId(s), message: t("panel.required") }]);
      return;
    }
    go(fromCheck() || s === questions().length - 1 ? "check" : s + 1);
  }

  async function send() {
    if (!props.onSend || sending()) return;
    setSending(true);
    setErrors([]);
    try {
      await props.onSend(Object.fromEntries(Object.entries(answers()).filter(([, value]) => !isBlank(value))));
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        setErrors(
          error.fields.map((problem) => {
            const index = questions().findIndex((q) => `answers.${q.id}` === problem.field);
            return index < 0
              ? { message: problem.message }
              : { field: `${props.idPrefix}-change-${index}`, message: `${t("panel.progress", { n: index + 1, total: questions().length })}: ${problem.message}` };
          }),
        );
      } else if (error instanceof ApiError) setErrors([{ message: error.message }]);
      else throw error;
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <Show when={props.restored && !moved()}>
        <Notice kind="success" announce="polite">
          <p>{t("panel.draftRestored")}</p>
        </Notice>
      </Show>
      <Switch>
        <Match when={step() === "intro"}>
          <p class="lead" lang={contentLang(lang())}>
            {props.consultation.intro}
          </p>
          <p>{t("panel.count", { total: questions().length })}</p>
          <Show when={props.onDraft}>
            <p>{t("panel.draftNote")}</p>
          </Show>
          <Button onClick={() => go(0)}>{t("panel.start")}</Button>
        </Match>
        <Match when={current()}>
          {(question) => (
            <>
              <h2 class="progress" tabindex="-1" ref={heading}>
                {t("panel.progress", { n: (step() as number) + 1, total: questions().length })}
              </h2>
              <ErrorSummary errors={errors()} />
              <form
                novalidate
                onSubmit={(event) => {
                  event.preventDefault();
                  next();
                }}
              >
                <QuestionScreen
                  question={question()}
                  value={answers()[question().id]}
                  error={errors()[0]?.message}
                  idPrefix={props.idPrefix}
                  onChange={(value) => {
                    setErrors([]);
                    setAnswers({ ...answers(), [question().id]: value } as Record<string, AnswerValue>);
                  }}
                />
                <div class="actions">
                  <Button type="submit">{t("panel.next")}</Button>
                  <Button variant="secondary" onClick={() => go((step() as number) === 0 ? "intro" : (step() as number) - 1)}>
                    {t("panel.back")}
                  </Button>
                  <Show when={props.onSaveLater}>
                    <Button variant="secondary" onClick={() => props.onSaveLater?.()}>
                      {t("panel.saveLater")}
                    </Button>
                  </Show>
                </div>
              </form>
            </>
          )}
        </Match>
        <Match when={step() === "check"}>
          <h2 tabindex="-1" ref={heading}>
            {t("panel.checkTitle")}
          </h2>
          <p>{t("panel.checkLead")}</p>
          <ErrorSummary errors={errors()} />
          <dl class="check-list">
            <For each={questions()}>
              {(q, i) => (
                <div>
                  <dt lang={contentLang(lang())}>{`${i() + 1}. ${q.text}`}</dt>
                  <dd>
                    <Button
                      id={`${props.idPrefix}-change-${i()}`}
                      variant="secondary"
                      onClick={() => {
                        setFromCheck(true);
                        go(i());
                      }}
                    >
                      {t("panel.change")}
                      <span class="visually-hidden"> {q.text}</span>
                    </Button>
                  </dd>
                  <dd>{answerText(q, answers()[q.id], t)}</dd>
                </div>
              )}
            </For>
          </dl>
          <p class="status" role="status">
            {sending() ? t("panel.sending") : ""}
          </p>
          <div class="actions">
            <Show when={props.onSend}>
              <Button busy={sending()} onClick={() => void send()}>
                {t("panel.send")}
              </Button>
            </Show>
            <Button variant="secondary" onClick={() => go(questions().length - 1)}>
              {t("panel.back")}
            </Button>
          </div>
        </Match>
      </Switch>
    </>
  );
}
