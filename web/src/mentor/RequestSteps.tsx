import { mentorMessages } from "@naerhed/core/mentor/messages";
import { createEffect, createSignal, For, Index, Match, on, Show, Switch, type JSX } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { RadioGroup, type RadioOption } from "../components/RadioGroup.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { ApiError } from "../lib/api.ts";
import type { useFormErrors } from "../lib/forms.ts";
import { centreName } from "../lib/site.ts";
import { useTexts } from "../lib/texts.ts";
import { interestOptions, languageOptions, ProfileFields, slotOptions } from "./fields.tsx";
import type { RequestDraft, RequestFieldIds } from "./request-draft.ts";
import { mentorTexts } from "./texts/index.ts";

/** The steps of a citizen's request, one question (or two that belong together) per screen. */
const STEPS = ["who", "help", "goals", "interests", "languages", "place", "times", "wishes", "contact"] as const;
type StepId = (typeof STEPS)[number];
type Step = number | "check";

/** Which of the API's fields each step asks: an error from the API sends the person back to that step. */
const STEP_FIELDS: Record<StepId, string[]> = {
  who: ["asked_by", "mentee_name"],
  help: ["help_with"],
  goals: ["goals"],
  interests: ["interests"],
  languages: ["languages"],
  place: ["centre_id", "area"],
  times: ["availability"],
  wishes: ["wish_gender", "wishes"],
  contact: ["contact_preference", "contact"],
};
const stepOf = (field: string) => STEPS.findIndex((step) => STEP_FIELDS[step].includes(field.split(".")[0]!));

type Problem = { field: string; message: string };

/**
 * A citizen's request for a mentor in short steps, like the panel's one question per screen:
 * "Trin 3 af 9" with Next and Back, then "Tjek dine svar" with a change button per step, then
 * send. A step checks only what it asks; the API checks everything once more when it is sent.
 * Asking for oneself skips the name: the API uses the person's own.
 */
export function RequestSteps(props: {
  draft: RequestDraft;
  fieldIds: RequestFieldIds;
  form: ReturnType<typeof useFormErrors>;
  onChange: (draft: RequestDraft) => void;
  who: RadioOption[];
  genders: RadioOption[];
  contactWays: RadioOption[];
  /** Sends the request; an error with fields comes back here, any other goes to the form's errors. */
  onSend: () => Promise<void>;
}) {
  const { t, lang } = useTexts(mentorTexts);
  const [step, setStep] = createSignal<Step>(0);
  const [fromCheck, setFromCheck] = createSignal(false);
  let heading: HTMLHeadingElement | undefined;
  // A new screen: its heading takes focus, so a screen reader says where the person is.
  createEffect(on(step, () => heading?.focus(), { defer: true }));

  const d = () => props.draft;
  const set = <K extends keyof RequestDraft>(field: K) => (value: RequestDraft[K]) => props.onChange({ ...d(), [field]: value });
  const setGoal = (index: number) => (value: string) => props.onChange({ ...d(), goals: d().goals.map((goal, i) => (i === index ? value : goal)) });
  const forOther = () => d().asked_by === "relative";

  /** What the step needs before Next: the same words as the API's messages for the same fields. */
  function missing(id: StepId): Problem[] {
    const say = (field: string, key: keyof (typeof mentorMessages)["da"]) => [{ field, message: mentorMessages[lang()][key] }];
    const draft = d();
    if (id === "who" && !draft.asked_by) return say("asked_by", "mentor_asked_by_invalid");
    if (id === "who" && forOther() && !draft.mentee_name.trim()) return say("mentee_name", "mentor_mentee_name_invalid");
    if (id === "help" && !draft.help_with.trim()) return say("help_with", "mentor_help_with_invalid");
    if (id === "goals" && !draft.goals.some((goal) => goal.trim())) return say("goals", "mentor_goals_count");
    if (id === "languages" && draft.languages.length === 0) return say("languages", "mentor_languages_invalid");
    if (id === "place" && !draft.centre_id) return [{ field: "centre_id", message: t("mentor.req.chooseCentre") }];
    if (id === "contact" && !draft.contact_preference) return say("contact_preference", "mentor_contact_preference_invalid");
    return [];
  }
  const showProblems = (problems: Problem[]) => props.form.setErrors(problems.map((problem) => ({ field: props.fieldIds[problem.field], message: problem.message })));

  const go = (next: Step) => {
    props.form.setErrors([]);
    setStep(next);
  };
  function next() {
    const index = step() as number;
    const problems = missing(STEPS[index]!);
    if (problems.length > 0) return showProblems(problems);
    go(fromCheck() || index === STEPS.length - 1 ? "check" : index + 1);
  }
  const [sending, setSending] = createSignal(false);
  async function send() {
    if (sending()) return;
    setSending(true);
    try {
      await props.onSend();
    } catch (error) {
      if (!(error instanceof ApiError) || error.fields.length === 0) return props.form.fail(error);
      const first = Math.min(...error.fields.map((problem) => stepOf(problem.field)).filter((index) => index >= 0));
      if (Number.isFinite(first)) {
        setFromCheck(true);
        setStep(first);
      }
      showProblems(error.fields);
    } finally {
      setSending(false);
    }
  }

  const labels = (options: RadioOption[], values: readonly string[]) =>
    values.map((value) => options.find((option) => option.value === value)?.label ?? value).join(", ");
  const answers = (): Record<StepId, string> => {
    const draft = d();
    const chosen = (options: RadioOption[], value: string) => options.find((option) => option.value === value)?.label ?? "";
    const lines = (...parts: string[]) => parts.filter(Boolean).join("\n");
    return {
      who: lines(chosen(props.who, draft.asked_by), forOther() ? draft.mentee_name : ""),
      help: draft.help_with,
      goals: lines(...draft.goals),
      interests: labels(interestOptions(t), draft.interests),
      languages: labels(languageOptions(t), draft.languages),
      place: lines(draft.centre_id ? centreName(draft.centre_id, lang()) : "", draft.area),
      times: labels(slotOptions(t), draft.availability),
      wishes: lines(chosen(props.genders, draft.wish_gender), draft.wishes),
      contact: lines(chosen(props.contactWays, draft.contact_preference), draft.contact),
    };
  };
  const titles = (): Record<StepId, string> => ({
    who: t("mentor.req.who"),
    help: t("mentor.req.helpWith"),
    goals: t("mentor.req.goals"),
    interests: t("mentor.f.interests"),
    languages: t("mentor.f.languages"),
    place: t("mentor.f.centre"),
    times: t("mentor.f.availability"),
    wishes: t("mentor.req.wishGender"),
    contact: t("mentor.req.contactPreference"),
  });

  const screens: Record<StepId, () => JSX.Element> = {
    who: () => (
      <>
        <RadioGroup name="req-who" legend={t("mentor.req.who")} options={props.who} value={d().asked_by} error={props.form.at(props.fieldIds.asked_by!)} onChange={set("asked_by")} />
        <Show when={forOther()}>
          <FormField id="req-name" label={t("mentor.req.name")} value={d().mentee_name} error={props.form.at("req-name")} onInput={set("mentee_name")} />
        </Show>
      </>
    ),
    help: () => <TextAreaField id="req-help" label={t("mentor.req.helpWith")} value={d().help_with} error={props.form.at("req-help")} onInput={set("help_with")} />,
    goals: () => (
      <fieldset class="form-group field">
        <legend class="form-label field__label">{t("mentor.req.goals")}</legend>
        <p class="form-hint field__hint">{t("mentor.req.goalsHint")}</p>
        <Index each={d().goals}>
          {(goal, index) => (
            <FormField id={`req-goal-${index}`} label={t("mentor.req.goal", { number: index + 1 })} value={goal()} error={props.form.at(`req-goal-${index}`)} onInput={setGoal(index)} />
          )}
        </Index>
      </fieldset>
    ),
    interests: () => <Profile only="interests" />,
    languages: () => <Profile only="languages" />,
    place: () => (
      <>
        <Profile only="centre_id" />
        <Profile only="area" />
      </>
    ),
    times: () => <Profile only="availability" />,
    wishes: () => (
      <>
        <RadioGroup name="req-gender" legend={t("mentor.req.wishGender")} options={props.genders} value={d().wish_gender} onChange={set("wish_gender")} />
        <TextAreaField id="req-wishes" label={t("mentor.req.wishes")} hint={t("mentor.optional")} rows={3} value={d().wishes} error={props.form.at("req-wishes")} onInput={set("wishes")} />
      </>
    ),
    contact: () => (
      <>
        <RadioGroup
          name="req-contact-way"
          legend={t("mentor.req.contactPreference")}
          options={props.contactWays}
          value={d().contact_preference}
          error={props.form.at(props.fieldIds.contact_preference!)}
          onChange={set("contact_preference")}
        />
        <FormField id="req-contact" label={t("mentor.req.contact")} hint={t("mentor.optional")} value={d().contact} error={props.form.at("req-contact")} onInput={set("contact")} />
      </>
    ),
  };
  function Profile(profile: { only: "interests" | "languages" | "centre_id" | "area" | "availability" }) {
    return <ProfileFields prefix="req" profile={d()} optional only={[profile.only]} at={props.form.at} onChange={(field, value) => props.onChange({ ...d(), [field]: value })} />;
  }

  return (
    <Switch>
      <Match when={typeof step() === "number"}>
        <h2 class="progress" tabindex="-1" ref={heading}>
          {t("mentor.req.step", { n: (step() as number) + 1, total: STEPS.length })}
        </h2>
        <ErrorSummary errors={props.form.errors()} />
        <form
          class="form"
          novalidate
          onSubmit={(event) => {
            event.preventDefault();
            next();
          }}
        >
          {screens[STEPS[step() as number]!]()}
          <div class="actions">
            <Button type="submit">{t("mentor.req.nextStep")}</Button>
            <Show when={(step() as number) > 0}>
              <Button variant="secondary" onClick={() => go((step() as number) - 1)}>
                {t("mentor.req.back")}
              </Button>
            </Show>
          </div>
        </form>
      </Match>
      <Match when={step() === "check"}>
        <h2 tabindex="-1" ref={heading}>
          {t("mentor.req.checkTitle")}
        </h2>
        <p>{t("mentor.req.checkLead")}</p>
        <ErrorSummary errors={props.form.errors()} />
        <dl class="check-list">
          <For each={STEPS}>
            {(id, index) => (
              <div>
                <dt>{titles()[id]}</dt>
                <dd>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setFromCheck(true);
                      go(index());
                    }}
                  >
                    {t("mentor.req.change")}
                    <span class="visually-hidden"> {titles()[id]}</span>
                  </Button>
                </dd>
                <dd>{answers()[id] || t("mentor.req.notAnswered")}</dd>
              </div>
            )}
          </For>
        </dl>
        <div class="actions">
          <Button busy={sending()} onClick={() => void send()}>
            {t("mentor.req.send")}
          </Button>
          <Button variant="secondary" onClick={() => go(STEPS.length - 1)}>
            {t("mentor.req.back")}
          </Button>
        </div>
      </Match>
    </Switch>
  );
}
