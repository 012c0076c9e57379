import { For } from "solid-js";
import { describedBy, FieldNotes } from "./FieldParts.tsx";

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
  return (
    <fieldset
      class="form-group field radios"
      classList={{ "form-error": Boolean(props.error), "field--error": Boolean(props.error) }}
      aria-describedby={describedBy({ id: props.name, hint: props.hint, error: props.error })}
    >
      <legend class="form-label field__label">{props.legend}</legend>
      <FieldNotes id={props.name} hint={props.hint} error={props.error} />
      <For each={props.options}>
        {(option) => (
          <div class="form-group-radio radio">
            <input
              class="form-radio radio__input"
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
