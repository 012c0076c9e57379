import { A, useParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { firstRadioId, RadioGroup } from "../components/RadioGroup.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { faceOptions, goalWithProgress, stepKey } from "./fields.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { copenhagenToday, formatDate } from "../lib/dates.ts";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { mentorTexts } from "./texts/index.ts";
import { api, useCall, type Answer } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";

/** /mentorordningen/forloeb/:id: one pair, as its mentor, its mentee (or the relative who asked) or staff see it. */
export default function PairPage() {
  const { t } = useTexts(mentorTexts);
  usePageTitle(() => t("mentor.title"));
  return <RequireSignIn>{() => <Pair />}</RequireSignIn>;
}

function Pair() {
  const { t, lang } = useTexts(mentorTexts);
  const params = useParams<{ id: string }>();
  const call = useCall();
  const pairParam = () => ({ id: params.id });
  const loaded = createLoader(pairParam, (param, signal) => call(api.mentor.pairs[":id"].$get, { param }, { signal }));
  const [done, setDone] = createSignal<string>();
  const form = useFormErrors({});
  const title = () => {
    const pair = loaded.data()?.pair;
    if (!pair) return t("mentor.title");
    return t("mentor.pair.title", { name: pair.viewer === "mentee" ? (pair.mentor_name ?? pair.mentee_name) : pair.mentee_name });
  };
  usePageTitle(title);

  /** Sends a change; on success says so and loads the pair again. */
  async function change(send: () => Promise<unknown>, message: string, fields?: ReturnType<typeof useFormErrors>) {
    const errors = fields ?? form;
    try {
      await send();
      errors.clear();
      form.clear();
      await loaded.reload();
      setDone(message);
      return true;
    } catch (error) {
      setDone(undefined);
      errors.fail(error);
      return false;
    }
  }

  return (
    <>
      <PageHeading title={title()} />
      <div role="status" class="result">
        <Show when={done()}>{(message) => <Notice kind="success"><p>{message()}</p></Notice>}</Show>
      </div>
      <ErrorSummary errors={form.errors()} />
      <Show when={loaded.error()}>{(problem) => <LoadError error={problem()} onRetry={loaded.reload} />}</Show>
      <Show when={loaded.data()} fallback={<p class="status" role="status">{loaded.error() ? "" : t("mentor.loading")}</p>}>
        {(data) => {
          const pair = () => data().pair;
          // Staff answer for the mentee when staff asked on their behalf (the mentee has no account here).
          const answers = () => pair().viewer !== "staff" || pair().asked_by === "staff";
          const myAnswer = () => (pair().viewer === "mentor" ? pair().mentor_accepted_at : pair().mentee_accepted_at);
          return (
            <>
              <dl class="facts facts--stacked">
                <div>
                  <dt>{t("mentor.pair.state")}</dt>
                  <dd>{t(`mentor.state.${pair().state}`)}</dd>
                </div>
                <Show when={pair().mentor_name}>
                  <div>
                    <dt>{t("mentor.pair.mentor")}</dt>
                    <dd>
                      {pair().mentor_name}
                      <Show when={pair().mentor_contact}> ({pair().mentor_contact})</Show>
                    </dd>
                  </div>
                </Show>
                <div>
                  <dt>{t("mentor.pair.mentee")}</dt>
                  <dd>
                    {pair().mentee_name}
                    <Show when={pair().contact}> ({pair().contact})</Show>
                  </dd>
                </div>
                <div>
                  <dt>{t("mentor.pair.helpWith")}</dt>
                  <dd>{pair().help_with}</dd>
                </div>
                <Show when={pair().first_meeting}>
                  {(meeting) => (
                    <div>
                      <dt>{t("mentor.pair.firstMeeting")}</dt>
                      <dd>
                        {formatDate(meeting().on, lang())}, {meeting().place}
                      </dd>
                    </div>
                  )}
                </Show>
                <Show when={pair().planned_end_on}>
                  {(end) => (
                    <div>
                      <dt>{t("mentor.pair.plannedEnd")}</dt>
                      <dd>{formatDate(end(), lang())}</dd>
                    </div>
                  )}
                </Show>
              </dl>

              <Show when={pair().state === "proposed" && answers()}>
                <PageSection id="pair-proposal" title={t("mentor.pair.proposal")}>
                  <Show when={!myAnswer()} fallback={<p>{t("mentor.pair.accepted")}</p>}>
                    <p>{t("mentor.pair.proposalText")}</p>
                    <div class="actions">
                      <Button onClick={() => void change(() => call(api.mentor.pairs[":id"].answer.$post, { param: pairParam() }, { body: { answer: "accept" } }), t("mentor.pair.answered"))}>{t("mentor.pair.accept")}</Button>
                      <Button variant="secondary" onClick={() => void change(() => call(api.mentor.pairs[":id"].answer.$post, { param: pairParam() }, { body: { answer: "decline" } }), t("mentor.pair.answered"))}>
                        {t("mentor.pair.decline")}
                      </Button>
                    </div>
                  </Show>
                </PageSection>
              </Show>

              <PageSection id="pair-goals" title={t("mentor.pair.goals")}>
                <ul class="plain-list">
                  <For each={pair().goals}>
                    {(goal) => (
                      <li>
                        <GoalRow
                          goal={goal}
                          editable={pair().state === "active" && pair().viewer !== "staff"}
                          onSave={async (progress) => {
                            try {
                              await call(api.mentor.pairs[":id"].goals[":goal"].$put, { param: { ...pairParam(), goal: goal.id } }, { body: { progress } });
                              await loaded.reload();
                              setDone(t("mentor.pair.goalSaved"));
                            } catch (error) {
                              form.fail(error);
                            }
                          }}
                        />
                      </li>
                    )}
                  </For>
                </ul>
              </PageSection>

              <Show when={pair().state === "active" && pair().viewer === "mentor"}>
                <LogForm onSend={(body, fields) => change(() => call(api.mentor.pairs[":id"].log.$post, { param: pairParam() }, { body }), t("mentor.log.saved"), fields)} />
              </Show>

              <PageSection id="pair-log" title={t("mentor.pair.log")}>
                <Show when={data().log.length > 0} fallback={<p>{t("mentor.pair.noLog")}</p>}>
                  <ul class="bullets">
                    <For each={data().log}>
                      {(entry) => (
                        <li>
                          {t("mentor.log.entry", { date: formatDate(entry.on, lang()), what: entry.what_we_did })} ({t(stepKey("mentor.face", entry.how_it_went))})
                          <Show when={"note_for_staff" in entry && entry.note_for_staff}>{(note) => ` – ${note()}`}</Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </PageSection>

              <Show when={pair().state === "ended" ? pair().end : undefined}>
                {(end) => (
                  <PageSection id="pair-next" title={t("mentor.end.next")}>
                    <Show when={end().next_step}>
                      <p>{end().next_step}</p>
                    </Show>
                    <Show when={end().next_offer_id}>
                      <p>
                        <A href={`/tilbud/${end().next_offer_id}`} class="big-link">
                          {t("mentor.end.offer")}
                        </A>
                      </p>
                    </Show>
                  </PageSection>
                )}
              </Show>

              <Show when={pair().state === "ended" && pair().viewer !== "staff" && !pair().feedback?.[pair().viewer as "mentor" | "mentee"]}>
                <FeedbackForm onSend={(body, fields) => change(() => call(api.mentor.pairs[":id"].feedback.$post, { param: pairParam() }, { body }), t("mentor.fb.thanks"), fields)} />
              </Show>
            </>
          );
        }}
      </Show>
    </>
  );
}

type Pair = Answer<(typeof api.mentor.pairs)[":id"]["$get"]>["pair"];

function GoalRow(props: { goal: Pair["goals"][number]; editable: boolean; onSave: (progress: number) => Promise<void> }) {
  const { t } = useTexts(mentorTexts);
  const [progress, setProgress] = createSignal(String(props.goal.progress));
  const options = () => [0, 1, 2, 3, 4].map((value) => ({ value: String(value), label: t(stepKey("mentor.progress", value)) }));
  return (
    <Show when={props.editable} fallback={<p>{goalWithProgress(props.goal.text, t(stepKey("mentor.progress", props.goal.progress)))}</p>}>
      <form
        class="form"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void props.onSave(Number(progress()));
        }}
      >
        <RadioGroup name={`goal-${props.goal.id}`} legend={props.goal.text} hint={t("mentor.pair.progress")} options={options()} value={progress()} onChange={setProgress} />
        <Button type="submit" variant="secondary">
          {t("mentor.pair.saveGoal")}
        </Button>
      </form>
    </Show>
  );
}

type Fields = ReturnType<typeof useFormErrors>;

function LogForm(props: { onSend: (body: unknown, fields: Fields) => Promise<boolean> }) {
  const { t } = useTexts(mentorTexts);
  const today = copenhagenToday();
  const [on, setOn] = createSignal(today);
  const [what, setWhat] = createSignal("");
  const [how, setHow] = createSignal("");
  const [note, setNote] = createSignal("");
  const fields = useFormErrors({
    on: "log-on",
    what_we_did: "log-what",
    get how_it_went() {
      return firstRadioId("log-how", faceOptions(t));
    },
    note_for_staff: "log-note",
  });
  return (
    <PageSection id="pair-log-form" title={t("mentor.log.title")}>
      <ErrorSummary errors={fields.errors()} />
      <form
        class="form"
        novalidate
        onSubmit={async (event) => {
          event.preventDefault();
          const sent = await props.onSend({ on: on(), what_we_did: what(), how_it_went: how() ? Number(how()) : undefined, note_for_staff: note() }, fields);
          if (sent) {
            setWhat("");
            setHow("");
            setNote("");
          }
        }}
      >
        <FormField id="log-on" type="date" max={today} label={t("mentor.log.on")} hint={t("mentor.log.onHint")} value={on()} error={fields.at("log-on")} onInput={setOn} />
        <TextAreaField id="log-what" label={t("mentor.log.what")} rows={3} value={what()} error={fields.at("log-what")} onInput={setWhat} />
        <RadioGroup name="log-how" legend={t("mentor.log.how")} options={faceOptions(t)} value={how()} error={fields.at(firstRadioId("log-how", faceOptions(t)))} onChange={setHow} />
        <TextAreaField id="log-note" label={t("mentor.log.note")} hint={t("mentor.optional")} rows={3} value={note()} error={fields.at("log-note")} onInput={setNote} />
        <Button type="submit">{t("mentor.log.send")}</Button>
      </form>
    </PageSection>
  );
}

function FeedbackForm(props: { onSend: (body: unknown, fields: Fields) => Promise<boolean> }) {
  const { t } = useTexts(mentorTexts);
  const [answers, setAnswers] = createSignal({ good_to_meet: "", helped_goals: "", recommend: "", words: "" });
  const set = (field: keyof ReturnType<typeof answers>) => (value: string) => setAnswers({ ...answers(), [field]: value });
  const questions = [
    ["good_to_meet", "mentor.fb.goodToMeet"],
    ["helped_goals", "mentor.fb.helpedGoals"],
    ["recommend", "mentor.fb.recommend"],
  ] as const;
  const fields = useFormErrors({
    good_to_meet: firstRadioId("fb-good_to_meet", faceOptions(t)),
    helped_goals: firstRadioId("fb-helped_goals", faceOptions(t)),
    recommend: firstRadioId("fb-recommend", faceOptions(t)),
    words: "fb-words",
  });
  return (
    <PageSection id="pair-feedback" title={t("mentor.fb.title")}>
      <ErrorSummary errors={fields.errors()} />
      <form
        class="form"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          const { words, ...faces } = answers();
          void props.onSend({ ...Object.fromEntries(Object.entries(faces).map(([key, value]) => [key, value ? Number(value) : undefined])), words }, fields);
        }}
      >
        <For each={questions}>
          {([field, question]) => (
            <RadioGroup
              name={`fb-${field}`}
              legend={t(question)}
              options={faceOptions(t)}
              value={answers()[field]}
              error={fields.at(firstRadioId(`fb-${field}`, faceOptions(t)))}
              onChange={set(field)}
            />
          )}
        </For>
        <TextAreaField id="fb-words" label={t("mentor.fb.words")} hint={t("mentor.optional")} rows={3} value={answers().words} error={fields.at("fb-words")} onInput={set("words")} />
        <Button type="submit">{t("mentor.fb.send")}</Button>
      </form>
    </PageSection>
  );
}
