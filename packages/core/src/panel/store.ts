import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { randomUUID } from "node:crypto";
import { call, conditionFailed, queryAll, transactWrite } from "../shared/dynamo.ts";
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
 * 8. Staff save a draft / publish / publish results → PutItem / UpdateItem with a condition on status
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
 * What the stored data reveals (anonymity)
 * - The answer item holds no person id, no email and no timestamp, and its key is random
 *   (UUIDv4, not the time-ordered v7), so neither its key nor its place in the partition says
 *   who wrote it or when. Answers live in their own partition, apart from the invitations.
 * - The invitation item says that a person was invited and whether they have answered, but not
 *   when (no answer time is stored) and not what. It is personal data: exported and erased with
 *   the person.
 * - Through the API nobody can join the two: staff see counts, masked free text and grouped
 *   numbers with small groups hidden (results.ts); exports follow the same rules.
 * - What someone with direct access to the table could still learn: (a) the answer's profile
 *   values — if a member's combination of age band, area and relation is unique on the panel,
 *   a reader who knows that member's profile can find their answer; (b) timing — someone
 *   watching the table live, or comparing two backups (point-in-time recovery), sees a marker
 *   and an answer appear together and can link them. We reduce (b) by storing no times on
 *   either item, random answer keys and no DynamoDB stream on the table; (a) by keeping the
 *   profile coarse and optional. Direct table access is for operators only (IAM), never staff.
 *
 * Small groups, and subtraction (what the rule of 5 in results.ts protects, and what it cannot)
 * - Nobody can be singled out directly: a target must reach at least 5 members to be published;
 *   every count under 5 (target, invitations, respondents, answers to a question, a group) shows
 *   as "<5"; a question's counts and free text appear only once 5 have answered it; a group with
 *   fewer than 5 is hidden, and so are the next smallest until the hidden groups hold 5
 *   together; exports start at 5 respondents. The member's own name is masked before storing.
 * - Subtraction within one result is closed: hidden groups always hold 5 or more together, per
 *   breakdown and per question, so "total minus the visible groups" never gives fewer than 5.
 * - What remains, and what stops it:
 *   1. Two overlapping published groups. Staff publish the same questions twice, to a segment
 *      and to the same segment plus one person (or the whole panel before and after one person
 *      joins). If the same people answer both, the difference of the two results is that one
 *      person's answers. Both targets are 5 or more, so the rule cannot refuse either (refusing
 *      every target that differs by 1–4 members from an earlier one would block ordinary
 *      consultations to the whole panel, which changes by a few members all the time). What
 *      stops it: answering is voluntary and nobody can see who answered, so the two respondent
 *      groups rarely differ by exactly the one person; every publish is in the audit log with
 *      its target (`panel.consultation.publish`), where an admin sees two near-identical ones.
 *   2. Live results. Staff see results while a consultation runs; one who knows the moment one
 *      person answered (say, they helped them) could compare the results just before and after.
 *      Below 5 answers nothing moves (everything shows "<5"); from 5 on, the counts per question
 *      change by one (two exports differ by one row). That is the price of live results; the
      audit log records each export, not each read of the results.
 *   3. Two breakdowns of one result. Each breakdown is safe on its own, but someone who knows
 *      that everyone of one group (say, age 18–29) is also in another (say, relatives) can
 *      subtract them. Only one dimension is shown at a time, never a cross-tabulation, which
 *      makes this need outside knowledge of the panel's make-up.
 *   4. Outside knowledge in general: if staff know how 4 of 5 respondents answered, the counts
 *      give the fifth. No count rule can stop that; keeping targets broad makes it unlikely.
 */

const memberKey = (personId: string) => ({ pk: `MEMBER#${personId}`, sk: "MEMBER" });
const consultationKey = (id: string) => ({ pk: `CONSULTATION#${id}`, sk: "CONSULTATION" });
const invitationKey = (id: string, personId: string) => ({ pk: `CONSULTATION#${id}`, sk: `INVITED#${personId}` });

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, ...rest } = item;
  return rest as T;
}

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
      return Item ? strip<Member>(Item) : undefined;
    },

    async putMember(member: Member): Promise<void> {
      await call(() => db.send(new PutCommand({ TableName, Item: { ...memberKey(member.person_id), gsi1pk: "MEMBERS", gsi1sk: member.person_id, ...member } })));
    },

    async deleteMember(personId: string): Promise<void> {
      await call(() => db.send(new DeleteCommand({ TableName, Key: memberKey(personId) })));
    },

    async listMembers(): Promise<Member[]> {
      return (await byGsi1("MEMBERS")).map((item) => strip<Member>(item));
    },

    async getConsultation(id: string): Promise<Consultation | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: consultationKey(id) })));
      return Item ? strip<Consultation>(Item) : undefined;
    },

    async listConsultations(): Promise<Consultation[]> {
      return (await byGsi1("CONSULTATIONS")).map((item) => strip<Consultation>(item));
    },

    /** A new draft (never overwrites) or a changed draft (only while it is still a draft). Returns false when the condition failed. */
    async saveDraft(consultation: Consultation, isNew: boolean): Promise<boolean> {
      try {
        await call(() =>
          db.send(
            new PutCommand({
              TableName,
              Item: { ...consultationKey(consultation.id), gsi1pk: "CONSULTATIONS", gsi1sk: consultation.id, ...consultation },
              ConditionExpression: isNew ? "attribute_not_exists(pk)" : "#status = :draft",
              ...(isNew ? {} : { ExpressionAttributeNames: { "#status": "status" }, ExpressionAttributeValues: { ":draft": "draft" } }),
            }),
          ),
        );
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
      return items.map((item) => strip<Invitation>(item));
    },

    async invitationsFor(personId: string): Promise<Invitation[]> {
      return (await byGsi1(`INVITED#${personId}`)).map((item) => strip<Invitation>(item));
    },

    async deleteInvitation(consultationId: string, personId: string): Promise<void> {
      await call(() => db.send(new DeleteCommand({ TableName, Key: invitationKey(consultationId, personId) })));
    },

    /** Draft → published, once; returns false if it was no longer a draft (someone else published it). */
    async markPublished(id: string, at: string, invitedCount: number): Promise<boolean> {
      return conditionalUpdate(id, "SET #status = :published, published_at = :at, invited_count = :n", "#status = :draft", {
        ":published": "published",
        ":draft": "draft",
        ":at": at,
        ":n": invitedCount,
      });
    },

    async markResultsPublished(id: string, at: string, summary: string): Promise<boolean> {
      return conditionalUpdate(id, "SET #status = :done, results_published_at = :at, summary = :summary", "#status = :published AND closes_at <= :at", {
        ":done": "results_published",
        ":published": "published",
        ":at": at,
        ":summary": summary,
      });
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
      return items.map((item) => strip<AnswerRow>(item));
    },
  };

  async function conditionalUpdate(id: string, update: string, condition: string, values: Record<string, unknown>): Promise<boolean> {
    try {
      await call(() =>
        db.send(
          new UpdateCommand({
            TableName,
            Key: consultationKey(id),
            UpdateExpression: update,
            ConditionExpression: `attribute_exists(pk) AND ${condition}`,
            ExpressionAttributeNames: { "#status": "status" },
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
}

export type PanelStore = ReturnType<typeof createPanelStore>;
