import { A } from "@solidjs/router";
import { createSignal } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { Notice } from "../components/Notice.tsx";
import { FormOrThanks } from "../components/FormOrThanks.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { firstRadioId, RadioGroup } from "../components/RadioGroup.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { ProfileFields, profileFieldIds } from "./fields.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { mentorTexts, type MentorKey } from "./texts/index.ts";
import { api, useCall } from "../lib/api.ts";
import { FREQUENCIES, GENDERS } from "@naerhed/core/mentor/lists";

const empty = {
  about: "",
  interests: [] as string[],
  languages: [] as string[],
  centre_id: "",
  area: "",
  availability: [] as string[],
  frequency: "",
  can_help_with: "",
  lived_experience: "",
  capacity: "1",
  gender: "",
  contact: "",
};

/** /mentorordningen/bliv-mentor: anyone signed in applies; staff then call them (screening). */
export default function ApplyPage() {
  const { t } = useTexts(mentorTexts);
  usePageTitle(() => t("mentor.apply.title"));
  return <RequireSignIn>{() => <ApplyForm />}</RequireSignIn>;
}

const frequencyText: Record<(typeof FREQUENCIES)[number], MentorKey> = {
  weekly: "mentor.apply.weekly",
  every_other_week: "mentor.apply.everyOtherWeek",
  monthly: "mentor.apply.monthly",
};

function ApplyForm() {
  const { t, lang } = useTexts(mentorTexts);
  const call = useCall();
  const [draft, setDraft] = createSignal({ ...empty });
  const [sent, setSent] = createSignal(false);
  const set = <K extends keyof typeof empty>(field: K) => (value: (typeof empty)[K]) => setDraft({ ...draft(), [field]: value });
  const frequencies = () => FREQUENCIES.map((value) => ({ value, label: t(frequencyText[value]) }));
  const capacities = () => ["1", "2", "3"].map((value) => ({ value, label: value }));
  const genders = () => GENDERS.map((value) => ({ value, label: t(`mentor.gender.${value}`) }));
  const form = useFormErrors({
    ...profileFieldIds("apply", t, lang()),
    about: "apply-about",
    get frequency() {
      return firstRadioId("apply-frequency", frequencies());
    },
    can_help_with: "apply-help",
    lived_experience: "apply-lived",
    get capacity() {
      return firstRadioId("apply-capacity", capacities());
    },
    get gender() {
      return firstRadioId("apply-gender", genders());
    },
    contact: "apply-contact",
  });

  async function send(event: SubmitEvent) {
    event.preventDefault();
    await form.send(async () => {
      const { capacity, ...rest } = draft();
      await call(api.mentor.applications.$post, {}, { body: { ...rest, capacity: Number(capacity) } });
      form.clear();
      setSent(true);
    });
  }

  return (
    <>
      <PageHeading title={t("mentor.apply.title")} lead={t("mentor.apply.lead")} />
      <p class="status" role="status">
        {form.sending() ? t("mentor.saving") : ""}
      </p>
      <FormOrThanks
        sent={sent()}
        thanks={
          <>
            <Notice kind="success" title={t("mentor.apply.thanks")}>
              <p>{t("mentor.apply.next")}</p>
            </Notice>
            <p>
              <A href="/mentorordningen/mine" class="big-link">
                {t("mentor.mine")}
              </A>
            </p>
          </>
        }
      >
        <ErrorSummary errors={form.errors()} />
        <form class="form" novalidate onSubmit={send}>
          <TextAreaField id="apply-about" label={t("mentor.apply.about")} value={draft().about} error={form.at("apply-about")} onInput={set("about")} />
          <ProfileFields prefix="apply" profile={draft()} at={form.at} onChange={(field, value) => setDraft({ ...draft(), [field]: value })} />
          <RadioGroup
            name="apply-frequency"
            legend={t("mentor.apply.frequency")}
            options={frequencies()}
            value={draft().frequency}
            error={form.at(firstRadioId("apply-frequency", frequencies()))}
            onChange={set("frequency")}
          />
          <TextAreaField id="apply-help" label={t("mentor.apply.helpWith")} rows={3} value={draft().can_help_with} error={form.at("apply-help")} onInput={set("can_help_with")} />
          <TextAreaField
            id="apply-lived"
            label={t("mentor.apply.lived")}
            hint={t("mentor.optional")}
            rows={3}
            value={draft().lived_experience}
            error={form.at("apply-lived")}
            onInput={set("lived_experience")}
          />
          <RadioGroup
            name="apply-capacity"
            legend={t("mentor.apply.capacity")}
            options={capacities()}
            value={draft().capacity}
            error={form.at(firstRadioId("apply-capacity", capacities()))}
            onChange={set("capacity")}
          />
          <RadioGroup
            name="apply-gender"
            legend={t("mentor.apply.gender")}
            hint={t("mentor.optional")}
            options={genders()}
            value={draft().gender}
            error={form.at(firstRadioId("apply-gender", genders()))}
            onChange={set("gender")}
          />
          <FormField id="apply-contact" label={t("mentor.f.contact")} value={draft().contact} error={form.at("apply-contact")} onInput={set("contact")} />
          <Button type="submit" busy={form.sending()}>
            {t("mentor.apply.send")}
          </Button>
        </form>
      </FormOrThanks>
    </>
  );
}
