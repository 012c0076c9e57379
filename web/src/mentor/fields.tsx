import { DAY_PARTS, INTERESTS, LANGUAGES, WEEKDAYS } from "@naerhed/core/mentor/profile";
import { centres } from "@naerhed/core/shared/centres";
import { CheckboxGroup, firstCheckboxId } from "../components/CheckboxGroup.tsx";
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
