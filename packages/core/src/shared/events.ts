import * as v from "valibot";
import { NoticeRequest } from "./notice.ts";

/**
 * Events between modules. On AWS they go through one EventBridge bus per stage, with one rule
 * per handling module; locally through an in-process bus with the same promise: at least once
 * (a handler may see an event twice and must be idempotent), retried on failure, then kept as a
 * dead letter for staff to see. An event carries ids, never a person's name or email; the
 * export part is the exception, because it is the person's data travelling to the person.
 *
 * A module may also publish an event to itself, to continue a long piece of work in parts that
 * each fit inside the function's time limit (`<module>.job-part`: shared/resumable-jobs.ts, docs/jobs.md).
 */

const PersonId = v.pipe(v.string(), v.uuid());
const RequestId = v.pipe(v.string(), v.uuid());

/** One part of a module's own long job: which job, and which part (a copy of an older part does nothing). */
const JobPartDetail = v.object({
  job_id: v.pipe(v.string(), v.regex(/^[a-z-]+:[A-Za-z0-9:_-]{1,200}$/)),
  part: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type JobPart = v.InferOutput<typeof JobPartDetail>;

export const eventDetails = {
  /** Identity asks every module for its part of a person's data (GET /api/me/export). */
  "personal-data.export-requested": v.object({ request_id: RequestId, person_id: PersonId }),
  /** A module's part, for identity to put into the file. */
  "personal-data.export-part": v.object({ request_id: RequestId, person_id: PersonId, module: v.string(), part: v.unknown() }),
  /** Identity asks every module to erase a person (DELETE /api/me); re-sent until each has confirmed. */
  "personal-data.erase-requested": v.object({ person_id: PersonId }),
  /** A module has erased the person: identity crosses it off and erases itself last. */
  "personal-data.erased": v.object({ person_id: PersonId, module: v.string() }),
  /** An administrator wants to close a centre: every module that keeps things at centres says what is still open there. */
  "centre.close-requested": v.object({ request_id: RequestId, centre_id: v.string() }),
  /** A module's answer: what it still has open at the centre (ids and titles, never a person). */
  "centre.open-items": v.object({
    request_id: RequestId,
    centre_id: v.string(),
    module: v.string(),
    items: v.array(v.object({ kind: v.picklist(["offer", "vote", "consultation", "mentor_pair"]), id: v.string(), title: v.optional(v.string()) })),
  }),
  /** The panel's invitations and reminders, part by part (panel/sending.ts); only the panel publishes and handles it. */
  "panel.job-part": JobPartDetail,
  /** The council's mails to its members (votes, the weekly digest), part by part (council/mailing.ts). */
  "council.job-part": JobPartDetail,
  /** A module wants someone told something (a vote opened, a suggestion answered, a mentor match): identity delivers it (identity/notices.ts). */
  "notice.requested": NoticeRequest,
} as const;

export type EventName = keyof typeof eventDetails;
export type EventDetail<N extends EventName> = v.InferOutput<(typeof eventDetails)[N]>;

export const EVENT_NAMES = Object.keys(eventDetails) as EventName[];

/** The EventBridge `source` of events from a module. */
export const eventSource = (module: string) => `naerhed.${module}`;

/** An event as EventBridge delivers it to a Lambda function (the fields the app reads). */
export type BusEvent = {
  version: "0";
  id: string;
  "detail-type": string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
};

export const isBusEvent = (event: unknown): event is BusEvent =>
  typeof event === "object" && event !== null && typeof (event as BusEvent)["detail-type"] === "string" && typeof (event as BusEvent).source === "string";

/** How a module publishes: EventBridge PutEvents on AWS, the in-process bus locally. */
export type Publisher = <N extends EventName>(name: N, detail: EventDetail<N>) => Promise<void>;
