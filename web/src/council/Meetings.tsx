import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { PageSection } from "../components/PageSection.tsx";
import { api, apiUrl, type Answer } from "../lib/api.ts";
import { formatClock, formatMoment } from "../lib/dates.ts";
import { useTexts } from "../lib/texts.ts";
import { councilTexts } from "./texts/index.ts";

export type Meeting = Answer<(typeof api.council.centres)[":centre"]["$get"]>["upcoming_meetings"][number];

/** One meeting: when, where and how to get in (or that it is cancelled, and why), the agenda; afterwards the minutes, plain summary first. */
function MeetingCard(props: { centre: string; meeting: Meeting }) {
  const { t, lang } = useTexts(councilTexts);
  const headingId = () => `moede-${props.meeting.id}`;
  return (
    <li class="card council-meeting">
      <h3 class="card__title" id={headingId()}>
        {t("council.meetingOn", { time: formatMoment(props.meeting.starts_at, lang()) })}
      </h3>
      <Show when={props.meeting.cancelled}>
        {(cancelled) => (
          <>
            <p class="badge">{t("council.cancelled")}</p>
            <p>{cancelled().reason ? t("council.cancelledWhy", { reason: cancelled().reason! }) : t("council.cancelledNoReason")}</p>
          </>
        )}
      </Show>
      <p>{t("council.endsAt", { time: formatClock(props.meeting.ends_at, lang()) })}</p>
      <dl class="facts facts--stacked">
        <div>
          <dt>{t("council.place")}</dt>
          <dd>{props.meeting.place}</dd>
        </div>
        <div>
          <dt>{t("council.access")}</dt>
          <dd>{props.meeting.accessibility}</dd>
        </div>
      </dl>
      <Show when={props.meeting.agenda.length > 0}>
        <h4>{t("council.agenda")}</h4>
        <ol>
          <For each={props.meeting.agenda}>
            {(item) => (
              <li>
                <Show when={item.proposal_id} fallback={item.title}>
                  {(proposalId) => <A href={`/borgerraadet/${props.centre}/forslag/${proposalId()}`}>{item.title}</A>}
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.meeting.minutes}>
        {(minutes) => (
          <>
            <h4>{t("council.minutes")}</h4>
            <p>{minutes().summary}</p>
            <Show when={minutes().decisions.length > 0}>
              <h5>{t("council.decisions")}</h5>
              <ul class="bullets">
                <For each={minutes().decisions}>{(decision) => <li>{decision}</li>}</For>
              </ul>
            </Show>
            <Show when={minutes().details}>{(details) => <p class="offer__text">{details()}</p>}</Show>
            <Show when={minutes().attendance.length > 0}>
              <p>
                <strong>{t("council.attendance")}:</strong> {minutes().attendance.map((a) => a.display_name).join(", ")}
              </p>
            </Show>
          </>
        )}
      </Show>
    </li>
  );
}

export function Meetings(props: { centre: string; upcoming: Meeting[]; past: Meeting[] }) {
  const { t } = useTexts(councilTexts);
  return (
    <>
      <PageSection title={t("council.meetings")} id="meetings">
        <Show when={props.upcoming.length > 0} fallback={<p>{t("council.noMeetings")}</p>}>
          <ul class="plain-list">
            <For each={props.upcoming}>{(meeting) => <MeetingCard centre={props.centre} meeting={meeting} />}</For>
          </ul>
        </Show>
        <p>
          <a href={apiUrl(api.council.centres[":centre"]["meetings.ics"].$path({ param: { centre: props.centre } }))} class="big-link">
            {t("council.calendar")}
          </a>
        </p>
        <p>
          <A href="/borgerraadet/afstemning-paa-moedet" class="big-link">
            {t("council.howToLink")}
          </A>
        </p>
      </PageSection>
      <Show when={props.past.length > 0}>
        <PageSection title={t("council.pastMeetings")} id="past-meetings">
          <ul class="plain-list">
            <For each={props.past}>{(meeting) => <MeetingCard centre={props.centre} meeting={meeting} />}</For>
          </ul>
        </PageSection>
      </Show>
    </>
  );
}
