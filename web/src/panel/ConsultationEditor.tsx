import { centreOptions } from "../lib/site.ts";
import { createSignal, For, Index, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { CheckboxGroup } from "../components/CheckboxGroup.tsx";
import { FormField } from "../components/FormField.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { RadioGroup } from "../components/RadioGroup.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { type Consultation, type MemberConsultation, type Question } from "./model.ts";
import "./panel.scss";
import { useTexts } from "../lib/texts.ts";
import { panelTexts } from "./texts/index.ts";
import { countText } from "./counts.ts";
import { AGE_BANDS, CHOICE_ICONS, QUESTION_TYPES, RELATIONS } from "@naerhed/core/panel/lists";
import { api, useCall } from "../lib/api.ts";
import { Checkbox } from "../components/Checkbox.tsx";

type Choice = { label: string; icon?: (typeof CHOICE_ICONS)[number] };
export type QuestionDraft = { type: (typeof QUESTION_TYPES)[number]; text: string; optional: boolean; choices: Choice[] };
export type ConsultationDraft = {
  title: string;
  intro: string;
  opens_at: string;
  closes_at: string;
  target: { kind: "all" } | { kind: "segment"; age_bands: string[]; areas: string[]; relations: string[] };
  questions: QuestionDraft[];
};

const hasChoices = (type: QuestionDraft["type"]) => type === "single" || type === "multiple";

/** `datetime-local` shows the browser's local time; the API wants UTC ISO. */
const toLocalInput = (iso: string) => {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : value);

export function emptyDraft(now = new Date()): ConsultationDraft {
  const start = new Date(Math.ceil(now.getTime() / 3600_000) * 3600_000);
  return {
    title: "",
    intro: "",
    opens_at: start.toISOString(),
    closes_at: new Date(start.getTime() + 14 * 24 * 3600_000).toISOString(),
    target: { kind: "all" },
    questions: [{ type: "single", text: "", optional: false, choices: [{ label: "" }, { label: "" }] }],
  };
}

export function draftOf(c: Consultation): ConsultationDraft {
  return {
    title: c.title,
    intro: c.intro,
    opens_at: c.opens_at,
    closes_at: c.closes_at,
    target: c.target.kind === "all" ? { kind: "all" } : { kind: "segment", age_bands: [...c.target.age_bands], areas: [...c.target.areas], relations: [...c.target.relations] },
    questions: c.questions.map((q) => ({ type: q.type, text: q.text, optional: q.optional, choices: "choices" in q ? q.choices.map(({ label, icon }) => ({ label, icon })) : [] })),
  };
}

/** What the API gets: choices only for choice questions. */
export const toInput = (draft: ConsultationDraft) => ({
  ...draft,
  questions: draft.questions.map(({ choices, ...q }) => (hasChoices(q.type) ? { ...q, choices } : q)),
});

/** The draft as a member would get it, for the preview (numbered as the server numbers it). */
export function previewOf(draft: ConsultationDraft): MemberConsultation {
  return {
    id: "preview",
    title: draft.title,
    intro: draft.intro,
    opens_at: draft.opens_at,
    closes_at: draft.closes_at,
    status: "published",
    answered: false,
    open: true,
    questions: draft.questions.map((q, i) => ({
      id: `q${i + 1}`,
      type: q.type,
      text: q.text,
      optional: q.optional,
      ...(hasChoices(q.type) ? { choices: q.choices.map((c, j) => ({ ...c, id: `c${j + 1}` })) } : {}),
    })) as Question[],
  };
}

/** Input ids for the API's field paths (questions.2.choices.0.label → c-q2-c0), so errors link to their field. */
export function fieldIdOf(path: string): string | undefined {
  if (["title", "intro"].includes(path)) return `c-${path}`;
  if (path === "opens_at") return "c-opens";
  if (path === "closes_at") return "c-closes";
  if (path.startsWith("target")) return "c-target-all";
  if (path === "questions") return "c-add-question";
  const choice = /^questions\.(\d+)\.choices\.(\d+)\.(label|icon)$/.exec(path);
  if (choice) return `c-q${choice[1]}-c${choice[2]}${choice[3] === "icon" ? "-icon" : ""}`;
  const question = /^questions\.(\d+)(?:\.(text|type|choices))?/.exec(path);
  if (question) return question[2] === "choices" ? `c-q${question[1]}-add-choice` : `c-q${question[1]}-${question[2] === "type" ? "type" : "text"}`;
  return undefined;
}

function Select(props: { id: string; label: string; value: string; options: { value: string; label: string }[]; error?: string; onChange: (value: string) => void }) {
  return (
    <div class="form-group field" classList={{ "field--error": Boolean(props.error) }}>
      <label class="form-label field__label" for={props.id}>
        {props.label}
      </label>
      <select class="form-input field__input field__select" id={props.id} aria-invalid={props.error ? "true" : undefined} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

/** The builder: title, plain intro with the LIX hint, times, who is asked, and the questions. */
export function ConsultationEditor(props: {
  centre: string;
  draft: ConsultationDraft;
  onChange: (draft: ConsultationDraft) => void;
  errorAt: (id: string) => string | undefined;
}) {
  const { t, lang } = useTexts(panelTexts);
  const call = useCall();
  const [count, setCount] = createSignal("");
  const d = () => props.draft;
  const set = (patch: Partial<ConsultationDraft>) => props.onChange({ ...d(), ...patch });
  const setQuestion = (index: number, patch: Partial<QuestionDraft>) =>
    set({ questions: d().questions.map((q, i) => (i === index ? { ...q, ...patch } : q)) });
  const segment = () => (d().target.kind === "segment" ? (d().target as Extract<ConsultationDraft["target"], { kind: "segment" }>) : undefined);
  const setSegment = (patch: Partial<Extract<ConsultationDraft["target"], { kind: "segment" }>>) =>
    set({ target: { kind: "segment", age_bands: [], areas: [], relations: [], ...segment(), ...patch } });

  async function countTarget() {
    setCount("");
    try {
      const { members } = await call(api.panel.centres[":centre"]["target-count"].$post, { param: { centre: props.centre } }, { body: { target: d().target } });
      setCount(t("panel.targetCount", { count: countText(members, t) }));
    } catch (error) {
      setCount(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <>
      <FormField id="c-title" label={t("panel.fieldTitle")} value={d().title} error={props.errorAt("c-title")} onInput={(title) => set({ title })} />
      <TextAreaField
        id="c-intro"
        label={t("panel.fieldIntro")}
        hint={t("panel.fieldIntroHint")}
        lix
        value={d().intro}
        error={props.errorAt("c-intro")}
        onInput={(intro) => set({ intro })}
      />
      <div class="form-group field" classList={{ "field--error": Boolean(props.errorAt("c-opens")) }}>
        <label class="form-label field__label" for="c-opens">
          {t("panel.opensAt")}
        </label>
        <input class="form-input field__input" id="c-opens" type="datetime-local" value={toLocalInput(d().opens_at)} onChange={(e) => set({ opens_at: fromLocalInput(e.currentTarget.value) })} />
      </div>
      <div class="form-group field" classList={{ "field--error": Boolean(props.errorAt("c-closes")) }}>
        <label class="form-label field__label" for="c-closes">
          {t("panel.closesAt")}
        </label>
        <Show when={props.errorAt("c-closes")}>
          <p class="form-error-message field__error" id="c-closes-error">
            {props.errorAt("c-closes")}
          </p>
        </Show>
        <input
          class="form-input field__input"
          id="c-closes"
          type="datetime-local"
          value={toLocalInput(d().closes_at)}
          aria-describedby={props.errorAt("c-closes") ? "c-closes-error" : undefined}
          onChange={(e) => set({ closes_at: fromLocalInput(e.currentTarget.value) })}
        />
      </div>
      <RadioGroup
        name="c-target"
        legend={t("panel.target")}
        options={[
          { value: "all", label: t("panel.targetAll") },
          { value: "segment", label: t("panel.targetSegment") },
        ]}
        value={d().target.kind}
        error={props.errorAt("c-target-all")}
        onChange={(kind) => (kind === "all" ? set({ target: { kind: "all" } }) : setSegment({}))}
      />
      <Show when={segment()}>
        {(s) => (
          <>
            <p>{t("panel.targetHint")}</p>
            <CheckboxGroup legend={t("panel.ageBand")} name="c-age" options={AGE_BANDS.map((b) => ({ value: b, label: t(`panel.age.${b}`) }))} values={s().age_bands} onChange={(age_bands) => setSegment({ age_bands })} />
            <CheckboxGroup legend={t("panel.area")} name="c-area" options={centreOptions(lang())} values={s().areas} onChange={(areas) => setSegment({ areas })} />
            <CheckboxGroup legend={t("panel.relation")} name="c-relation" options={RELATIONS.map((r) => ({ value: r, label: t(`panel.relation.${r}`) }))} values={s().relations} onChange={(relations) => setSegment({ relations })} />
          </>
        )}
      </Show>
      <div class="actions">
        <Button variant="secondary" onClick={() => void countTarget()}>
          {t("panel.countTarget")}
        </Button>
        <p class="status" role="status">
          {count()}
        </p>
      </div>
      <PageSection id="c-questions" title={t("panel.questionsTitle")}>
        <Index each={d().questions}>
          {(q, i) => (
            <fieldset class="builder-question">
              <legend>
                <h3>{t("panel.questionN", { n: i + 1 })}</h3>
              </legend>
              <FormField id={`c-q${i}-text`} label={t("panel.questionText")} value={q().text} error={props.errorAt(`c-q${i}-text`)} onInput={(text) => setQuestion(i, { text })} />
              <Select
                id={`c-q${i}-type`}
                label={t("panel.questionType")}
                value={q().type}
                error={props.errorAt(`c-q${i}-type`)}
                options={QUESTION_TYPES.map((type) => ({ value: type, label: t(`panel.type.${type}`) }))}
                onChange={(type) => {
                  const next = type as QuestionDraft["type"];
                  setQuestion(i, { type: next, choices: hasChoices(next) && q().choices.length < 2 ? [{ label: "" }, { label: "" }] : q().choices });
                }}
              />
              <Checkbox id={`c-q${i}-optional`} label={t("panel.optionalLabel")} checked={q().optional} onChange={(optional) => setQuestion(i, { optional })} />
              <Show when={hasChoices(q().type)}>
                <Index each={q().choices}>
                  {(choice, j) => (
                    <div class="builder-choice">
                      <FormField
                        id={`c-q${i}-c${j}`}
                        label={t("panel.choiceN", { n: j + 1 })}
                        value={choice().label}
                        error={props.errorAt(`c-q${i}-c${j}`)}
                        onInput={(label) => setQuestion(i, { choices: q().choices.map((c, k) => (k === j ? { ...c, label } : c)) })}
                      />
                      <Select
                        id={`c-q${i}-c${j}-icon`}
                        label={t("panel.icon", { n: j + 1 })}
                        value={choice().icon ?? ""}
                        options={[{ value: "", label: t("panel.iconNone") }, ...CHOICE_ICONS.map((icon) => ({ value: icon, label: t(`panel.icon.${icon}`) }))]}
                        onChange={(icon) =>
                          setQuestion(i, { choices: q().choices.map((c, k) => (k === j ? { label: c.label, ...(icon ? { icon: icon as Choice["icon"] } : {}) } : c)) })
                        }
                      />
                      <Button variant="secondary" onClick={() => setQuestion(i, { choices: q().choices.filter((_, k) => k !== j) })}>
                        {t("panel.removeChoice", { n: j + 1 })}
                      </Button>
                    </div>
                  )}
                </Index>
                <Show when={props.errorAt(`c-q${i}-add-choice`)}>
                  <p class="form-error-message field__error">{props.errorAt(`c-q${i}-add-choice`)}</p>
                </Show>
                <Button id={`c-q${i}-add-choice`} variant="secondary" onClick={() => setQuestion(i, { choices: [...q().choices, { label: "" }] })}>
                  {t("panel.addChoice")}
                </Button>
              </Show>
              <div class="actions">
                <Button variant="secondary" onClick={() => set({ questions: d().questions.filter((_, k) => k !== i) })}>
                  {t("panel.removeQuestion", { n: i + 1 })}
                </Button>
              </div>
            </fieldset>
          )}
        </Index>
        <Show when={props.errorAt("c-add-question")}>
          <p class="form-error-message field__error">{props.errorAt("c-add-question")}</p>
        </Show>
        <Button id="c-add-question" variant="secondary" onClick={() => set({ questions: [...d().questions, { type: "yes_no", text: "", optional: false, choices: [] }] })}>
          {t("panel.addQuestion")}
        </Button>
      </PageSection>
    </>
  );
}
