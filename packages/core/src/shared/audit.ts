import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import * as v from "valibot";
import { v7 as uuidv7 } from "uuid";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { call } from "./dynamo.ts";

/**
 * The audit log: every write by staff or admins anywhere in the platform, each written in
 * one transaction with the change it records (`line`), and the exports of personal answers
 * (`record`). Admins read it, filtered by person or by item (table spec: `auditTable`).
 *
 * Access patterns
 * 1. Record one change                        → Put pk=AUDIT#<yyyy-mm>, sk=<iso time>#<id> inside the
 *                                               TransactWriteItems of the change (`line`), or a
 *                                               PutItem of its own for an action that changes nothing (`record`)
 * 2. Newest changes in a month                → Query pk=AUDIT#<yyyy-mm>, descending
 * 3. Changes made by one person, newest first → Query by_actor actor_id=<person id>
 * 4. Changes to one item, newest first        → Query by_item item=<module>:<kind>:<id>
 * Entries are only ever created (a conditional put; modules may not update, delete or read them);
 * the actor's name stays when they are erased, because the log is the municipality's record of
 * who did what; summaries name the people a change was about by id only.
 */

export const AuditEntry = v.object({
  id: v.string(),
  at: v.string(),
  actor_id: v.string(),
  actor_name: v.string(),
  action: v.string(),
  item: v.string(),
  summary: v.string(),
});
export type AuditEntry = v.InferOutput<typeof AuditEntry>;

export type AuditRecord = { actor: { person_id: string; display_name: string }; action: string; item: string; summary: string };

/** One audit line as a Put for TransactWriteItems: it goes into the transaction of the change it records. */
export type AuditLine = { Put: { TableName: string; Item: Record<string, unknown>; ConditionExpression: string } };

/** Audit lines are only ever created: a put that would replace an old line fails (shared/manifest.ts auditAppendGrant). */
const CREATE_ONLY = "attribute_not_exists(pk)";

export const AuditQuery = v.object({
  person: v.optional(v.pipe(v.string(), v.uuid("person_id_invalid"))),
  item: v.optional(v.pipe(v.string(), v.minLength(3, "item_invalid"), v.maxLength(200, "item_invalid"))),
  month: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month_invalid"))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2048, "cursor_invalid"))),
});
export type AuditQuery = v.InferOutput<typeof AuditQuery>;

export function createAuditLog(db: DynamoDBDocumentClient, tableName: string, now: () => Date = () => new Date()) {
  const toItem = (entry: AuditRecord) => {
    const at = now().toISOString();
    const id = uuidv7();
    return {
      pk: `AUDIT#${at.slice(0, 7)}`,
      sk: `${at}#${id}`,
      id,
      at,
      actor_id: entry.actor.person_id,
      actor_name: entry.actor.display_name,
      action: entry.action,
      item: entry.item,
      summary: entry.summary.slice(0, 1000),
    };
  };
  return {
    /**
     * Records an action that changes nothing (an export), in a write of its own: before the
     * data goes out, so an audit log that cannot be written refuses the export. A change uses `line`.
     */
    async record(entry: AuditRecord): Promise<void> {
      await call(() => db.send(new PutCommand({ TableName: tableName, Item: toItem(entry), ConditionExpression: CREATE_ONLY })));
    },

    /**
     * The line for a change, for the store to write in the same transaction as the change
     * itself: both are stored, or neither (an outage between two writes cannot leave a change
     * nobody recorded).
     */
    line(entry: AuditRecord): AuditLine {
      return { Put: { TableName: tableName, Item: toItem(entry), ConditionExpression: CREATE_ONLY } };
    },

    async list(query: AuditQuery, limit = 50): Promise<{ items: AuditEntry[]; next_cursor: string | null }> {
      const [IndexName, keyName, value] = query.person
        ? ["by_actor", "actor_id", query.person]
        : query.item
          ? ["by_item", "item", query.item]
          : [undefined, "pk", `AUDIT#${query.month ?? now().toISOString().slice(0, 7)}`];
      const pageKey = keyName === "pk" ? ["pk", "sk"] : ["pk", "sk", keyName];
      // A cursor from another month, person or item is refused here; DynamoDB would fail the query (a 500).
      const startKey = query.cursor ? decodeCursor(query.cursor, pageKey, { [keyName]: value }) : undefined;
      const result = await call(() =>
        db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName,
            KeyConditionExpression: "#key = :value",
            ExpressionAttributeNames: { "#key": keyName },
            ExpressionAttributeValues: { ":value": value },
            ScanIndexForward: false,
            Limit: limit,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      return {
        items: (result.Items ?? []).map((item) => v.parse(AuditEntry, item)),
        next_cursor: encodeCursor(result.LastEvaluatedKey as Record<string, string> | undefined),
      };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
