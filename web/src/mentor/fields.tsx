import { Show } from "solid-js";
import { DAY_PARTS, INTERESTS, LANGUAGES, WEEKDAYS } from "@naerhed/core/mentor/lists";
import { centreOptions } from "../lib/site.ts";
import { CheckboxGroup, firstCheckboxId } from "../components/CheckboxGroup.tsx";
import { FormField } from "../components/FormField.tsx";
import { firstRadioId, RadioGroup, type RadioOption } from "../components/RadioGroup.tsx";
import type { Language } from "../lib/language.tsx";
import { useTexts, type Translate } from "../lib/texts.ts";
import { mentorTexts, type MentorKey } from "./texts/index.ts";

/** Words for a step on a scale (goal progress 0–4, a face 1–5): the texts have one key per step. */
export const stepKey = (scale: "mentor.progress" | "mentor.face", step: number | string) => `${scale}.${step}` as MentorKey;

/**
 * "Tage bussen alene: Ikke startet". A goal is in the person's own words and often ends with a
 * full stop; a colon after it would read "alene.: Ikke startet", so a closing . , ; or : goes.
 * A goal ending in ? or ! keeps it, and the progress follows in brackets.
 */
export function goalWithProgress(goal: string, progress: string): string {
  const text = goal.trim();
  return /[?!]$/.test(text) ? `${text} (${progress})` : `${text.replace(/[.,;:]+$/, "")}: ${progress}`;
}

/** The shared lists (core mentor/lists.ts) as choices in the reader's language. */
export const interestOptions = (t: Translate<MentorKey>): RadioOption[] => INTERESTS.map((id) => ({ value: id, label: t(`mentor.interest.${id}`) }));
export const languageOptions = (t: Translate<MentorKey>): RadioOption[] => LANGUAGES.map((id) => ({ value: id, label: t(`mentor.lang.${id}`) }));
export const slotOptions = (t: Translate<MentorKey>): RadioOption[] =>
  WEEKDAYS.flatMap((day) =>
    DAY_PARTS.map((part) => ({ value: `${day}-${part}`, label: `${t(`mentor.day.${day}`)} ${t(`mentor.part.${part}`)}` })),
  );
export const faceOptions = (t: Translate<MentorKey>): RadioOption[] =>
  ["1", "2", "3", "4", "5"].map((value) => ({ value, label: `${["☹️", "🙁", "😐", "🙂", "😀"][Number(value) - 1]} ${t(stepKey("mentor.face", value))}` }));

/** What mentors and mentees both tell, from the same lists, so matching can compare them. */
export type Profile = { interests: string[]; languages: string[]; centre_id: string; area: string; availability: string[] };

/** The API's field names → the ids of the profile's inputs (for useFormErrors), for inputs named `<prefix>-…`. Values, not labels: the same in every language. */
export function profileFieldIds(prefix: string, t: Translate<MentorKey>, lang: Language) {
  return {
    interests: firstCheckboxId(`${prefix}-interests`, interestOptions(t)),
    languages: firstCheckboxId(`${prefix}-languages`, languageOptions(t)),
    centre_id: firstRadioId(`${prefix}-centre`, centreOptions(lang)),
    area: `${prefix}-area`,
    availability: firstCheckboxId(`${prefix}-availability`, slotOptions(t)),
  };
}

/**
 * Interests, languages, centre, area and free times; `optional` marks interests and times as
 * skippable (for requests); `only` shows some of them (a request asks them one step at a time);
 * `askCentre={false}` leaves the centre out (staff changing an approved mentor, who stays at their centre).
 */
export function ProfileFields(props: {
  prefix: string;
  profile: Profile;
  optional?: boolean;
  only?: (keyof Profile)[];
  askCentre?: boolean;
  at: (id: string) => string | undefined;
  onChange: <K extends keyof Profile>(field: K, value: Profile[K]) => void;
}) {
  const { t, lang } = useTexts(mentorTexts);
  const ids = profileFieldIds(props.prefix, t, lang());
  const skippable = () => (props.optional ? t("mentor.optional") : undefined);
  const shown = (field: keyof Profile) => !props.only || props.only.includes(field);
  return (
    <>
      <Show when={shown("interests")}>
        <CheckboxGroup
          name={`${props.prefix}-interests`}
          legend={t("mentor.f.interests")}
          hint={skippable()}
          options={interestOptions(t)}
          values={props.profile.interests}
          error={props.at(ids.interests)}
          onChange={(value) => props.onChange("interests", value)}
        />
      </Show>
      <Show when={shown("languages")}>
        <CheckboxGroup
          name={`${props.prefix}-languages`}
          legend={t("mentor.f.languages")}
          options={languageOptions(t)}
          values={props.profile.languages}
          error={props.at(ids.languages)}
          onChange={(value) => props.onChange("languages", value)}
        />
      </Show>
      <Show when={shown("centre_id") && props.askCentre !== false}>
        <RadioGroup
          name={`${props.prefix}-centre`}
          legend={t("mentor.f.centre")}
          options={centreOptions(lang())}
          value={props.profile.centre_id}
          error={props.at(ids.centre_id)}
          onChange={(value) => props.onChange("centre_id", value)}
        />
      </Show>
      <Show when={shown("area")}>
        <FormField
          id={ids.area}
          label={t("mentor.f.area")}
          hint={t("mentor.optional")}
          value={props.profile.area}
          error={props.at(ids.area)}
          onInput={(value) => props.onChange("area", value)}
        />
      </Show>
      <Show when={shown("availability")}>
        <CheckboxGroup
          name={`${props.prefix}-availability`}
          legend={t("mentor.f.availability")}
          hint={skippable()}
          options={slotOptions(t)}
          values={props.profile.availability}
          error={props.at(ids.availability)}
          onChange={(value) => props.onChange("availability", value)}
        />
      </Show>
    </>
  );
}
