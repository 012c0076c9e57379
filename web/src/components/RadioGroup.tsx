import { For, Show } from "solid-js";
import { useI18n } from "../i18n/index.tsx";

export type RadioOption = { value: string; label: string; lang?: string };

type RadioGroupProps = {
  /** The radios' name; each radio's id is `<name>-<value>`. ErrorSummary links to the first one. */
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: readonly RadioOption[];
  value?: string;
  onChange: (value: string) => void;
};

/** The id an error summary links to: the first radio of the group. */
export const firstRadioId = (name: string, options: readonly RadioOption[]) => `${name}-${options[0]?.value ?? ""}`;

/** A fieldset of radios: big targets, the legend is the question, hint and error read with it. */
export function RadioGroup(props: RadioGroupProps) {
  const { t } = useI18n();
  const hintId = () => `${props.name}-hint`;
  const errorId = () => `${props.name}-error`;
  const describedBy = () =>
    [props.hint ? hintId() : undefined, props.error ? errorId() : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <fieldset class="field radios" classList={{ "field--error": Boolean(props.error) }} aria-describedby={describedBy()}>
      <legend class="field__label">{props.legend}</legend>
      <Show when={props.hint}>
        <p class="field__hint" id={hintId()}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field__error" id={errorId()}>
          <span class="visually-hidden">{t("error.prefix")}</span> {props.error}
        </p>
      </Show>
      <For each={props.options}>
        {(option) => (
          <div class="radio">
            <input
              class="radio__input"
              type="radio"
              id={`${props.name}-${option.value}`}
              name={props.name}
              value={option.value}
              checked={props.value === option.value}
              aria-invalid={props.error ? "true" : undefined}
              onChange={() => props.onChange(option.value)}
            />
            <label class="radio__label" for={`${props.name}-${option.value}`} lang={option.lang}>
              {option.label}
            </label>
          </div>
        )}
      </For>
    </fieldset>
  );
}
