import { For, Match, Show, Switch } from "solid-js";
import { describedBy, FieldNotes } from "../components/FieldParts.tsx";
import { FACES, ICON_GLYPHS, type AnswerValue, type Question } from "./model.ts";
import "./panel.scss";
import { contentLang } from "../lib/language.tsx";
import { useTexts } from "../lib/texts.ts";
import { panelTexts } from "./texts/index.ts";

/**
 * One question as the member sees it: the question is the legend, the answers are big radios
 * or checkboxes (with a picture or a face before the words), or a text box. Used by the
 * answering flow and by staff's preview, so both show the same thing.
 */
export function QuestionScreen(props: {
  question: Question;
  value: AnswerValue | undefined;
  error?: string;
  /** Prefix for element ids, so a preview and the real form never clash. */
  idPrefix: string;
  onChange: (value: AnswerValue | undefined) => void;
}) {
  const { t, lang } = useTexts(panelTexts);
  // Questions and choices are staff's Danish words; yes/no and the faces' words are the site's.
  const own = () => contentLang(lang());
  const name = () => `${props.idPrefix}-${props.question.id}`;
  const hint = () => (props.question.optional ? t("panel.optional") : undefined);
  type Option = { value: string; label: string; glyph?: string; lang?: string };
  const options = (): Option[] => {
    const q = props.question;
    if ("choices" in q) return q.choices.map((c) => ({ value: c.id, label: c.label, glyph: c.icon ? ICON_GLYPHS[c.icon] : undefined, lang: own() }));
    if (q.type === "yes_no") return [{ value: "yes", label: t("panel.yes") }, { value: "no", label: t("panel.no") }];
    return [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`panel.scale.${n}` as "panel.scale.1"), glyph: FACES[n - 1] }));
  };
  const chosen = (value: string) => {
    const current = props.value;
    return Array.isArray(current) ? current.includes(value) : current !== undefined && String(current) === value;
  };
  const pick = (value: string, checked: boolean) => {
    if (props.question.type === "multiple") {
      const current = Array.isArray(props.value) ? props.value : [];
      props.onChange(checked ? [...current, value] : current.filter((v) => v !== value));
    } else props.onChange(props.question.type === "scale" ? Number(value) : value);
  };
  const isText = () => props.question.type === "short_text" || props.question.type === "long_text";

  return (
    <Switch>
      <Match when={isText()}>
        <div class="field question" classList={{ "field--error": Boolean(props.error) }}>
          <label class="field__label question__text" for={name()} lang={own()}>
            {props.question.text}
          </label>
          <FieldNotes id={name()} hint={hint()} error={props.error} />
          <Show
            when={props.question.type === "long_text"}
            fallback={
              <input
                class="form-input field__input"
                id={name()}
                type="text"
                value={typeof props.value === "string" ? props.value : ""}
                aria-describedby={describedBy({ id: name(), hint: hint(), error: props.error })}
                aria-invalid={props.error ? "true" : undefined}
                onInput={(e) => props.onChange(e.currentTarget.value)}
              />
            }
          >
            <textarea
              class="form-input field__input field__textarea"
              id={name()}
              rows={6}
              value={typeof props.value === "string" ? props.value : ""}
              aria-describedby={describedBy({ id: name(), hint: hint(), error: props.error })}
              aria-invalid={props.error ? "true" : undefined}
              onInput={(e) => props.onChange(e.currentTarget.value)}
            />
          </Show>
        </div>
      </Match>
      <Match when={!isText()}>
        <fieldset
          class="field question"
          classList={{ "field--error": Boolean(props.error), "question--scale": props.question.type === "scale" }}
          aria-describedby={describedBy({ id: name(), hint: hint(), error: props.error })}
        >
          <legend class="field__label question__text" lang={own()}>
            {props.question.text}
          </legend>
          <FieldNotes id={name()} hint={hint()} error={props.error} />
          <For each={options()}>
            {(option) => (
              <div class="answer-option">
                <input
                  class="radio__input"
                  type={props.question.type === "multiple" ? "checkbox" : "radio"}
                  id={`${name()}-${option.value}`}
                  name={name()}
                  value={option.value}
                  checked={chosen(option.value)}
                  aria-invalid={props.error ? "true" : undefined}
                  onChange={(e) => pick(option.value, e.currentTarget.checked)}
                />
                <label class="answer-option__label" for={`${name()}-${option.value}`} lang={option.lang}>
                  <Show when={option.glyph}>
                    <span class="answer-option__glyph" aria-hidden="true">
                      {option.glyph}
                    </span>
                  </Show>
                  {option.label}
                </label>
              </div>
            )}
          </For>
        </fieldset>
      </Match>
    </Switch>
  );
}
