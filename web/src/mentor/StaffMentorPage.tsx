import { A } from "@solidjs/router";
import { createSignal, For, Show, type JSX } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { firstRadioId, RadioGroup } from "../components/RadioGroup.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { centreName, myCentres } from "../lib/site.ts";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { useFormErrors } from "../lib/forms.ts";
import { focusElement, usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { mentorTexts } from "./texts/index.ts";
import { api, useCall, type Answer } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";
import { goalWithProgress, stepKey } from "./fields.tsx";

type MentorView = Answer<(typeof api.mentor.centres)[":centre"]["mentors"]["$get"]>["to_screen"][number];
type StaffPair = Answer<(typeof api.mentor.centres)[":centre"]["pairs"]["$get"]>["requests"][number];
type Suggestion = Answer<(typeof api.mentor.centres)[":centre"]["pairs"][":id"]["suggestions"]["$get"]>["items"][number];

/** /personale/mentor: per centre, mentors to screen, requests with suggestions, pairs to follow and endings. */
export default function StaffMentorPage() {
  const { t } = useTexts(mentorTexts);
  usePageTitle(() => t("mentor.staff.title"));
  return (
    <RequireSignIn roles={["staff", "admin"]}>
      {(person) => (
        <>
          <PageHeading title={t("mentor.staff.title")} lead={t("mentor.staff.lead")} />
          <p>
            <A href="/personale/mentor/nyt-oenske" class="big-link">
              {t("mentor.staff.newRequest")}
            </A>
          </p>
          <For each={myCentres(person())}>{(centre) => <Centre centre={centre} />}</For>
        </>
      )}
    </RequireSignIn>
  );
}

function Centre(props: { centre: string }) {
  const { t, lang } = useTexts(mentorTexts);
  const call = useCall();
  const centre = () => ({ centre: props.centre });
  const mentors = createLoader(centre, (param, signal) => call(api.mentor.centres[":centre"].mentors.$get, { param }, { signal }));
  const overview = createLoader(centre, (param, signal) => call(api.mentor.centres[":centre"].pairs.$get, { param }, { signal }));
  const [done, setDone] = createSignal<string>();
  const reload = async (message: string) => {
    await Promise.all([mentors.reload(), overview.reload()]);
    setDone(message);
  };
  const section = (id: string) => `mentor-${props.centre}-${id}`;

  return (
    <section class="page-section" aria-labelledby={section("title")}>
      <h2 id={section("title")}>{centreName(props.centre, lang())}</h2>
      <div role="status" class="result">
        <Show when={done()}>{(message) => <Notice kind="success"><p>{message()}</p></Notice>}</Show>
      </div>
      <Show when={mentors.error() ?? overview.error()}>
        {(problem) => <LoadError error={problem()} onRetry={() => void reload("")} />}
      </Show>

      <h3 id={section("screen")}>{t("mentor.staff.toScreen")}</h3>
      <Show when={mentors.data()} fallback={<p class="status" role="status">{t("mentor.loading")}</p>}>
        {(data) => (
          <Show when={data().to_screen.length > 0} fallback={<p>{t("mentor.staff.none")}</p>}>
            <ul class="cards" aria-labelledby={section("screen")}>
              <For each={data().to_screen}>{(mentor) => <ScreenCard mentor={mentor} centre={props.centre} onDone={reload} />}</For>
            </ul>
          </Show>
        )}
      </Show>

      <h3 id={section("approved")}>{t("mentor.staff.approvedList")}</h3>
      <Show when={mentors.data()}>
        {(data) => (
          <Show when={data().approved.length > 0} fallback={<p>{t("mentor.staff.none")}</p>}>
            <ul class="cards" aria-labelledby={section("approved")}>
              <For each={data().approved}>
                {(mentor) => (
                  <li class="card">
                    <h4 class="card__title">{mentor.display_name}</h4>
                    <p>{mentor.contact}</p>
                    <p>{t("mentor.staff.places", { used: mentor.active_pairs, capacity: mentor.capacity })}</p>
                    <p>
                      <EditLink centre={props.centre} mentor={mentor} />
                    </p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>

      <Show when={overview.data()} fallback={<p class="status" role="status">{t("mentor.loading")}</p>}>
        {(data) => (
          <>
            <h3 id={section("requests")}>{t("mentor.staff.requests")}</h3>
            <PairCards pairs={data().requests} label={section("requests")}>
              {(pair) => <RequestCard pair={pair} centre={props.centre} onDone={reload} />}
            </PairCards>
            <h3 id={section("proposed")}>{t("mentor.staff.proposed")}</h3>
            <PairCards pairs={data().proposed} label={section("proposed")}>
              {(pair) => <FirstMeetingForm pair={pair} centre={props.centre} onDone={reload} />}
            </PairCards>
            <h3 id={section("active")}>{t("mentor.staff.active")}</h3>
            <PairCards pairs={data().active} label={section("active")}>
              {(pair) => <ActiveCard pair={pair} centre={props.centre} onDone={reload} />}
            </PairCards>
            <h3 id={section("ended")}>{t("mentor.staff.ended")}</h3>
            <PairCards pairs={data().ended} label={section("ended")}>
              {() => null}
            </PairCards>
          </>
        )}
      </Show>
    </section>
  );
}

/** A list of pairs as cards: who, what, its state, a link to the pair; `children` adds the card's own actions. */
function PairCards(props: { pairs: StaffPair[]; label: string; children: (pair: StaffPair) => JSX.Element }) {
  const { t } = useTexts(mentorTexts);
  return (
    <Show when={props.pairs.length > 0} fallback={<p>{t("mentor.staff.none")}</p>}>
      <ul class="cards" aria-labelledby={props.label}>
        <For each={props.pairs}>
          {(pair) => (
            <li class="card">
              <h4 class="card__title">
                {pair.mentee_name}
                <Show when={pair.mentor_name}> – {pair.mentor_name}</Show>
              </h4>
              <p>{pair.help_with}</p>
              <ul class="bullets">
                <For each={pair.goals}>{(goal) => <li>{goalWithProgress(goal.text, t(stepKey("mentor.progress", goal.progress)))}</li>}</For>
              </ul>
              <p>
                <span class="badge">{t(`mentor.state.${pair.state}`)}</span>{" "}
                <Show when={pair.check_in_due}>
                  <span class="badge">{t("mentor.staff.checkInDue")}</span>{" "}
                </Show>
                <Show when={pair.quiet}>
                  <span class="badge">{t("mentor.staff.quiet")}</span>
                </Show>
              </p>
              <p>
                <A href={`/mentorordningen/forloeb/${pair.id}`}>{t("mentor.staff.open")}</A>
              </p>
              {props.children(pair)}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** To the page where staff change an approved mentor's details; the visible words first, then whose (label in name). */
function EditLink(props: { centre: string; mentor: MentorView }) {
  const { t } = useTexts(mentorTexts);
  return (
    <A href={`/personale/mentor/mentorer/${props.centre}/${props.mentor.id}`} aria-label={`${t("mentor.staff.edit")}: ${props.mentor.display_name}`}>
      {t("mentor.staff.edit")}
    </A>
  );
}

type CardProps = { centre: string; onDone: (message: string) => Promise<void> };

function ScreenCard(props: CardProps & { mentor: MentorView }) {
  const { t } = useTexts(mentorTexts);
  const call = useCall();
  const mentor = () => props.mentor;
  const [dates, setDates] = createSignal({
    interview_on: mentor().screening.interview_on ?? "",
    straffeattest_on: mentor().screening.straffeattest_on ?? "",
    boerneattest_on: mentor().screening.boerneattest_on ?? "",
    training_on: mentor().screening.training_on ?? "",
  });
  const id = (field: string) => `screen-${mentor().id}-${field}`;
  const form = useFormErrors({ interview_on: id("interview_on"), straffeattest_on: id("straffeattest_on"), boerneattest_on: id("boerneattest_on"), training_on: id("training_on") });
  const set = (field: keyof ReturnType<typeof dates>) => (value: string) => setDates({ ...dates(), [field]: value });
  async function decide(decision: "approve" | "reject") {
    const given = Object.fromEntries(Object.entries(dates()).filter(([, value]) => value.trim()));
    try {
      await call(api.mentor.centres[":centre"].mentors[":id"].screening.$post, { param: { centre: props.centre, id: mentor().id } }, { body: { ...given, decision } });
      form.clear();
      await props.onDone(decision === "approve" ? t("mentor.staff.approved", { name: mentor().display_name }) : t("mentor.pair.answered"));
    } catch (error) {
      form.fail(error);
    }
  }
  const dateFields = [
    ["interview_on", "mentor.staff.interview"],
    ["straffeattest_on", "mentor.staff.straffeattest"],
    ["boerneattest_on", "mentor.staff.boerneattest"],
    ["training_on", "mentor.staff.training"],
  ] as const;
  return (
    <li class="card">
      <h4 class="card__title">{mentor().display_name}</h4>
      <p>{mentor().about}</p>
      <p>{mentor().can_help_with}</p>
      <p>{mentor().contact}</p>
      <p>
        <span class="badge">{t(`mentor.mine.status.${mentor().status}`)}</span>
      </p>
      {/* A mentor to recheck is still approved in what they told: staff may change it as for the approved ones. */}
      <Show when={mentor().status === "recheck"}>
        <p>
          <EditLink centre={props.centre} mentor={mentor()} />
        </p>
      </Show>
      <ErrorSummary errors={form.errors()} />
      <form class="form" novalidate onSubmit={(event) => event.preventDefault()}>
        <For each={dateFields}>
          {([field, label]) => (
            <FormField id={id(field)} type="date" label={t(label)} hint={t("mentor.log.onHint")} value={dates()[field]} error={form.at(id(field))} onInput={set(field)} />
          )}
        </For>
        <div class="actions">
          <Button onClick={() => void decide("approve")}>{t("mentor.staff.approve")}</Button>
          <Button variant="secondary" onClick={() => void decide("reject")}>
            {t("mentor.staff.reject")}
          </Button>
        </div>
      </form>
    </li>
  );
}

function RequestCard(props: CardProps & { pair: StaffPair }) {
  const { t } = useTexts(mentorTexts);
  const call = useCall();
  const pair = () => ({ centre: props.centre, id: props.pair.id });
  const [suggestions, setSuggestions] = createSignal<Suggestion[]>();
  const form = useFormErrors({});
  let suggestionsHeading: HTMLHeadingElement | undefined;
  /** The button that was pressed is replaced by the list: focus goes to the list's heading, not back to the top of the page. */
  async function show(moveFocus = true) {
    try {
      setSuggestions((await call(api.mentor.centres[":centre"].pairs[":id"].suggestions.$get, { param: pair() })).items);
      if (moveFocus) focusElement(suggestionsHeading ?? null);
    } catch (error) {
      form.fail(error);
    }
  }
  async function propose(suggestion: Suggestion) {
    try {
      await call(api.mentor.centres[":centre"].pairs[":id"].propose.$post, { param: pair() }, { body: { mentor_id: suggestion.mentor_id } });
      await props.onDone(t("mentor.staff.proposedDone", { name: suggestion.display_name }));
    } catch (error) {
      form.fail(error);
      void show(false);
    }
  }
  async function cancel() {
    try {
      await call(api.mentor.centres[":centre"].pairs[":id"].cancel.$post, { param: pair() });
      await props.onDone(t("mentor.staff.cancelled"));
    } catch (error) {
      form.fail(error);
    }
  }
  const listId = () => `suggestions-${props.pair.id}`;
  return (
    <>
      <ErrorSummary errors={form.errors()} />
      <p>
        <Button variant="secondary" onClick={() => void cancel()}>
          {t("mentor.staff.cancel")}
        </Button>
      </p>
      <Show
        when={suggestions()}
        fallback={
          <Button variant="secondary" onClick={() => void show()}>
            {t("mentor.staff.showSuggestions")}
          </Button>
        }
      >
        {(items) => (
          <>
            <h5 id={listId()} class="h4" tabindex="-1" ref={suggestionsHeading}>
              {t("mentor.staff.suggestions")}
            </h5>
            <Show when={items().length > 0} fallback={<p>{t("mentor.staff.noSuggestions")}</p>}>
              <ol class="spaced-list" aria-labelledby={listId()}>
                <For each={items()}>
                  {(suggestion) => (
                    <li>
                      <p>
                        <strong>{suggestion.display_name}</strong> ({t("mentor.staff.points", { points: suggestion.score })})
                      </p>
                      <ul class="bullets">
                        <For each={suggestion.reasons}>{(reason) => <li>{reason}</li>}</For>
                      </ul>
                      <Button onClick={() => void propose(suggestion)}>{t("mentor.staff.propose", { name: suggestion.display_name })}</Button>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          </>
        )}
      </Show>
    </>
  );
}

function FirstMeetingForm(props: CardProps & { pair: StaffPair }) {
  const { t } = useTexts(mentorTexts);
  const call = useCall();
  const id = (field: string) => `meeting-${props.pair.id}-${field}`;
  const [on, setOn] = createSignal(props.pair.first_meeting?.on ?? "");
  const [place, setPlace] = createSignal(props.pair.first_meeting?.place ?? "");
  const form = useFormErrors({ on: id("on"), place: id("place") });
  async function save(event: SubmitEvent) {
    event.preventDefault();
    try {
      await call(api.mentor.centres[":centre"].pairs[":id"]["first-meeting"].$post, { param: { centre: props.centre, id: props.pair.id } }, { body: { on: on(), place: place() } });
      form.clear();
      await props.onDone(t("mentor.staff.meetingSaved"));
    } catch (error) {
      form.fail(error);
    }
  }
  return (
    <form class="form" novalidate onSubmit={save}>
      <h5>{t("mentor.staff.firstMeeting")}</h5>
      <ErrorSummary errors={form.errors()} />
      <FormField id={id("on")} type="date" label={t("mentor.staff.meetingOn")} hint={t("mentor.log.onHint")} value={on()} error={form.at(id("on"))} onInput={setOn} />
      <FormField id={id("place")} label={t("mentor.staff.meetingPlace")} value={place()} error={form.at(id("place"))} onInput={setPlace} />
      <Button type="submit" variant="secondary">
        {t("mentor.staff.firstMeeting")}
      </Button>
    </form>
  );
}

function ActiveCard(props: CardProps & { pair: StaffPair }) {
  const { t } = useTexts(mentorTexts);
  const call = useCall();
  const [ending, setEnding] = createSignal(false);
  const [end, setEnd] = createSignal({ outcome: "", reason: "", closing_conversation_on: "", next_step: "", next_offer_id: "" });
  const id = (field: string) => `end-${props.pair.id}-${field}`;
  const outcomes = () => [
    { value: "completed", label: t("mentor.staff.completed") },
    { value: "ended_early", label: t("mentor.staff.endedEarly") },
  ];
  const form = useFormErrors({
    get outcome() {
      return firstRadioId(id("outcome"), outcomes());
    },
    reason: id("reason"),
    closing_conversation_on: id("closing"),
    next_step: id("next"),
    next_offer_id: id("offer"),
  });
  const set = (field: keyof ReturnType<typeof end>) => (value: string) => setEnd({ ...end(), [field]: value });
  const pair = { centre: props.centre, id: props.pair.id };
  async function post(send: () => Promise<unknown>, message: string) {
    try {
      await send();
      form.clear();
      await props.onDone(message);
    } catch (error) {
      form.fail(error);
    }
  }
  return (
    <>
      <ErrorSummary errors={form.errors()} />
      <div class="actions">
        <Button variant="secondary" onClick={() => void post(() => call(api.mentor.centres[":centre"].pairs[":id"]["check-in"].$post, { param: pair }, { body: {} }), t("mentor.staff.checkedIn"))}>
          {t("mentor.staff.checkIn")}
        </Button>
        <Button variant="secondary" aria-expanded={ending()} onClick={() => setEnding(!ending())}>
          {t("mentor.staff.end")}
        </Button>
      </div>
      <Show when={ending()}>
        <form
          class="form"
          novalidate
          onSubmit={(event) => {
            event.preventDefault();
            const body = Object.fromEntries(Object.entries(end()).filter(([, value]) => value.trim()));
            void post(() => call(api.mentor.centres[":centre"].pairs[":id"].end.$post, { param: pair }, { body }), t("mentor.staff.ended.done"));
          }}
        >
          <RadioGroup name={id("outcome")} legend={t("mentor.staff.outcome")} options={outcomes()} value={end().outcome} error={form.at(firstRadioId(id("outcome"), outcomes()))} onChange={set("outcome")} />
          <TextAreaField id={id("reason")} label={t("mentor.staff.reason")} rows={2} value={end().reason} error={form.at(id("reason"))} onInput={set("reason")} />
          <FormField id={id("closing")} type="date" label={t("mentor.staff.closing")} hint={t("mentor.log.onHint")} value={end().closing_conversation_on} error={form.at(id("closing"))} onInput={set("closing_conversation_on")} />
          <TextAreaField id={id("next")} label={t("mentor.staff.nextStep")} rows={2} value={end().next_step} error={form.at(id("next"))} onInput={set("next_step")} />
          <FormField id={id("offer")} label={t("mentor.staff.nextOffer")} hint={t("mentor.optional")} value={end().next_offer_id} error={form.at(id("offer"))} onInput={set("next_offer_id")} />
          <Button type="submit">{t("mentor.staff.end")}</Button>
        </form>
      </Show>
    </>
  );
}
