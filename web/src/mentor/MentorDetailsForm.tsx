import { FREQUENCIES, GENDERS } from "@naerhed/core/mentor/lists";
import { createSignal } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { firstRadioId, RadioGroup } from "../components/RadioGroup.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { useFormErrors } from "../lib/forms.ts";
import { useTexts } from "../lib/texts.ts";
import { ProfileFields, profileFieldIds } from "./fields.tsx";
import { mentorTexts, type MentorKey } from "./texts/index.ts";

/** A mentor's details as the form holds them (the capacity as the radio's text). */
export type MentorDetails = {
  about: string;
  interests: string[];
  languages: string[];
  centre_id: string;
  area: string;
  availability: string[];
  frequency: string;
  can_help_with: string;
  lived_experience: string;
  capacity: string;
  gender: string;
  contact: string;
};

export const emptyMentorDetails: MentorDetails = {
  about: "",
  interests: [],
  languages: [],
  centre_id: "",
  area: "",
  availability: [],
  frequency: "",
  can_help_with: "",
  lived_experience: "",
  capacity: "1",
  gender: "",
  contact: "",
};

const frequencyText: Record<(typeof FREQUENCIES)[number], MentorKey> = {
  weekly: "mentor.apply.weekly",
  every_other_week: "mentor.apply.everyOtherWeek",
  monthly: "mentor.apply.monthly",
};

/**
 * What a mentor tells about themselves: the application (ApplyPage) and, once approved, staff's
 * changes (StaffMentorEditPage, where the centre is not asked: it is not staff's to move).
 * `send` gets the body the API takes; a failure shows at the fields.
 */
export function MentorDetailsForm(props: {
  prefix: string;
  initial: MentorDetails;
  askCentre: boolean;
  submitLabel: string;
  send: (body: Record<string, unknown>) => Promise<void>;
}) {
  const { t, lang } = useTexts(mentorTexts);
  const [draft, setDraft] = createSignal({ ...props.initial });
  const set = <K extends keyof MentorDetails>(field: K) => (value: MentorDetails[K]) => setDraft({ ...draft(), [field]: value });
  const id = (field: string) => `${props.prefix}-${field}`;
  const frequencies = () => FREQUENCIES.map((value) => ({ value, label: t(frequencyText[value]) }));
  const capacities = () => ["1", "2", "3"].map((value) => ({ value, label: value }));
  const genders = () => GENDERS.map((value) => ({ value, label: t(`mentor.gender.${value}`) }));
  const form = useFormErrors({
    ...profileFieldIds(props.prefix, t, lang()),
    about: id("about"),
    get frequency() {
      return firstRadioId(id("frequency"), frequencies());
    },
    can_help_with: id("help"),
    lived_experience: id("lived"),
    get capacity() {
      return firstRadioId(id("capacity"), capacities());
    },
    get gender() {
      return firstRadioId(id("gender"), genders());
    },
    contact: id("contact"),
  });

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    await form.send(async () => {
      const { capacity, centre_id, ...rest } = draft();
      await props.send({ ...rest, ...(props.askCentre ? { centre_id } : {}), capacity: Number(capacity) });
      form.clear();
    });
  }

  return (
    <>
      <p class="status" role="status">
        {form.sending() ? t("mentor.saving") : ""}
      </p>
      <ErrorSummary errors={form.errors()} />
      <form class="form" novalidate onSubmit={submit}>
        <TextAreaField id={id("about")} label={t("mentor.apply.about")} value={draft().about} error={form.at(id("about"))} onInput={set("about")} />
        <ProfileFields prefix={props.prefix} profile={draft()} askCentre={props.askCentre} at={form.at} onChange={(field, value) => setDraft({ ...draft(), [field]: value })} />
        <RadioGroup
          name={id("frequency")}
          legend={t("mentor.apply.frequency")}
          options={frequencies()}
          value={draft().frequency}
          error={form.at(firstRadioId(id("frequency"), frequencies()))}
          onChange={set("frequency")}
        />
        <TextAreaField id={id("help")} label={t("mentor.apply.helpWith")} rows={3} value={draft().can_help_with} error={form.at(id("help"))} onInput={set("can_help_with")} />
        <TextAreaField
          id={id("lived")}
          label={t("mentor.apply.lived")}
          hint={t("mentor.optional")}
          rows={3}
          value={draft().lived_experience}
          error={form.at(id("lived"))}
          onInput={set("lived_experience")}
        />
        <RadioGroup
          name={id("capacity")}
          legend={t("mentor.apply.capacity")}
          options={capacities()}
          value={draft().capacity}
          error={form.at(firstRadioId(id("capacity"), capacities()))}
          onChange={set("capacity")}
        />
        <RadioGroup
          name={id("gender")}
          legend={t("mentor.apply.gender")}
          hint={t("mentor.optional")}
          options={genders()}
          value={draft().gender}
          error={form.at(firstRadioId(id("gender"), genders()))}
          onChange={set("gender")}
        />
        <FormField id={id("contact")} label={t("mentor.f.contact")} value={draft().contact} error={form.at(id("contact"))} onInput={set("contact")} />
        <Button type="submit" busy={form.sending()}>
          {props.submitLabel}
        </Button>
      </form>
    </>
  );
}
