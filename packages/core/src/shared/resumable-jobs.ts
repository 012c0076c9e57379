import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { call, conditionFailed, queryAll, withoutKeys, type WriteItem } from "./dynamo.ts";
import type { JobPart } from "./events.ts";

/**
 * Long work that goes through many people (invitations to 10,000 panel members, reminders,
 * digests), done in parts that each fit inside a module function's 10 seconds. Design and the
 * reasons for it: docs/jobs.md.
 *
 * A job is one item in its module's own table. A part is one event the module publishes to
 * itself (`<module>.job-part`, with the job and the part's number). A part:
 * 1. claims the job for itself (a lease), only if the job is at this part and no live part holds it:
 *    a second copy of the event, or an old one, does nothing;
 * 2. goes through the next people after the job's cursor, in a fixed order, at most `PART_SIZE`
 *    and for at most `PART_BUDGET_MS`; after each mail (what must not happen twice) it writes
 *    down how far it got (the cursor), under its lease;
 * 3. moves the job to the next part and publishes it, or marks the job done.
 * A part that fails lets go of its lease and the bus tries it again: it goes on from the last
 * cursor. A part that is stopped (a timeout) keeps its lease until it runs out; the module's
 * `resume-jobs` schedule then sends any job that has stood still again. Only the one person
 * whose mail was on its way when a part died can get it twice (mail has no "only once" key).
 *
 * Access patterns (in the module's table)
 * 1. Start a job                 → PutItem pk=JOB#<id>, sk=JOB, attribute_not_exists (in the transaction of the change that starts it)
 * 2. Claim, cursor, next part    → UpdateItem, each on condition of the part and the lease
 * 3. Progress for staff          → GetItem
 * 4. Jobs still running          → Query gsi1 gsi1pk=JOBS_RUNNING (sparse: removed when done)
 */

/** A part takes no new person after this long: the one under way still has the rest of the 10 s (docs/jobs.md). */
export const PART_BUDGET_MS = 4_000;
/** At most this many people per part (one page of the module's list). */
export const PART_SIZE = 100;
/** How long a part holds its job: longer than a function may run, so two live parts never share one. */
export const LEASE_MS = 30_000;
/** A running job that no part holds and that has not moved for this long is sent on again by `resume`. */
export const STALLED_AFTER_MS = 120_000;
/** A finished job stays this long (it is also the "only once" mark, e.g. of a week's digest); then TTL removes it. */
export const KEEP_DONE_DAYS = 30;

const RUNNING = "JOBS_RUNNING";

export type Job<P = unknown> = {
  id: string;
  kind: string;
  params: P;
  state: "running" | "done";
  part: number;
  /** The key of the last person done, in the kind's order; null before the first. */
  cursor: string | null;
  /** People gone through so far. */
  done: number;
  /** How many the job expects to go through, when known at the start. */
  total: number | null;
  started_at: string;
  updated_at: string;
  finished_at?: string;
  lease?: string;
  lease_until?: string;
};

/** What staff see of a job: "being sent, 3,200 of 10,000". */
export type Progress = { state: Job["state"]; done: number; total: number | null };

/** One page of the people a job goes through, after a cursor, in the kind's fixed order; `end` is where the next page starts (null: no more). */
export type Page<T> = { items: { key: string; value: T }[]; end: string | null };

export type JobKind<P, T> = {
  page: (params: P, cursor: string | null, limit: number) => Promise<Page<T>>;
  /** The work for one person; true when it did what must not be done twice (a mail went out): the part writes down its cursor at once. */
  handle: (params: P, item: T) => Promise<boolean>;
  /** After the last person; must be safe to run twice. */
  finish?: (params: P, done: number) => Promise<void>;
};

// The kinds of one module take different params and people; each kind reads its own.
export type JobKinds = Record<string, JobKind<any, any>>;

export type JobsOptions = {
  db: DynamoDBDocumentClient;
  tableName: string;
  now: () => Date;
  /** Publishes `<module>.job-part` to the module itself. */
  publish: (part: JobPart) => Promise<void>;
  kinds: JobKinds;
};

const jobKey = (id: string) => ({ pk: `JOB#${id}`, sk: "JOB" });
/** `state`, `cursor` are DynamoDB reserved words; the job's attribute names always go through placeholders. */
const NAMES = { "#state": "state", "#part": "part", "#cursor": "cursor", "#done": "done" };
const attributeNames = (expression: string) => {
  const used = Object.entries(NAMES).filter(([name]) => expression.includes(name));
  return used.length > 0 ? { ExpressionAttributeNames: Object.fromEntries(used) } : {};
};

/** A stored job without its keys and its time to live. */
function strip(item: Record<string, unknown>): Job {
  const { expires_at: _expires, ...job } = withoutKeys<Record<string, unknown>>(item);
  return job as Job;
}

export const progressOf = (job: Pick<Job, "state" | "done" | "total">): Progress => ({ state: job.state, done: job.done, total: job.total });

export function createJobs({ db, tableName: TableName, now, publish, kinds }: JobsOptions) {
  const iso = (offsetMs = 0) => new Date(now().getTime() + offsetMs).toISOString();

  /** An update on the job item; false when its condition failed (another part has it, or it moved on). */
  async function update(id: string, expression: string, condition: string, values: Record<string, unknown>): Promise<boolean> {
    try {
      await call(() =>
        db.send(
          new UpdateCommand({
            TableName,
            Key: jobKey(id),
            UpdateExpression: expression,
            ConditionExpression: condition,
            ...attributeNames(`${expression} ${condition}`),
            ExpressionAttributeValues: values,
          }),
        ),
      );
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }

  async function claim(id: string, part: number, lease: string): Promise<Job | undefined> {
    try {
      const { Attributes } = await call(() =>
        db.send(
          new UpdateCommand({
            TableName,
            Key: jobKey(id),
            UpdateExpression: "SET lease = :lease, lease_until = :until, updated_at = :now",
            ConditionExpression: "#state = :running AND #part = :part AND (attribute_not_exists(lease_until) OR lease_until < :now)",
            ExpressionAttributeNames: { "#state": "state", "#part": "part" },
            ExpressionAttributeValues: { ":lease": lease, ":until": iso(LEASE_MS), ":now": iso(), ":running": "running", ":part": part },
            ReturnValues: "ALL_NEW",
          }),
        ),
      );
      return Attributes && strip(Attributes);
    } catch (error) {
      if (conditionFailed(error)) return undefined;
      throw error;
    }
  }

  const release = (id: string, lease: string) => update(id, "REMOVE lease, lease_until", "lease = :lease", { ":lease": lease });

  async function kick(id: string, part: number): Promise<void> {
    try {
      await publish({ job_id: id, part });
    } catch (error) {
      // The job is stored; `resume` sends it on once it has stood still for a while.
      console.warn(JSON.stringify({ level: "warn", what: "job_part_not_sent", job: id, part, error: String(error) }));
    }
  }

  return {
    /**
     * A new job and its first write, for the transaction of the change that starts it (a
     * consultation published, a vote opened): the change and its job are stored together or not at all.
     */
    newJob<P>(kind: string, id: string, params: P, total: number | null): { job: Job<P>; write: WriteItem } {
      if (!kinds[kind]) throw new Error(`No job kind "${kind}"`);
      const at = iso();
      const job: Job<P> = { id, kind, params, state: "running", part: 0, cursor: null, done: 0, total, started_at: at, updated_at: at };
      return { job, write: { Put: { TableName, Item: { ...jobKey(id), gsi1pk: RUNNING, gsi1sk: id, ...job }, ConditionExpression: "attribute_not_exists(pk)" } } };
    },

    /** Sends a stored job's first part. */
    kick: (job: Pick<Job, "id">) => kick(job.id, 0),

    /** Stores and starts a job of its own; false when a job with this id exists (it was started before: "only once"). */
    async start(job: Job, write: WriteItem): Promise<boolean> {
      try {
        await call(() => db.send(new PutCommand(write.Put!)));
      } catch (error) {
        if (conditionFailed(error)) return false;
        throw error;
      }
      await kick(job.id, 0);
      return true;
    },

    async progress(id: string): Promise<Progress | null> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: jobKey(id) })));
      return Item ? progressOf(strip(Item)) : null;
    },

    /** Handles one `<module>.job-part` event. Safe to receive twice, late, or at the same time as another copy. */
    async runPart({ job_id, part }: JobPart): Promise<void> {
      const lease = randomUUID();
      const job = await claim(job_id, part, lease);
      if (!job) return;
      const kind = kinds[job.kind];
      if (!kind) throw new Error(`No job kind "${job.kind}"`);
      const started = performance.now();
      let cursor = job.cursor;
      /** People done since the last cursor written, and those the cursors written by this part counted. */
      let since = 0;
      let counted = 0;
      try {
        const page = await kind.page(job.params, cursor, PART_SIZE);
        let stopped = false;
        for (const item of page.items) {
          const sent = await kind.handle(job.params, item.value);
          cursor = item.key;
          since += 1;
          if (sent) {
            const kept = await update(job_id, "SET #cursor = :cursor, updated_at = :now ADD #done :n", "lease = :lease", {
              ":cursor": cursor,
              ":now": iso(),
              ":n": since,
              ":lease": lease,
            });
            // Another part holds the job now (this one outlived its lease): it goes on from there.
            if (!kept) return;
            counted += since;
            since = 0;
          }
          if (performance.now() - started > PART_BUDGET_MS) {
            stopped = true;
            break;
          }
        }
        if (!stopped) cursor = page.end ?? cursor;
        if (!stopped && page.end === null) {
          await kind.finish?.(job.params, job.done + counted + since);
          await update(
            job_id,
            // The cursor (a person's id) goes: a finished job keeps only counts.
            "SET #state = :done_state, finished_at = :now, updated_at = :now, expires_at = :expires ADD #done :n REMOVE lease, lease_until, gsi1pk, gsi1sk, #cursor",
            "lease = :lease",
            { ":done_state": "done", ":now": iso(), ":expires": Math.floor(now().getTime() / 1000) + KEEP_DONE_DAYS * 86_400, ":n": since, ":lease": lease },
          );
          return;
        }
        const moved = await update(job_id, "SET #part = :next, #cursor = :cursor, updated_at = :now ADD #done :n REMOVE lease, lease_until", "lease = :lease", {
          ":next": part + 1,
          ":cursor": cursor,
          ":now": iso(),
          ":n": since,
          ":lease": lease,
        });
        if (moved) await kick(job_id, part + 1);
      } catch (error) {
        // Let the next try (the bus's retry) claim it at once and go on from the last cursor.
        await release(job_id, lease).catch(() => undefined);
        throw error;
      }
    },

    /**
     * The `resume-jobs` schedule: sends on every running job that no part holds and that has
     * not moved for `STALLED_AFTER_MS` (its part was lost, or died and its lease ran out).
     */
    async resume(): Promise<number> {
      const items = await queryAll(db, { TableName, IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :running", ExpressionAttributeValues: { ":running": RUNNING } });
      let resumed = 0;
      for (const job of items.map(strip)) {
        const at = iso();
        if ((job.lease_until && job.lease_until > at) || job.updated_at > iso(-STALLED_AFTER_MS)) continue;
        // Only one run of the schedule sends it on.
        const mine = await update(
          job.id,
          "SET updated_at = :now",
          "#state = :running AND #part = :part AND updated_at = :seen AND (attribute_not_exists(lease_until) OR lease_until < :now)",
          { ":now": at, ":running": "running", ":part": job.part, ":seen": job.updated_at },
        );
        if (!mine) continue;
        await kick(job.id, job.part);
        resumed += 1;
      }
      return resumed;
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;
