import { DeleteCommand, GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AuditLine } from "../shared/audit.ts";
import { call, conditionFailed, queryAll, withoutKeys, writeAudited } from "../shared/dynamo.ts";
import type { Mentor, MentorStatus } from "./mentor.ts";
import type { LogEntry, Pair, PairState } from "./pair.ts";

/**
 * All DynamoDB access of the mentor module (table spec: `mentorTable` in shared/tables.ts).
 *
 * Access patterns
 * 1. A person's own mentor application / profile        → GetItem pk=MENTOR#<person id>, sk=MENTOR
 * 2. Apply, or edit an application not yet screened     → PutItem, condition: new, or still applied/rejected
 * 3. Staff: a centre's mentors in one status (the
 *    screening queue, the approved pool for matching)   → Query gsi1 gsi1pk=MENTORS#<centre>#<status>
 * 4. Staff: save a screening (or the job: move an
 *    expired mentor to recheck) unless it changed        → PutItem, condition status = <status they saw>
 * 5. Ask for a mentor                                   → TransactWriteItems: Put pair + Put the asker's pointer
 * 6. One pair (request) by id                           → GetItem pk=PAIR#<id>, sk=PAIR
 * 7. Staff: a centre's pairs in one state               → Query gsi1 gsi1pk=PAIRS#<centre>#<state>
 * 8. A mentor's pairs                                   → Query gsi2 gsi2pk=MENTOR_PAIRS#<mentor id>
 * 9. The pairs a person asked for                       → Query pk=PERSON#<person id>, sk begins_with REQUEST#
 * 10. Propose a mentor: the last free place goes to
 *    ONE proposal                                       → TransactWriteItems: Update mentor ADD active_pairs 1,
 *                                                        condition approved AND active_pairs < capacity
 *                                                        + Update pair, condition state requested/declined
 * 11. A change of a pair that must find it in a state
 *    (answer, first meeting, goal, check-in, feedback)  → UpdateItem, condition state = … (and more)
 * 12. A change of a pair that frees the mentor's place
 *    (decline, end)                                      → TransactWriteItems: Update pair + Update mentor ADD active_pairs -1
 * 13. Log a meeting, only on an active pair             → TransactWriteItems: Put LOG item + Update pair last_log_at,
 *                                                        condition state = active
 * 14. A pair's log, newest first                        → Query pk=PAIR#<id>, sk begins_with LOG#, descending
 * 15. Erase a pair (GDPR)                               → Query pk=PAIR#<id>, DeleteItem each, DeleteItem the pointer
 * A change by staff (or the certificate job) takes its audit line into the same transaction (shared/dynamo.ts `writeAudited`).
 *
 * Keys
 * - Mentor: pk `MENTOR#<person id>` (one application per person), sk `MENTOR`; gsi1pk
 *   `MENTORS#<centre>#<status>`, gsi1sk `<applied_at>#<id>`: the status is in the partition, so
 *   each queue is one Query and a change of status moves the item in the same write.
 * - Pair: pk `PAIR#<id>`, sk `PAIR`; gsi1pk `PAIRS#<centre>#<state>`, gsi1sk `<created_at>#<id>`;
 *   gsi2pk `MENTOR_PAIRS#<mentor id>`, gsi2sk `<pair id>` (UUIDv7: oldest first) once a mentor is
 *   proposed; removed when they decline (sparse: requests without a mentor are not in gsi2).
 *   `active_pairs` on the mentor counts their proposed and active pairs.
 * - Log entry: pk `PAIR#<id>`, sk `LOG#<date>#<entry id>`: read with its pair, erased with it.
 * - Pointer: pk `PERSON#<asker id>`, sk `REQUEST#<pair id>`: what a person asked for, for "my mentor"
 *   and for their GDPR export and erasure.
 * A centre has hundreds of mentors and pairs a year: each queue fits one partition easily.
 */

const mentorKey = (id: string) => ({ pk: `MENTOR#${id}`, sk: "MENTOR" });
const pairKey = (id: string) => ({ pk: `PAIR#${id}`, sk: "PAIR" });
const pointerKey = (personId: string, pairId: string) => ({ pk: `PERSON#${personId}`, sk: `REQUEST#${pairId}` });
const mentorQueue = (centre: string, status: MentorStatus) => `MENTORS#${centre}#${status}`;
const pairQueue = (centre: string, state: PairState) => `PAIRS#${centre}#${state}`;
const mentorPairs = (mentorId: string) => `MENTOR_PAIRS#${mentorId}`;

const mentorItem = (mentor: Mentor) => ({
  ...mentorKey(mentor.id),
  ...mentor,
  gsi1pk: mentorQueue(mentor.centre_id, mentor.status),
  gsi1sk: `${mentor.applied_at}#${mentor.id}`,
});

const pairItem = (pair: Pair) => ({
  ...pairKey(pair.id),
  ...pair,
  gsi1pk: pairQueue(pair.centre_id, pair.state),
  gsi1sk: `${pair.created_at}#${pair.id}`,
});

/** A change of one pair: fields to set and to remove, and what must hold before. */
export type PairChange = {
  set?: Partial<Pair>;
  remove?: (keyof Pair)[];
  /** The states the pair must be in. */
  from: readonly PairState[];
  /** Extra condition, in terms of `#name` and `:value` placeholders given below. */
  condition?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
  /** Raw SET clauses (e.g. a list index), with their placeholders in names/values. */
  rawSets?: string[];
};

export function createMentorStore(db: DynamoDBDocumentClient, tableName: string) {
  const TableName = tableName;

  function pairUpdate(id: string, centre: string, change: PairChange) {
    const names: Record<string, string> = { "#state": "state", ...change.names };
    const values: Record<string, unknown> = { ...change.values };
    const sets = [...(change.rawSets ?? [])];
    for (const [name, value] of Object.entries(change.set ?? {})) {
      names[`#${name}`] = name;
      values[`:${name}`] = value;
      sets.push(`#${name} = :${name}`);
    }
    if (change.set?.state) {
      values[":queue"] = pairQueue(centre, change.set.state);
      sets.push("gsi1pk = :queue");
    }
    if (change.set?.mentor_id) {
      values[":mentorPairs"] = mentorPairs(change.set.mentor_id);
      values[":pairId"] = id;
      sets.push("gsi2pk = :mentorPairs", "gsi2sk = :pairId");
    }
    const removes = (change.remove ?? []).map((name) => {
      names[`#${name}`] = name;
      return `#${name}`;
    });
    if (change.remove?.includes("mentor_id")) removes.push("gsi2pk", "gsi2sk");
    const states = change.from.map((state, index) => {
      values[`:from${index}`] = state;
      return `:from${index}`;
    });
    return {
      TableName,
      Key: pairKey(id),
      UpdateExpression: [sets.length ? `SET ${sets.join(", ")}` : "", removes.length ? `REMOVE ${removes.join(", ")}` : ""].join(" ").trim(),
      ConditionExpression: `#state IN (${states.join(", ")})${change.condition ? ` AND (${change.condition})` : ""}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
  }

  /** Runs a write; false when a condition did not hold (then nothing was written). */
  async function conditional(send: () => Promise<unknown>): Promise<boolean> {
    try {
      await call(send);
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }

  const placeChange = (mentorId: string, delta: 1 | -1) => ({
    TableName,
    Key: mentorKey(mentorId),
    UpdateExpression: "ADD active_pairs :delta",
    ConditionExpression:
      delta === 1 ? "attribute_exists(pk) AND #status = :approved AND active_pairs < #capacity" : "attribute_exists(pk) AND active_pairs > :zero",
    ExpressionAttributeNames: delta === 1 ? { "#status": "status", "#capacity": "capacity" } : undefined,
    ExpressionAttributeValues: delta === 1 ? { ":delta": 1, ":approved": "approved" } : { ":delta": -1, ":zero": 0 },
  });

  return {
    async getMentor(id: string): Promise<Mentor | undefined> {
      const result = await call(() => db.send(new GetCommand({ TableName, Key: mentorKey(id), ConsistentRead: true })));
      return result.Item ? withoutKeys<Mentor>(result.Item) : undefined;
    },

    /**
     * Saves the mentor if their status is still one of `expected` and no pair took or gave back
     * a place meanwhile (null: they must be new).
     */
    saveMentor(mentor: Mentor, expected: MentorStatus | null | readonly MentorStatus[], line?: AuditLine): Promise<boolean> {
      const statuses = expected === null ? [] : typeof expected === "string" ? [expected] : expected;
      const put = {
        TableName,
        Item: mentorItem(mentor),
        ConditionExpression:
          expected === null ? "attribute_not_exists(pk)" : `#status IN (${statuses.map((_, i) => `:s${i}`).join(", ")}) AND active_pairs = :pairs`,
        ExpressionAttributeNames: expected === null ? undefined : { "#status": "status" },
        ExpressionAttributeValues:
          expected === null ? undefined : { ...Object.fromEntries(statuses.map((s, i) => [`:s${i}`, s])), ":pairs": mentor.active_pairs },
      };
      return conditional(() => writeAudited(db, [{ Put: put }], line));
    },

    async listMentors(centre: string, status: MentorStatus): Promise<Mentor[]> {
      const items = await queryAll(db, {
        TableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :queue",
        ExpressionAttributeValues: { ":queue": mentorQueue(centre, status) },
      });
      return items.map((item) => withoutKeys<Mentor>(item));
    },

    async deleteMentor(id: string): Promise<void> {
      await call(() => db.send(new DeleteCommand({ TableName, Key: mentorKey(id) })));
    },

    async createPair(pair: Pair, line?: AuditLine): Promise<void> {
      await writeAudited(
        db,
        [
          { Put: { TableName, Item: pairItem(pair), ConditionExpression: "attribute_not_exists(pk)" } },
          ...(pair.requester_id ? [{ Put: { TableName, Item: { ...pointerKey(pair.requester_id, pair.id), pair_id: pair.id } } }] : []),
        ],
        line,
      );
    },

    async getPair(id: string): Promise<Pair | undefined> {
      const result = await call(() => db.send(new GetCommand({ TableName, Key: pairKey(id), ConsistentRead: true })));
      return result.Item ? withoutKeys<Pair>(result.Item) : undefined;
    },

    async listPairs(centre: string, state: PairState): Promise<Pair[]> {
      const items = await queryAll(db, {
        TableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :queue",
        ExpressionAttributeValues: { ":queue": pairQueue(centre, state) },
      });
      return items.map((item) => withoutKeys<Pair>(item));
    },

    async listMentorPairs(mentorId: string): Promise<Pair[]> {
      const items = await queryAll(db, {
        TableName,
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :mentor",
        ExpressionAttributeValues: { ":mentor": mentorPairs(mentorId) },
      });
      return items.map((item) => withoutKeys<Pair>(item));
    },

    /** The ids of the pairs this person asked for. */
    async listAskedPairIds(personId: string): Promise<string[]> {
      const items = await queryAll(db, {
        TableName,
        KeyConditionExpression: "pk = :person AND begins_with(sk, :request)",
        ExpressionAttributeValues: { ":person": `PERSON#${personId}`, ":request": "REQUEST#" },
      });
      return items.map((item) => String(item.pair_id));
    },

    /** One conditional change of a pair; false if the pair was not as expected. */
    updatePair(pair: Pick<Pair, "id" | "centre_id">, change: PairChange, line?: AuditLine): Promise<boolean> {
      return conditional(() => writeAudited(db, [{ Update: pairUpdate(pair.id, pair.centre_id, change) }], line));
    },

    /** Proposes a mentor: takes one of their free places and moves the pair, both or neither. */
    propose(pair: Pick<Pair, "id" | "centre_id">, mentorId: string, change: PairChange, line: AuditLine): Promise<boolean> {
      return conditional(() => writeAudited(db, [{ Update: placeChange(mentorId, 1) }, { Update: pairUpdate(pair.id, pair.centre_id, change) }], line));
    },

    /** A change that ends the mentor's part (decline, end): gives their place back in the same transaction. */
    releasePlace(pair: Pick<Pair, "id" | "centre_id" | "mentor_id">, change: PairChange, line?: AuditLine): Promise<boolean> {
      const update = { Update: pairUpdate(pair.id, pair.centre_id, change) };
      return conditional(() => writeAudited(db, pair.mentor_id ? [update, { Update: placeChange(pair.mentor_id, -1) }] : [update], line));
    },

    /** Logs a meeting if the pair is still active and this is its mentor. */
    addLog(pair: Pick<Pair, "id" | "centre_id">, mentorId: string, entry: LogEntry): Promise<boolean> {
      const update = pairUpdate(pair.id, pair.centre_id, {
        set: { last_log_at: entry.logged_at },
        from: ["active"],
        condition: "#mentor_id = :me",
        names: { "#mentor_id": "mentor_id" },
        values: { ":me": mentorId },
      });
      return conditional(() =>
        db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName, Item: { pk: `PAIR#${pair.id}`, sk: `LOG#${entry.on}#${entry.id}`, ...entry }, ConditionExpression: "attribute_not_exists(pk)" } },
              { Update: update },
            ],
          }),
        ),
      );
    },

    async listLog(pairId: string): Promise<LogEntry[]> {
      const items = await queryAll(db, {
        TableName,
        KeyConditionExpression: "pk = :pair AND begins_with(sk, :log)",
        ExpressionAttributeValues: { ":pair": `PAIR#${pairId}`, ":log": "LOG#" },
        ScanIndexForward: false,
      });
      return items.map((item) => withoutKeys<LogEntry>(item));
    },

    /** Deletes the pair, its log and the asker's pointer. */
    async erasePair(pair: Pick<Pair, "id" | "requester_id">): Promise<void> {
      const items = await queryAll(db, {
        TableName,
        KeyConditionExpression: "pk = :pair",
        ExpressionAttributeValues: { ":pair": `PAIR#${pair.id}` },
      });
      for (const item of items) await call(() => db.send(new DeleteCommand({ TableName, Key: { pk: item.pk, sk: item.sk } })));
      if (pair.requester_id) await call(() => db.send(new DeleteCommand({ TableName, Key: pointerKey(pair.requester_id!, pair.id) })));
    },
  };
}

export type MentorStore = ReturnType<typeof createMentorStore>;
