import { DAY_PARTS, INTERESTS, LANGUAGES, WEEKDAYS } from "@naerhed/core/mentor/profile";
import { centres } from "@naerhed/core/shared/centres";
import { For } from "solid-js";
import { describedBy, FieldNotes } from "../components/FieldParts.tsx";
import { FormField } from "../components/FormField.tsx";
import { firstRadioId, RadioGroup, type RadioOption } from "../components/RadioGroup.tsx";
import type { Language } from "../i18n/index.tsx";
import { useI18n, type MentorKey, type MentorT } from "./texts.ts";

/** The shared lists (core mentor/profile.ts) as choices in the reader's language. */
export const interestOptions = (t: MentorT): RadioOption[] => INTERESTS.map((id) => ({ value: id, label: t(`mentor.interest.${id}` as MentorKey) }));
export const languageOptions = (t: MentorT): RadioOption[] => LANGUAGES.map((id) => ({ value: id, label: t(`mentor.lang.${id}` as MentorKey) }));
export const slotOptions = (t: MentorT): RadioOption[] =>
  WEEKDAYS.flatMap((day) =>
    DAY_PARTS.map((part) => ({ value: `${day}-${part}`, label: `${t(`mentor.day.${day}` as MentorKey)} ${t(`mentor.part.${part}` as MentorKey)}` })),
  );
export const centreOptions = (lang: Language): RadioOption[] => centres.map((centre) => ({ value: centre.id, label: centre.name[lang] }));
export const faceOptions = (t: MentorT): RadioOption[] =>
  ["1", "2", "3", "4", "5"].map((value) => ({ value, label: `${["☹️", "🙁", "😐", "🙂", "😀"][Number(value) - 1]} ${t(`mentor.face.${value}` as MentorKey)}` }));

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

/** What mentors and mentees both tell, from the same lists, so matching can compare them. */
export type Profile = { interests: string[]; languages: string[]; centre_id: string; area: string; availability: string[] };

/** The API's field names → the ids of the profile's inputs (for useFormErrors), for inputs named `<prefix>-…`. Values, not labels: the same in every language. */
export function profileFieldIds(prefix: string, t: MentorT, lang: Language) {
  return {
    interests: firstCheckboxId(`${prefix}-interests`, interestOptions(t)),
    languages: firstCheckboxId(`${prefix}-languages`, languageOptions(t)),
    centre_id: firstRadioId(`${prefix}-centre`, centreOptions(lang)),
    area: `${prefix}-area`,
    availability: firstCheckboxId(`${prefix}-availability`, slotOptions(t)),
  };
}

/** Interests, languages, centre, area and free times; `optional` marks interests and times as skippable (for requests). */
export function ProfileFields(props: {
  prefix: string;
  profile: Profile;
  optional?: boolean;
  at: (id: string) => string | undefined;
  onChange: <K extends keyof Profile>(field: K, value: Profile[K]) => void;
}) {
  const { t, lang } = useI18n();
  const ids = profileFieldIds(props.prefix, t, lang());
  const skippable = () => (props.optional ? t("mentor.optional") : undefined);
  return (
    <>
      <CheckboxGroup
        name={`${props.prefix}-interests`}
        legend={t("mentor.f.interests")}
        hint={skippable()}
        options={interestOptions(t)}
        values={props.profile.interests}
        error={props.at(ids.interests)}
        onChange={(value) => props.onChange("interests", value)}
      />
      <CheckboxGroup
        name={`${props.prefix}-languages`}
        legend={t("mentor.f.languages")}
        options={languageOptions(t)}
        values={props.profile.languages}
        error={props.at(ids.languages)}
        onChange={(value) => props.onChange("languages", value)}
      />
      <RadioGroup
        name={`${props.prefix}-centre`}
        legend={t("mentor.f.centre")}
        options={centreOptions(lang())}
        value={props.profile.centre_id}
        error={props.at(ids.centre_id)}
        onChange={(value) => props.onChange("centre_id", value)}
      />
      <FormField
        id={ids.area}
        label={t("mentor.f.area")}
        hint={t("mentor.optional")}
        value={props.profile.area}
        error={props.at(ids.area)}
        onInput={(value) => props.onChange("area", value)}
      />
      <CheckboxGroup
        name={`${props.prefix}-availability`}
        legend={t("mentor.f.availability")}
        hint={skippable()}
        options={slotOptions(t)}
        values={props.profile.availability}
        error={props.at(ids.availability)}
        onChange={(value) => props.onChange("availability", value)}
      />
    </>
  );
}
