import { DAY_PARTS, INTERESTS, LANGUAGES, WEEKDAYS } from "@naerhed/core/mentor/profile";
import { centres } from "@naerhed/core/shared/centres";
import { For } from "solid-js";
import { describedBy, FieldNotes } from "../components/FieldParts.tsx";
import type { RadioOption } from "../components/RadioGroup.tsx";
import type { I18n, Language, MessageKey } from "../i18n/index.tsx";

/** The shared lists (core mentor/profile.ts) as choices in the reader's language. */
export const interestOptions = (t: I18n["t"]): RadioOption[] => INTERESTS.map((id) => ({ value: id, label: t(`mentor.interest.${id}` as MessageKey) }));
export const languageOptions = (t: I18n["t"]): RadioOption[] => LANGUAGES.map((id) => ({ value: id, label: t(`mentor.lang.${id}` as MessageKey) }));
export const slotOptions = (t: I18n["t"]): RadioOption[] =>
  WEEKDAYS.flatMap((day) =>
    DAY_PARTS.map((part) => ({ value: `${day}-${part}`, label: `${t(`mentor.day.${day}` as MessageKey)} ${t(`mentor.part.${part}` as MessageKey)}` })),
  );
export const centreOptions = (lang: Language): RadioOption[] => centres.map((centre) => ({ value: centre.id, label: centre.name[lang] }));
export const faceOptions = (t: I18n["t"]): RadioOption[] =>
  ["1", "2", "3", "4", "5"].map((value) => ({ value, label: `${["☹️", "🙁", "😐", "🙂", "😀"][Number(value) - 1]} ${t(`mentor.face.${value}` as MessageKey)}` }));

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
    <fieldset class="field radios" classList={{ "field--error": Boolean(props.error) }} aria-describedby={describedBy({ id: props.name, hint: props.hint, error: props.error })}>
      <legend class="field__label">{props.legend}</legend>
      <FieldNotes id={props.name} hint={props.hint} error={props.error} />
      <For each={props.options}>
        {(option) => (
          <div class="radio">
            <input
              class="radio__input"
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
