import { A } from "@solidjs/router";
import { createSignal, Index, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { Notice } from "../components/Notice.tsx";
import { FormOrThanks } from "../components/FormOrThanks.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { firstRadioId, RadioGroup } from "../components/RadioGroup.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { ProfileFields, profileFieldIds } from "./fields.tsx";
import { emptyRequest, type RequestFieldIds } from "./request-draft.ts";
import { RequestSteps } from "./RequestSteps.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { mentorTexts, type MentorKey } from "./texts/index.ts";
import { api, useCall } from "../lib/api.ts";
import { CONTACT_PREFERENCES } from "@naerhed/core/mentor/lists";


/** /mentorordningen/faa-en-mentor: a citizen, or a relative on their behalf, asks in their own words, in short steps. */
export default function RequestPage() {
  const { t } = useTexts(mentorTexts);
  usePageTitle(() => t("mentor.req.title"));
  return <RequireSignIn>{() => <RequestForm byStaff={false} />}</RequireSignIn>;
}

/** /personale/mentor/nyt-oenske: staff ask for a mentor for a citizen, on one page (staff know the questions). */
export function StaffRequestPage() {
  const { t } = useTexts(mentorTexts);
  usePageTitle(() => t("mentor.req.staffTitle"));
  return <RequireSignIn roles={["staff", "admin"]}>{() => <RequestForm byStaff />}</RequireSignIn>;
}

const contactText: Record<(typeof CONTACT_PREFERENCES)[number], MentorKey> = {
  phone: "mentor.req.phone",
  sms: "mentor.req.sms",
  email: "mentor.req.email",
  via_relative: "mentor.req.viaRelative",
  via_staff: "mentor.req.viaStaff",
};

function RequestForm(props: { byStaff: boolean }) {
  const { t, lang } = useTexts(mentorTexts);
  const call = useCall();
  const [draft, setDraft] = createSignal({ ...emptyRequest, goals: [...emptyRequest.goals] });
  const [sent, setSent] = createSignal(false);
  const set = <K extends keyof typeof emptyRequest>(field: K) => (value: (typeof emptyRequest)[K]) => setDraft({ ...draft(), [field]: value });
  const setGoal = (index: number) => (value: string) => setDraft({ ...draft(), goals: draft().goals.map((goal, i) => (i === index ? value : goal)) });
  const who = () => [
    { value: "self", label: t("mentor.req.self") },
    { value: "relative", label: t("mentor.req.relative") },
  ];
  const genders = () => [
    { value: "woman", label: t("mentor.gender.woman") },
    { value: "man", label: t("mentor.gender.man") },
    { value: "", label: t("mentor.gender.any") },
  ];
  const contactWays = () => CONTACT_PREFERENCES.map((value) => ({ value, label: t(contactText[value]) }));
  const fieldIds: RequestFieldIds = {
    ...profileFieldIds("req", t, lang()),
    get asked_by() {
      return firstRadioId("req-who", who());
    },
    mentee_name: "req-name",
    help_with: "req-help",
    goals: "req-goal-0",
    "goals.0": "req-goal-0",
    "goals.1": "req-goal-1",
    "goals.2": "req-goal-2",
    wishes: "req-wishes",
    get contact_preference() {
      return firstRadioId("req-contact-way", contactWays());
    },
    contact: "req-contact",
  };
  const form = useFormErrors(fieldIds);

  async function post() {
    const { goals, mentee_name, ...rest } = draft();
    // Asking for oneself: the name is not asked (a name typed before choosing "self" is not sent).
    const name = props.byStaff || rest.asked_by === "relative" ? { mentee_name } : {};
    const body = { ...rest, ...name, asked_by: props.byStaff ? "staff" : rest.asked_by || "self", goals: goals.filter((goal) => goal.trim()) };
    if (props.byStaff) await call(api.mentor.centres[":centre"].requests.$post, { param: { centre: rest.centre_id || "-" } }, { body });
    else await call(api.mentor.requests.$post, {}, { body });
    form.clear();
    setSent(true);
  }
  async function send(event: SubmitEvent) {
    event.preventDefault();
    await form.send(post);
  }

  return (
    <>
      <PageHeading title={props.byStaff ? t("mentor.req.staffTitle") : t("mentor.req.title")} lead={props.byStaff ? t("mentor.req.staffLead") : t("mentor.req.lead")} />
      <p class="status" role="status">
        {form.sending() ? t("mentor.saving") : ""}
      </p>
      <FormOrThanks
        sent={sent()}
        thanks={
          <>
            <Notice kind="success" title={t("mentor.req.thanks")}>
              <p>{t("mentor.req.next")}</p>
            </Notice>
            <p>
              <A href={props.byStaff ? "/personale/mentor" : "/mentorordningen/mine"} class="big-link">
                {props.byStaff ? t("mentor.staff.title") : t("mentor.mine")}
              </A>
            </p>
          </>
        }
      >
        <Show
          when={props.byStaff}
          fallback={
            <RequestSteps draft={draft()} fieldIds={fieldIds} form={form} onChange={setDraft} who={who()} genders={genders()} contactWays={contactWays()} onSend={post} />
          }
        >
          <ErrorSummary errors={form.errors()} />
          <form class="form" novalidate onSubmit={send}>
            <FormField id="req-name" label={t("mentor.req.name")} value={draft().mentee_name} error={form.at("req-name")} onInput={set("mentee_name")} />
            <TextAreaField id="req-help" label={t("mentor.req.helpWith")} value={draft().help_with} error={form.at("req-help")} onInput={set("help_with")} />
            <PageSection id="req-goals" title={t("mentor.req.goals")}>
              <p>{t("mentor.req.goalsHint")}</p>
              <Index each={draft().goals}>
                {(goal, index) => (
                  <FormField
                    id={`req-goal-${index}`}
                    label={t("mentor.req.goal", { number: index + 1 })}
                    value={goal()}
                    error={form.at(`req-goal-${index}`)}
                    onInput={setGoal(index)}
                  />
                )}
              </Index>
            </PageSection>
            <ProfileFields prefix="req" profile={draft()} optional at={form.at} onChange={(field, value) => setDraft({ ...draft(), [field]: value })} />
            <RadioGroup name="req-gender" legend={t("mentor.req.wishGender")} options={genders()} value={draft().wish_gender} onChange={set("wish_gender")} />
            <TextAreaField id="req-wishes" label={t("mentor.req.wishes")} hint={t("mentor.optional")} rows={3} value={draft().wishes} error={form.at("req-wishes")} onInput={set("wishes")} />
            <RadioGroup
              name="req-contact-way"
              legend={t("mentor.req.contactPreference")}
              options={contactWays()}
              value={draft().contact_preference}
              error={form.at(firstRadioId("req-contact-way", contactWays()))}
              onChange={set("contact_preference")}
            />
            <FormField id="req-contact" label={t("mentor.req.contact")} hint={t("mentor.optional")} value={draft().contact} error={form.at("req-contact")} onInput={set("contact")} />
            <Button type="submit" busy={form.sending()}>
              {t("mentor.req.send")}
            </Button>
          </form>
        </Show>
      </FormOrThanks>
    </>
  );
}
