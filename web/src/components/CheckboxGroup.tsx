import { For } from "solid-js";
import { describedBy, FieldNotes } from "./FieldParts.tsx";
import type { RadioOption } from "./RadioGroup.tsx";

export const firstCheckboxId = (name: string, options: readonly RadioOption[]) => `${name}-${options[0]?.value ?? ""}`;

/** A fieldset of checkboxes, wired like RadioGroup: the legend is the question. */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: readonly RadioOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const toggle = (value: string, on: boolean) =>
    props.onChange(on ? [...props.values, value] : props.values.filter((picked) => picked !== value));
  return (
    <fieldset class="form-group field radios" classList={{ "form-error": Boolean(props.error), "field--error": Boolean(props.error) }} aria-describedby={describedBy({ id: props.name, hint: props.hint, error: props.error })}>
      <legend class="form-label field__label">{props.legend}</legend>
      <FieldNotes id={props.name} hint={props.hint} error={props.error} />
      <For each={props.options}>
        {(option) => (
          <div class="form-group-checkbox radio">
            <input
              class="form-checkbox radio__input"
              type="checkbox"
              id={`${props.name}-${option.value}`}
              name={props.name}
              value={option.value}
              checked={props.values.includes(option.value)}
              aria-invalid={props.error ? "true" : undefined}
              onChange={(event) => toggle(option.value, event.currentTarget.checked)}
            />
            <label class="radio__label" for={`${props.name}-${option.value}`}>
              {option.label}
            </label>
          </div>
        )}
      </For>
    </fieldset>
  );
}
