import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { randomUUID } from "node:crypto";
import type { AuditLine } from "../shared/audit.ts";
import { call, conditionFailed, queryAll, transactWrite, withoutKeys, writeAudited } from "../shared/dynamo.ts";
import type { Consultation, Member } from "./consultation.ts";
import type { AnswerRow } from "./results.ts";

/**
 * All DynamoDB access of the panel module (table spec: `panelTable` in shared/tables.ts).
 *
 * Access patterns
 * 1. A member's own membership (consent, profile)   → GetItem pk=MEMBER#<person>, sk=MEMBER
 * 2. Every member (targeting, representativeness)   → Query gsi1 gsi1pk=MEMBERS
 * 3. Leave / erase                                  → DeleteItem the member item, and the invitations of pattern 5
 * 4. Every consultation (staff lists, member page,
 *    reminder job, public results)                  → Query gsi1 gsi1pk=CONSULTATIONS
 * 5. A member's invitations ("my consultations")    → Query gsi1 gsi1pk=INVITED#<person>
 * 6. Who was invited to one consultation (reminder) → Query pk=CONSULTATION#<id>, sk begins_with INVITED#
 * 7. One consultation                               → GetItem pk=CONSULTATION#<id>, sk=CONSULTATION
 * 8. Staff save a draft / publish / publish results → PutItem / UpdateItem with a condition on status, in one
 *                                                   TransactWriteItems with its audit line (shared/dynamo.ts `writeAudited`)
 * 9. Submit answers, once                           → TransactWriteItems (see `submit`)
 * 10. Every answer to one consultation (results)    → Query pk=ANSWERS#<id>
 * 11. Send the reminder once                        → UpdateItem SET reminded_at, condition attribute_not_exists
 *
 * Keys
 * - Member: pk `MEMBER#<person>`, sk `MEMBER`; gsi1pk `MEMBERS`, gsi1sk `<person>`.
 * - Consultation: pk `CONSULTATION#<id>`, sk `CONSULTATION`; gsi1pk `CONSULTATIONS`, gsi1sk `<id>`
 *   (UUIDv7, so by creation time). One partition holds every consultation: a municipality runs
 *   tens a year, not thousands.
 * - Invitation: pk `CONSULTATION#<id>`, sk `INVITED#<person>`; gsi1pk `INVITED#<person>`, gsi1sk `<id>`.
 *   It carries `answered: true` once the member has answered — the "has answered" marker.
 * - Answer: pk `ANSWERS#<id>`, sk a random UUIDv4; the answers and the respondent's coarse
 *   profile (age band, area, relation). No person id, no time.
 *
 * What the stored data reveals about who answered what, and what the rule of 5 (results.ts)
 * protects and cannot: docs/panel-anonymity.md.
 */

const memberKey = (personId: string) => ({ pk: `MEMBER#${personId}`, sk: "MEMBER" });
const consultationKey = (id: string) => ({ pk: `CONSULTATION#${id}`, sk: "CONSULTATION" });
const invitationKey = (id: string, personId: string) => ({ pk: `CONSULTATION#${id}`, sk: `INVITED#${personId}` });

export type Invitation = { consultation_id: string; person_id: string; invited_at: string; answered: boolean };

/** Why a submission was refused by the table itself (the rules were checked before, this is the race guard). */
export type SubmitRefusal = "already_answered" | "not_invited" | "closed";

export function createPanelStore(db: DynamoDBDocumentClient, tableName: string) {
  const TableName = tableName;
  const byGsi1 = async (gsi1pk: string) =>
    (await queryAll(db, { TableName, IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :pk", ExpressionAttributeValues: { ":pk": gsi1pk } }));

  return {
    async getMember(personId: string): Promise<Member | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: memberKey(personId) })));
      return Item ? withoutKeys<Member>(Item) : undefined;
    },

    async putMember(member: Member): Promise<void> {
      await call(() => db.send(new PutCommand({ TableName, Item: { ...memberKey(member.person_id), gsi1pk: "MEMBERS", gsi1sk: member.person_id, ...member } })));
    },

    async deleteMember(personId: string): Promise<void> {
      await call(() => db.send(new DeleteCommand({ TableName, Key: memberKey(personId) })));
    },

    async listMembers(): Promise<Member[]> {
      return (await byGsi1("MEMBERS")).map((item) => withoutKeys<Member>(item));
    },

    async getConsultation(id: string): Promise<Consultation | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: consultationKey(id) })));
      return Item ? withoutKeys<Consultation>(Item) : undefined;
    },

    async listConsultations(): Promise<Consultation[]> {
      return (await byGsi1("CONSULTATIONS")).map((item) => withoutKeys<Consultation>(item));
    },

    /** A new draft (never overwrites) or a changed draft (only while it is still a draft). Returns false when the condition failed. */
    async saveDraft(consultation: Consultation, isNew: boolean, line?: AuditLine): Promise<boolean> {
      try {
        const put = {
          TableName,
          Item: { ...consultationKey(consultation.id), gsi1pk: "CONSULTATIONS", gsi1sk: consultation.id, ...consultation },
          ConditionExpression: isNew ? "attribute_not_exists(pk)" : "#status = :draft",
          ...(isNew ? {} : { ExpressionAttributeNames: { "#status": "status" }, ExpressionAttributeValues: { ":draft": "draft" } }),
        };
        await writeAudited(db, [{ Put: put }], line);
        return true;
      } catch (error) {
        if (conditionFailed(error)) return false;
        throw error;
      }
    },

    /** Invites a member unless already invited (an existing invitation keeps its answered marker). */
    async invite(consultationId: string, personId: string, at: string): Promise<boolean> {
      try {
        await call(() =>
          db.send(
            new PutCommand({
              TableName,
              Item: { ...invitationKey(consultationId, personId), gsi1pk: `INVITED#${personId}`, gsi1sk: consultationId, consultation_id: consultationId, person_id: personId, invited_at: at, answered: false },
              ConditionExpression: "attribute_not_exists(pk)",
            }),
          ),
        );
        return true;
      } catch (error) {
        if (conditionFailed(error)) return false;
        throw error;
      }
    },

    async invitationsOf(consultationId: string): Promise<Invitation[]> {
      const items = await queryAll(db, {
        TableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :invited)",
        ExpressionAttributeValues: { ":pk": `CONSULTATION#${consultationId}`, ":invited": "INVITED#" },
      });
      return items.map((item) => withoutKeys<Invitation>(item));
    },

    async invitationsFor(personId: string): Promise<Invitation[]> {
      return (await byGsi1(`INVITED#${personId}`)).map((item) => withoutKeys<Invitation>(item));
    },

    async deleteInvitation(consultationId: string, personId: string): Promise<void> {
      await call(() => db.send(new DeleteCommand({ TableName, Key: invitationKey(consultationId, personId) })));
    },

    /** Draft → published, once; returns false if it was no longer a draft (someone else published it). */
    async markPublished(id: string, at: string, invitedCount: number, line?: AuditLine): Promise<boolean> {
      const values = { ":published": "published", ":draft": "draft", ":at": at, ":n": invitedCount };
      return conditionalUpdate(id, "SET #status = :published, published_at = :at, invited_count = :n", "#status = :draft", values, line);
    },

    async markResultsPublished(id: string, at: string, summary: string, line?: AuditLine): Promise<boolean> {
      const values = { ":done": "results_published", ":published": "published", ":at": at, ":summary": summary };
      return conditionalUpdate(id, "SET #status = :done, results_published_at = :at, summary = :summary", "#status = :published AND closes_at <= :at", values, line);
    },

    /** True for the one caller that gets to send the reminder. */
    async claimReminder(id: string, at: string): Promise<boolean> {
      return conditionalUpdate(id, "SET reminded_at = :at", "#status = :published AND attribute_not_exists(reminded_at)", { ":published": "published", ":at": at });
    },

    /**
     * One submission per member per consultation, in one transaction:
     * 1. the invitation gets `answered = true` — only if it exists and has no marker yet;
     * 2. the consultation's answer count goes up — only while it is published and open;
     * 3. the answer goes in under a random key, without the person.
     * A double-click sends two; the second finds the marker and stores nothing. A transaction that
     * only collided with another member's answer (same count item) is sent again (transactWrite).
     */
    async submit(consultationId: string, personId: string, row: AnswerRow, now: string): Promise<SubmitRefusal | "stored"> {
      try {
        await transactWrite(db, {
          TransactItems: [
            {
              Update: {
                TableName,
                Key: invitationKey(consultationId, personId),
                UpdateExpression: "SET answered = :true",
                ConditionExpression: "attribute_exists(pk) AND answered = :false",
                ExpressionAttributeValues: { ":true": true, ":false": false },
                ReturnValuesOnConditionCheckFailure: "ALL_OLD",
              },
            },
            {
              Update: {
                TableName,
                Key: consultationKey(consultationId),
                UpdateExpression: "ADD answer_count :one",
                ConditionExpression: "#status = :published AND opens_at <= :now AND closes_at > :now",
                ExpressionAttributeNames: { "#status": "status" },
                ExpressionAttributeValues: { ":one": 1, ":published": "published", ":now": now },
              },
            },
            { Put: { TableName, Item: { pk: `ANSWERS#${consultationId}`, sk: randomUUID(), ...row }, ConditionExpression: "attribute_not_exists(pk)" } },
          ],
        });
        return "stored";
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const [invitation, consultation] = error.CancellationReasons ?? [];
        if (invitation?.Code === "ConditionalCheckFailed") return invitation.Item ? "already_answered" : "not_invited";
        if (consultation?.Code === "ConditionalCheckFailed") return "closed";
        throw error;
      }
    },

    async answersTo(consultationId: string): Promise<AnswerRow[]> {
      const items = await queryAll(db, { TableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": `ANSWERS#${consultationId}` } });
      return items.map((item) => withoutKeys<AnswerRow>(item));
    },
  };

  async function conditionalUpdate(id: string, update: string, condition: string, values: Record<string, unknown>, line?: AuditLine): Promise<boolean> {
    try {
      const change = {
        TableName,
        Key: consultationKey(id),
        UpdateExpression: update,
        ConditionExpression: `attribute_exists(pk) AND ${condition}`,
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: values,
      };
      await writeAudited(db, [{ Update: change }], line);
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }
}

export type PanelStore = ReturnType<typeof createPanelStore>;
