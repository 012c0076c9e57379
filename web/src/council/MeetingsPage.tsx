import { A, useParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { CheckboxGroup } from "../components/CheckboxGroup.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { RadioGroup, type RadioOption } from "../components/RadioGroup.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { NoAccess } from "../components/NoAccess.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall } from "../lib/api.ts";
import { copenhagenParts, copenhagenToday, copenhagenToIso, formatMoment } from "../lib/dates.ts";
import { useFormErrors, type SummaryError } from "../lib/forms.ts";
import { focusElement, usePageTitle } from "../lib/navigation.ts";
import { createLoader } from "../lib/load.ts";
import { useSignInRedirect } from "../lib/sign-in.ts";
import { useTexts } from "../lib/texts.ts";
import type { Meeting } from "./Meetings.tsx";
import { MeetingVoteForm } from "./MeetingVoteForm.tsx";
import { councilTexts } from "./texts/index.ts";

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * /borgerraadet/:centre/moeder — the chair and staff plan meetings (time, place and how to get
 * in, the agenda, which may name proposals), change or cancel them before they start (the
 * council is mailed), and after a meeting the secretary, chair or staff write its minutes: a
 * plain summary first, the decisions, who came; saved as a draft or shown to everyone. The
 * chair, deputy chair or secretary write down a vote taken at the meeting (MeetingVoteForm).
 */
export default function MeetingsPage() {
  const { t } = useTexts(councilTexts);
  usePageTitle(() => t("council.meetingsTitle"));
  return <RequireSignIn>{() => <Meetings />}</RequireSignIn>;
}

function Meetings() {
  const { t, lang } = useTexts(councilTexts);
  const params = useParams<{ centre: string }>();
  const call = useCall();
  const redirect = useSignInRedirect();
  const overview = createLoader(
    () => params.centre,
    (centre, signal) => call(api.council.centres[":centre"].$get, { param: { centre } }, { signal }),
  );
  // The page is for those who manage the council or keep its record; the API checks again on every action.
  const can = () => overview.data()?.can;
  const forbidden = () =>
    (can() !== undefined && !can()!.manage && !can()!.keep_minutes && !can()!.record_meeting_votes) || overview.missing() || overview.forbidden();

  const [done, setDone] = createSignal<string>();
  /** The proposal a vote at the meeting was just written down for: the notice links to its result. */
  const [recorded, setRecorded] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let status: HTMLDivElement | undefined;
  /** Says what was saved (with a link to the result, after a vote at the meeting) and loads the meetings again. */
  async function saved(message: string, resultOf?: string) {
    setDone(message);
    setRecorded(resultOf);
    await overview.reload();
    status?.focus();
  }

  // Plan a meeting.
  const [date, setDate] = createSignal(copenhagenToday());
  const [start, setStart] = createSignal("16:00");
  const [endTime, setEndTime] = createSignal("18:00");
  const [place, setPlace] = createSignal("");
  const [access, setAccess] = createSignal("");
  const [picked, setPicked] = createSignal<string[]>([]);
  const [other, setOther] = createSignal("");
  const plan = useFormErrors({
    starts_at: "meeting-start",
    ends_at: "meeting-end",
    place: "meeting-place",
    accessibility: "meeting-access",
    agenda: "meeting-agenda",
  });
  const agendaProposals = () => (overview.data()?.proposals ?? []).filter((p) => p.status === "on_agenda" || p.status === "voting");

  // Change a planned meeting: the same form, filled in with it.
  const [editing, setEditing] = createSignal<Meeting>();
  let planHeading: HTMLHeadingElement | undefined;
  function startEdit(meeting: Meeting) {
    plan.clear();
    setDone(undefined);
    const starts = copenhagenParts(meeting.starts_at);
    setEditing(meeting);
    setDate(starts.date);
    setStart(starts.time);
    setEndTime(copenhagenParts(meeting.ends_at).time);
    setPlace(meeting.place);
    setAccess(meeting.accessibility);
    setPicked(meeting.agenda.flatMap((item) => (item.proposal_id ? [item.proposal_id] : [])));
    setOther(meeting.agenda.filter((item) => !item.proposal_id).map((item) => item.title).join("\n"));
    queueMicrotask(() => focusElement(planHeading ?? null));
  }
  function resetPlan() {
    setEditing(undefined);
    setPlace("");
    setAccess("");
    setPicked([]);
    setOther("");
  }

  async function planMeeting(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setDone(undefined);
    let startsAt = "";
    let endsAt = "";
    try {
      startsAt = copenhagenToIso(date(), start());
      endsAt = copenhagenToIso(date(), endTime());
    } catch {
      const problems: SummaryError[] = [{ field: "meeting-date", message: t("council.timeMissing") }];
      return plan.setErrors(problems);
    }
    plan.clear();
    setBusy(true);
    try {
      const proposals = agendaProposals().filter((p) => picked().includes(p.id));
      const body = {
        starts_at: startsAt,
        ends_at: endsAt,
        place: place(),
        accessibility: access(),
        agenda: [...proposals.map((p) => ({ title: p.title, proposal_id: p.id })), ...lines(other()).map((title) => ({ title }))],
      };
      const changing = editing();
      if (changing) await call(api.council.centres[":centre"].meetings[":id"].$put, { param: { centre: params.centre, id: changing.id } }, { body });
      else await call(api.council.centres[":centre"].meetings.$post, { param: { centre: params.centre } }, { body });
      resetPlan();
      await saved(changing ? t("council.meetingChangedDone") : t("council.planned"));
    } catch (error) {
      plan.fail(error);
    } finally {
      setBusy(false);
    }
  }

  // The minutes of a meeting.
  const [writing, setWriting] = createSignal<Meeting>();
  const [summary, setSummary] = createSignal("");
  const [decisions, setDecisions] = createSignal("");
  const [details, setDetails] = createSignal("");
  const [attendance, setAttendance] = createSignal<string[]>([]);
  const [publish, setPublish] = createSignal("no");
  const minutesForm = useFormErrors({
    summary: "minutes-summary",
    decisions: "minutes-decisions",
    details: "minutes-details",
  });
  let minutesHeading: HTMLHeadingElement | undefined;

  async function startMinutes(listed: Meeting) {
    minutesForm.clear();
    setDone(undefined);
    // The chair and staff get the draft minutes too (the public list leaves them out).
    let meeting = listed;
    try {
      meeting = (await call(api.council.centres[":centre"].meetings[":id"].$get, { param: { centre: params.centre, id: listed.id } })).meeting;
    } catch (error) {
      if (redirect(error)) return;
    }
    setWriting(meeting);
    setSummary(meeting.minutes?.summary ?? "");
    setDecisions((meeting.minutes?.decisions ?? []).join("\n"));
    setDetails(meeting.minutes?.details ?? "");
    setAttendance((meeting.minutes?.attendance ?? []).map((a) => a.person_id));
    setPublish(meeting.minutes?.published ? "yes" : "no");
    queueMicrotask(() => focusElement(minutesHeading ?? null));
  }

  async function saveMinutes(event: SubmitEvent) {
    event.preventDefault();
    const meeting = writing();
    if (busy() || !meeting) return;
    setDone(undefined);
    minutesForm.clear();
    setBusy(true);
    try {
      await call(api.council.centres[":centre"].meetings[":id"].minutes.$put, { param: { centre: params.centre, id: meeting.id } }, { body: {
        summary: summary(),
        decisions: lines(decisions()),
        ...(details().trim() ? { details: details() } : {}),
        attendance: attendance(),
        publish: publish() === "yes",
      } });
      const message = publish() === "yes" ? t("council.minutesPublished") : t("council.minutesDraft");
      setWriting(undefined);
      await saved(message);
    } catch (error) {
      minutesForm.fail(error);
    } finally {
      setBusy(false);
    }
  }

  // Cancel a planned meeting, with a reason for the mail.
  const [cancelling, setCancelling] = createSignal<Meeting>();
  const [cancelReason, setCancelReason] = createSignal("");
  const cancelForm = useFormErrors({ reason: "cancel-reason" });
  let cancelHeading: HTMLHeadingElement | undefined;
  function startCancel(meeting: Meeting) {
    cancelForm.clear();
    setDone(undefined);
    setCancelReason("");
    setCancelling(meeting);
    queueMicrotask(() => focusElement(cancelHeading ?? null));
  }
  function cancelMeeting(event: SubmitEvent) {
    event.preventDefault();
    const meeting = cancelling();
    if (!meeting) return;
    void cancelForm.send(async () => {
      await call(api.council.centres[":centre"].meetings[":id"].cancel.$post, { param: { centre: params.centre, id: meeting.id } }, { body: cancelReason().trim() ? { reason: cancelReason() } : {} });
      setCancelling(undefined);
      await saved(t("council.meetingCancelledDone"));
    });
  }

  // Write down a vote taken at a meeting: the form needs the minutes' attendance, drafts included.
  const [recording, setRecording] = createSignal<Meeting>();
  async function startRecord(listed: Meeting) {
    setDone(undefined);
    try {
      setRecording((await call(api.council.centres[":centre"].meetings[":id"].$get, { param: { centre: params.centre, id: listed.id } })).meeting);
    } catch (error) {
      if (!redirect(error)) setRecording(listed);
    }
  }

  const allMeetings = () => [...(overview.data()?.upcoming_meetings ?? []), ...(overview.data()?.past_meetings ?? [])];
  const hasStarted = (meeting: Meeting) => meeting.starts_at <= new Date().toISOString();
  const memberOptions = (): RadioOption[] => (overview.data()?.members ?? []).map((m) => ({ value: m.person_id, label: m.display_name }));

  return (
    <Show when={!forbidden() && !plan.forbidden() && !minutesForm.forbidden() && !cancelForm.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("council.meetingsTitle")} lead={can()?.manage === false ? t("council.meetingsLeadMinutes") : t("council.meetingsLead")} />
      <div role="status" tabindex="-1" ref={status}>
        <Show when={done()}>
          {(message) => (
            <Notice kind="success">
              <p>{message()}</p>
              <Show when={recorded()}>
                {(proposalId) => (
                  <p>
                    <A href={`/borgerraadet/${params.centre}/forslag/${proposalId()}`}>{t("council.recordSeeResult")}</A>
                  </p>
                )}
              </Show>
            </Notice>
          )}
        </Show>
      </div>
      <Show when={overview.error()}>{(error) => <LoadError error={error()} onRetry={overview.reload} />}</Show>
      <Show when={overview.data()}>
        <Show when={writing()}>
          {(meeting) => (
            <section class="page-section" aria-labelledby="minutes-title">
              <h2 id="minutes-title" tabindex="-1" ref={minutesHeading}>
                {t("council.minutesTitle", { time: formatMoment(meeting().starts_at, lang()) })}
              </h2>
              <ErrorSummary errors={minutesForm.errors()} />
              <form class="form" novalidate onSubmit={(event) => void saveMinutes(event)}>
                <TextAreaField id="minutes-summary" label={t("council.minutesSummary")} hint={t("council.summaryHint")} lix value={summary()} error={minutesForm.at("minutes-summary")} onInput={setSummary} rows={4} />
                <TextAreaField
                  id="minutes-decisions"
                  label={t("council.minutesDecisions")}
                  hint={t("council.minutesDecisionsHint")}
                  value={decisions()}
                  error={minutesForm.at("minutes-decisions")}
                  onInput={setDecisions}
                  rows={4}
                />
                <TextAreaField
                  id="minutes-details"
                  label={t("council.minutesDetails")}
                  hint={t("council.minutesDetailsHint")}
                  value={details()}
                  error={minutesForm.at("minutes-details")}
                  onInput={setDetails}
                  rows={6}
                />
                <Show when={memberOptions().length > 0}>
                  <CheckboxGroup name="attendance" legend={t("council.minutesAttendance")} options={memberOptions()} values={attendance()} onChange={setAttendance} />
                </Show>
                <RadioGroup
                  name="publish"
                  legend={t("council.minutesPublish")}
                  value={publish()}
                  onChange={setPublish}
                  options={[
                    { value: "yes", label: t("council.minutesPublish.yes") },
                    { value: "no", label: t("council.minutesPublish.no") },
                  ]}
                />
                <p class="actions">
                  <Button type="submit" busy={busy()}>
                    {t("council.minutesSave")}
                  </Button>
                  <Button variant="secondary" onClick={() => (minutesForm.clear(), setWriting(undefined))}>
                    {t("council.memberCancel")}
                  </Button>
                </p>
              </form>
            </section>
          )}
        </Show>
        <Show when={cancelling()}>
          {(meeting) => (
            <section class="page-section" aria-labelledby="cancel-title">
              <h2 id="cancel-title" tabindex="-1" ref={cancelHeading}>
                {t("council.cancelTitle", { time: formatMoment(meeting().starts_at, lang()) })}
              </h2>
              <ErrorSummary errors={cancelForm.errors()} />
              <form class="form" novalidate onSubmit={cancelMeeting}>
                <TextAreaField id="cancel-reason" label={t("council.cancelReason")} hint={t("council.cancelReasonHint")} value={cancelReason()} error={cancelForm.at("cancel-reason")} onInput={setCancelReason} rows={3} />
                <p class="actions">
                  <Button type="submit" busy={cancelForm.sending()}>
                    {t("council.cancelConfirm")}
                  </Button>
                  <Button variant="secondary" onClick={() => setCancelling(undefined)}>
                    {t("council.keepMeeting")}
                  </Button>
                </p>
              </form>
            </section>
          )}
        </Show>
        <Show when={recording()}>
          {(meeting) => (
            <MeetingVoteForm
              centre={params.centre}
              meeting={meeting()}
              proposals={agendaProposals()}
              onClose={() => setRecording(undefined)}
              onSaved={(proposalId) => {
                setRecording(undefined);
                void saved(t("council.recordDone"), proposalId);
              }}
            />
          )}
        </Show>
        <PageSection title={t("council.allMeetings")} id="all-meetings">
          <Show when={allMeetings().length > 0} fallback={<p>{t("council.noMeetings")}</p>}>
            <ul class="plain-list">
              <For each={allMeetings()}>
                {(meeting) => (
                  <li class="card">
                    <h3 class="card__title">{t("council.meetingOn", { time: formatMoment(meeting.starts_at, lang()) })}</h3>
                    <p>{meeting.place}</p>
                    <Show when={!meeting.cancelled} fallback={<p class="badge">{t("council.cancelled")}</p>}>
                      <Show
                        when={hasStarted(meeting)}
                        fallback={
                          <Show when={can()?.manage}>
                            <p class="actions">
                              <Button variant="secondary" aria-label={t("council.editMeetingFor", { time: formatMoment(meeting.starts_at, lang()) })} onClick={() => startEdit(meeting)}>
                                {t("council.editMeeting")}
                              </Button>
                              <Button variant="secondary" aria-label={t("council.cancelMeetingFor", { time: formatMoment(meeting.starts_at, lang()) })} onClick={() => startCancel(meeting)}>
                                {t("council.cancelMeeting")}
                              </Button>
                            </p>
                          </Show>
                        }
                      >
                        <p class="badge">{meeting.minutes?.published ? t("council.minutesShown") : t("council.minutesNone")}</p>
                        <p class="actions">
                          <Show when={can()?.keep_minutes}>
                            <Button
                              variant="secondary"
                              aria-label={t("council.writeMinutesFor", { time: formatMoment(meeting.starts_at, lang()) })}
                              onClick={() => void startMinutes(meeting)}
                            >
                              {t("council.writeMinutes")}
                            </Button>
                          </Show>
                          <Show when={can()?.record_meeting_votes}>
                            <Button variant="secondary" aria-label={t("council.recordVoteFor", { time: formatMoment(meeting.starts_at, lang()) })} onClick={() => void startRecord(meeting)}>
                              {t("council.recordVote")}
                            </Button>
                          </Show>
                        </p>
                      </Show>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </PageSection>
        <Show when={can()?.manage}>
          <section class="page-section" aria-labelledby="plan">
            <h2 id="plan" tabindex="-1" ref={planHeading}>
              {editing() ? t("council.editTitle", { time: formatMoment(editing()!.starts_at, lang()) }) : t("council.planTitle")}
            </h2>
            <Show when={editing()}>
              <p>{t("council.editLead")}</p>
            </Show>
            <ErrorSummary errors={plan.errors()} />
            <form class="form" novalidate onSubmit={(event) => void planMeeting(event)}>
              <FormField id="meeting-date" type="date" label={t("council.meetingDate")} value={date()} error={plan.at("meeting-date")} onInput={setDate} />
              <FormField id="meeting-start" type="time" label={t("council.meetingStart")} value={start()} error={plan.at("meeting-start")} onInput={setStart} />
              <FormField id="meeting-end" type="time" label={t("council.meetingEnd")} value={endTime()} error={plan.at("meeting-end")} onInput={setEndTime} />
              <FormField id="meeting-place" label={t("council.meetingPlace")} hint={t("council.meetingPlaceHint")} value={place()} error={plan.at("meeting-place")} onInput={setPlace} />
              <TextAreaField
                id="meeting-access"
                label={t("council.meetingAccess")}
                hint={t("council.meetingAccessHint")}
                value={access()}
                error={plan.at("meeting-access")}
                onInput={setAccess}
                rows={3}
              />
              <Show when={agendaProposals().length > 0}>
                <CheckboxGroup
                  name="agenda-proposal"
                  legend={t("council.agendaProposals")}
                  options={agendaProposals().map((p) => ({ value: p.id, label: p.title }))}
                  values={picked()}
                  onChange={setPicked}
                />
              </Show>
              <TextAreaField
                id="meeting-agenda"
                label={t("council.agendaOther")}
                hint={t("council.agendaOtherHint")}
                value={other()}
                error={plan.at("meeting-agenda")}
                onInput={setOther}
                rows={4}
              />
              <p class="actions">
                <Button type="submit" busy={busy()}>
                  {editing() ? t("council.saveMeeting") : t("council.plan")}
                </Button>
                <Show when={editing()}>
                  <Button variant="secondary" onClick={() => (plan.clear(), resetPlan())}>
                    {t("council.memberCancel")}
                  </Button>
                </Show>
              </p>
            </form>
          </section>
        </Show>
      </Show>
      <p>
        <A href={`/borgerraadet/${params.centre}`} class="big-link">
          {t("council.backToCouncil")}
        </A>
      </p>
    </Show>
  );
}
