import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import { ConditionalCheckFailedException, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import type { AuditLine } from "../shared/audit.ts";
import { call, queryAll, transactWrite, writeAudited } from "../shared/dynamo.ts";
import { tableHit, tablePeek } from "../shared/rate-limit.ts";
import { sha256 } from "../shared/secrets.ts";
import { cardGrants } from "./card-rules.ts";
import type { Grant, Person } from "./person.ts";

/**
 * All DynamoDB access of the identity module (table spec: `identityTable` in shared/tables.ts).
 *
 * Access patterns
 * 1. Person by id                                  → GetItem   PERSON#<id> / PROFILE
 * 2. Person by email (sign-in, invitations)        → GetItem   EMAIL#<email> / EMAIL → person_id, then 1
 * 3. Create a person once per email                → TransactWrite PROFILE + EMAIL, both attribute_not_exists
 * 4. Sign-in challenge, tried at most 5 times,
 *    used once                                     → PutItem / conditional UpdateItem CHALLENGE#<id> / CHALLENGE
 * 5. Session by the SHA-256 of its token           → GetItem   SESSION#<hash> / SESSION (sliding expiry: UpdateItem)
 * 6. A person's sessions (sign out everywhere,
 *    grants changed, export, erase)                → Query gsi1 gsi1pk=PERSON#<id>, gsi1sk begins_with SESSION#
 * 7. Sign-in attempts per email / client address   → UpdateItem ADD on RATE#<scope>#<key>#<window> / RATE
 *    (wrong codes: GetItem the same counter before, UpdateItem after a failure)
 * 8. Local outbox, newest first                    → Put / Query OUTBOX / <time>#<id>
 * 9. Erasure asked, modules still to confirm       → UpdateItem PROFILE: erase_requested_at, erase_pending (a string set),
 *                                                    gsi1pk=ERASING; one module confirmed → UpdateItem DELETE from the set
 * 10. Erasures not yet confirmed (re-drive job)    → Query gsi1 gsi1pk=ERASING
 * 11. An export being gathered, the parts
 *     modules sent                                 → PERSON#<id> / EXPORT → request; Put / Query EXPORT#<request> / PART#<module>
 * 12. Addresses an email signed in from (the per-email
 *     code cap does not apply there)               → Put / GetItem KNOWN#<sha256(email, address)> / KNOWN
 * 13. A person's notice choices, mobile sign-in
 *     choice and the last SMS that could not be
 *     delivered                                    → Get / Put / UpdateItem PERSON#<id> / NOTICES
 * 14. Staff of a centre (who hears of its new
 *     suggestions)                                 → Query ROSTER#<centre>; kept with the grants: Put / Delete
 *                                                    ROSTER#<centre> / PERSON#<id>, gsi1pk=PERSON#<id>, gsi1sk=ROSTER#<centre>
 *                                                    (a person's own rows: Query gsi1 begins_with ROSTER#)
 * 15. A notice delivered once per person and
 *     channel (the bus delivers at least once)     → conditional PutItem (claim) / DeleteItem (failed: release)
 *                                                    NOTICE#<notice id> / <channel>#<person id or address hash>
 * 16. Notices kept for the weekly digest           → Put / Query / Delete DIGEST#<person> / <notice id>;
 *                                                    who has any: Put / Query / Delete DIGESTS / PERSON#<id>
 * 17. A notice's calendar file, by the SHA-256 of
 *     the unguessable token in its link            → Put / GetItem CALENDAR#<hash> / CALENDAR
 * 18. The key that signs "stop these messages"
 *     links, made once                             → GetItem / conditional PutItem SECRET / NOTICE_STOP
 * 19. People a centre's staff look after (created
 *     without email, issue 16)                     → TransactWrite PROFILE + CENTRE#<centre> / PERSON#<id> (+ audit);
 *                                                    Query pk=CENTRE#<centre>, sk begins_with PERSON#, then 1 per person
 * 20. Sign-in card by its typed code or QR token    → GetItem CARDKEY#<sha256(kind:secret)> / CARDKEY → person_id, card_id;
 *                                                    the card works while the profile's `card_id` is that card. Issue:
 *                                                    TransactWrite PROFILE SET card_id + both keys (+ audit); revoke: REMOVE
 *                                                    card_id (+ audit) and the card's sessions (6). Keys carry gsi1pk=PERSON#<id>,
 *                                                    gsi1sk=CARD#…, so erasing the person finds them (docs/sign-in-cards.md)
 *
 * Every short-lived item (challenge, session, counter, outbox mail, known address) carries `expires_at` in
 * epoch seconds, the table's TTL attribute; DynamoDB deletes late, so the code checks it too.
 * Sessions copy the person's grants, so other modules' session checks never read profiles;
 * when grants change the copies are refreshed (pattern 6).
 */

export type Challenge = {
  id: string;
  email: string;
  language: "da" | "en";
  code_hash: string;
  token_hash: string;
  tries: number;
  used: boolean;
  expires_at: number;
};

export type Session = {
  hash: string;
  person_id: string;
  display_name: string;
  language: "da" | "en";
  grants: Grant[];
  created_at: string;
  expires_at: number;
  /** A session started with a sign-in card: which card (revoking it ends the session) and what it may do (cards.ts). */
  via?: "card";
  card_id?: string;
};

/** What a card key points at; the card works only while it is the person's current card. */
export type CardKey = { person_id: string; card_id: string };

/** An erasure that is not finished: the modules that have not confirmed yet. */
export type Erasure = { person_id: string; requested_at: string; pending: string[] };

/** How long a person's export parts are kept for them to download (TTL). */
const EXPORT_KEPT_SECONDS = 3600;

/** A mail, or a text message (`channel: "sms"`, to a mobile number, its subject only a label for the page). */
export type OutboxMail = { id: string; to: string; subject: string; text: string; sent_at: string; channel?: "sms" };

/** One kind of notice as the person chose it (identity/notices.ts). */
export type NoticeChoice = { when: "now" | "digest" | "never"; channel: "mail" | "sms" | "both" };

/** The person's notice settings item; no item means the defaults. */
export type NoticeSettings = {
  choices: Partial<Record<string, NoticeChoice>>;
  /** How sign-in codes reach the person. */
  sign_in?: "mail" | "sms" | "both";
  /** The last text message that could not be delivered, for staff to see. */
  sms_undelivered?: { at: string; kind: string; reason: string };
};

export type DigestLine = { notice_id: string; kind: string; text: string; at: string };

const personKey = (id: string) => ({ pk: `PERSON#${id}`, sk: "PROFILE" });
const emailKey = (email: string) => ({ pk: `EMAIL#${email}`, sk: "EMAIL" });
const challengeKey = (id: string) => ({ pk: `CHALLENGE#${id}`, sk: "CHALLENGE" });
const sessionKey = (hash: string) => ({ pk: `SESSION#${hash}`, sk: "SESSION" });
const knownKey = (email: string, address: string) => ({ pk: `KNOWN#${sha256(`${email}\n${address}`)}`, sk: "KNOWN" });
const centrePersonKey = (centre: string, id: string) => ({ pk: `CENTRE#${centre}`, sk: `PERSON#${id}` });
const cardKey = (hash: string) => ({ pk: `CARDKEY#${hash}`, sk: "CARDKEY" });

/** Session items as other modules' functions may read them: AWS grants them only keys starting with this. */
export const SESSION_KEY_PREFIX = "SESSION#";

const isConditionFailure = (error: unknown) =>
  error instanceof ConditionalCheckFailedException || error instanceof TransactionCanceledException;

function toPerson(item: Record<string, unknown>): Person {
  const { id, email, display_name, mobile, language, grants, created_at, looked_after_at, consent } = item as Person;
  const optional = Object.entries({ email, mobile, looked_after_at, consent }).filter(([, value]) => value !== undefined);
  return { id, display_name, language, grants, created_at, ...Object.fromEntries(optional) };
}

function toSession(item: Record<string, unknown>): Session {
  const { pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, ...rest } = item;
  return { ...(rest as Omit<Session, "hash">), hash: String(pk).slice(SESSION_KEY_PREFIX.length) };
}

export function createIdentityStore(db: DynamoDBDocumentClient, tableName: string) {
  const TableName = tableName;

  async function sessionsOf(personId: string): Promise<Session[]> {
    const items = await queryAll(db, {
      TableName,
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :person AND begins_with(gsi1sk, :session)",
      ExpressionAttributeValues: { ":person": `PERSON#${personId}`, ":session": SESSION_KEY_PREFIX },
    });
    return items.map(toSession);
  }

  /** The person's rows in the staff lists of centres (pattern 14) made to match their grants. */
  async function syncRoster(personId: string, grants: readonly Grant[], isNew = false): Promise<void> {
    const wanted = new Set(grants.filter((grant) => grant.role === "staff" && grant.centre_id).map((grant) => `ROSTER#${grant.centre_id}`));
    // A person just created has no rows yet.
    const held = isNew ? [] : await queryAll(db, {
      TableName,
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :person AND begins_with(gsi1sk, :roster)",
      ExpressionAttributeValues: { ":person": `PERSON#${personId}`, ":roster": "ROSTER#" },
    });
    for (const row of held) {
      if (!wanted.delete(String(row.pk))) await call(() => db.send(new DeleteCommand({ TableName, Key: { pk: row.pk, sk: row.sk } })));
    }
    for (const roster of wanted) {
      await call(() => db.send(new PutCommand({ TableName, Item: { pk: roster, sk: `PERSON#${personId}`, gsi1pk: `PERSON#${personId}`, gsi1sk: roster, person_id: personId } })));
    }
  }

  async function noticeSettings(personId: string): Promise<NoticeSettings | undefined> {
    const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: { pk: `PERSON#${personId}`, sk: "NOTICES" } })));
    if (!Item) return undefined;
    const { choices, sign_in, sms_undelivered } = Item as NoticeSettings;
    return { choices: choices ?? {}, ...(sign_in ? { sign_in } : {}), ...(sms_undelivered ? { sms_undelivered } : {}) };
  }

  /** The person's choices; a text that could not be delivered stays recorded until one is. */
  async function putNoticeChoices(personId: string, choices: NoticeSettings["choices"], signIn: NoticeSettings["sign_in"]): Promise<void> {
    await call(() =>
      db.send(
        new UpdateCommand({
          TableName,
          Key: { pk: `PERSON#${personId}`, sk: "NOTICES" },
          UpdateExpression: signIn ? "SET choices = :choices, sign_in = :sign_in" : "SET choices = :choices REMOVE sign_in",
          ExpressionAttributeValues: { ":choices": choices, ...(signIn ? { ":sign_in": signIn } : {}) },
        }),
      ),
    );
  }

  /** Removes the person's digest lines (sent, or the person erased). */
  async function takeDigest(personId: string): Promise<void> {
    const items = await queryAll(db, { TableName, KeyConditionExpression: "pk = :digest", ExpressionAttributeValues: { ":digest": `DIGEST#${personId}` } });
    for (const item of items) await call(() => db.send(new DeleteCommand({ TableName, Key: { pk: item.pk, sk: item.sk } })));
    await call(() => db.send(new DeleteCommand({ TableName, Key: { pk: "DIGESTS", sk: `PERSON#${personId}` } })));
  }

  return {
    async getPerson(id: string): Promise<Person | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: personKey(id) })));
      return Item ? toPerson(Item) : undefined;
    },

    /** The person and their password hash in one read; password sign-in reads exactly this, whoever it is for. */
    async getAccount(id: string): Promise<{ person: Person; passwordHash?: string } | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: personKey(id) })));
      return Item ? { person: toPerson(Item), passwordHash: Item.password_hash as string | undefined } : undefined;
    },

    async getPasswordHash(id: string): Promise<string | undefined> {
      const { Item } = await call(() =>
        db.send(new GetCommand({ TableName, Key: personKey(id), ProjectionExpression: "password_hash" })),
      );
      return Item?.password_hash as string | undefined;
    },

    async findPersonId(email: string): Promise<string | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: emailKey(email) })));
      return Item?.person_id as string | undefined;
    },

    /** False when the email already belongs to someone: the caller looks that person up instead. */
    async createPerson(person: Person): Promise<boolean> {
      const create = (Item: Record<string, unknown>) => ({ Put: { TableName, Item, ConditionExpression: "attribute_not_exists(pk)" } });
      try {
        await transactWrite(db, {
          TransactItems: [create({ ...personKey(person.id), ...person }), ...(person.email ? [create({ ...emailKey(person.email), person_id: person.id })] : [])],
        });
        await syncRoster(person.id, person.grants, true);
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /**
     * Changes the profile (with the audit line of a change by staff, in one transaction) and then
     * the copies every session holds, so a new grant takes effect at once.
     */
    async updatePerson(person: Person, line?: AuditLine): Promise<void> {
      const update = (Key: Record<string, string>, grants: Grant[]) => ({
        TableName,
        Key,
        UpdateExpression: "SET #name = :name, #language = :language, #grants = :grants",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: { "#name": "display_name", "#language": "language", "#grants": "grants" },
        ExpressionAttributeValues: { ":name": person.display_name, ":language": person.language, ":grants": grants },
      });
      await writeAudited(db, [{ Update: update(personKey(person.id), person.grants) }], line);
      await syncRoster(person.id, person.grants);
      for (const session of await sessionsOf(person.id)) {
        // A card session never gains the roles a card may not carry (cards.ts).
        const grants = session.via === "card" ? cardGrants(person.grants) : person.grants;
        await call(() => db.send(new UpdateCommand(update(sessionKey(session.hash), grants)))).catch((error: unknown) => {
          // A session that ended meanwhile needs no refresh.
          if (!isConditionFailure(error)) throw error;
        });
      }
    },

    async setPasswordHash(id: string, hash: string, line?: AuditLine): Promise<void> {
      const update = {
        TableName,
        Key: personKey(id),
        UpdateExpression: "SET password_hash = :hash",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeValues: { ":hash": hash },
      };
      await writeAudited(db, [{ Update: update }], line);
    },

    /** Removes the profile (with the mobile number), the email index, the centre's list entry, card keys, every session, staff-list rows and the notice settings and digest. Safe to repeat. */
    async deletePerson(person: Pick<Person, "id" | "email" | "looked_after_at">): Promise<void> {
      const linked = await queryAll(db, {
        TableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :person",
        ExpressionAttributeValues: { ":person": `PERSON#${person.id}` },
      });
      // Sessions, card keys and staff-list rows (patterns 6, 20 and 14).
      for (const item of linked) {
        await call(() => db.send(new DeleteCommand({ TableName, Key: { pk: item.pk, sk: item.sk } })));
      }
      await takeDigest(person.id);
      await call(() => db.send(new DeleteCommand({ TableName, Key: { pk: `PERSON#${person.id}`, sk: "NOTICES" } })));
      const keys = [personKey(person.id), ...(person.email ? [emailKey(person.email)] : []), ...(person.looked_after_at ? [centrePersonKey(person.looked_after_at, person.id)] : [])];
      await call(() => db.send(new TransactWriteCommand({ TransactItems: keys.map((Key) => ({ Delete: { TableName, Key } })) })));
    },

    /** A person staff look after, on their centre's list, with the audit line of the staff member who made them (pattern 19). */
    async createLookedAfter(person: Person & { looked_after_at: string }, line: AuditLine): Promise<boolean> {
      const create = (Item: Record<string, unknown>) => ({ Put: { TableName, Item, ConditionExpression: "attribute_not_exists(pk)" } });
      try {
        await writeAudited(
          db,
          [
            create({ ...personKey(person.id), ...person }),
            create({ ...centrePersonKey(person.looked_after_at, person.id), person_id: person.id }),
            ...(person.email ? [create({ ...emailKey(person.email), person_id: person.id })] : []),
          ],
          line,
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async lookedAfterIds(centre: string): Promise<string[]> {
      const items = await queryAll(db, {
        TableName,
        KeyConditionExpression: "pk = :centre AND begins_with(sk, :person)",
        ExpressionAttributeValues: { ":centre": `CENTRE#${centre}`, ":person": "PERSON#" },
      });
      return items.map((item) => String(item.person_id));
    },

    /** The person's current card, if any (pattern 20). */
    async currentCardId(personId: string): Promise<string | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: personKey(personId), ProjectionExpression: "card_id", ConsistentRead: true })));
      return Item?.card_id as string | undefined;
    },

    /** Makes `cardId` the one card that works, with its two key hashes; any earlier card stops working in the same write. False when the person is gone or being erased. */
    async issueCard(personId: string, cardId: string, keyHashes: string[], line: AuditLine): Promise<boolean> {
      const write = writeAudited(
        db,
        [
          {
            Update: {
              TableName,
              Key: personKey(personId),
              UpdateExpression: "SET card_id = :card",
              ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(erase_requested_at)",
              ExpressionAttributeValues: { ":card": cardId },
            },
          },
          ...keyHashes.map((hash, index) => ({
            Put: {
              TableName,
              Item: { ...cardKey(hash), person_id: personId, card_id: cardId, gsi1pk: `PERSON#${personId}`, gsi1sk: `CARD#${cardId}#${index}` },
              ConditionExpression: "attribute_not_exists(pk)",
            },
          })),
        ],
        line,
      );
      return write.then(
        () => true,
        (error: unknown) => {
          if (isConditionFailure(error)) return false;
          throw error;
        },
      );
    },

    async findCard(hash: string): Promise<CardKey | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: cardKey(hash) })));
      return Item ? { person_id: String(Item.person_id), card_id: String(Item.card_id) } : undefined;
    },

    /** No card works any more; false when the person had none. */
    async revokeCard(personId: string, line: AuditLine): Promise<boolean> {
      try {
        await writeAudited(
          db,
          [{ Update: { TableName, Key: personKey(personId), UpdateExpression: "REMOVE card_id", ConditionExpression: "attribute_exists(card_id)" } }],
          line,
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async putChallenge(challenge: Challenge): Promise<void> {
      await call(() => db.send(new PutCommand({ TableName, Item: { ...challengeKey(challenge.id), ...challenge } })));
    },

    async getChallenge(id: string): Promise<Challenge | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: challengeKey(id), ConsistentRead: true })));
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, ...challenge } = Item;
      return challenge as Challenge;
    },

    /** Counts one try, atomically; false when the challenge is used, expired or out of tries. */
    async countTry(id: string, maxTries: number, nowSeconds: number): Promise<boolean> {
      try {
        await call(() =>
          db.send(
            new UpdateCommand({
              TableName,
              Key: challengeKey(id),
              UpdateExpression: "ADD tries :one",
              ConditionExpression: "attribute_exists(pk) AND tries < :max AND used = :false AND expires_at > :now",
              ExpressionAttributeValues: { ":one": 1, ":max": maxTries, ":false": false, ":now": nowSeconds },
            }),
          ),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** Marks the challenge used; false when another request used it first. */
    async useChallenge(id: string): Promise<boolean> {
      try {
        await call(() =>
          db.send(
            new UpdateCommand({
              TableName,
              Key: challengeKey(id),
              UpdateExpression: "SET used = :true",
              ConditionExpression: "used = :false",
              ExpressionAttributeValues: { ":true": true, ":false": false },
            }),
          ),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async putSession(session: Session): Promise<void> {
      const { hash, ...rest } = session;
      await call(() =>
        db.send(
          new PutCommand({
            TableName,
            Item: { ...sessionKey(hash), gsi1pk: `PERSON#${session.person_id}`, gsi1sk: `${SESSION_KEY_PREFIX}${hash}`, ...rest },
          }),
        ),
      );
    },

    async getSession(hash: string): Promise<Session | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: sessionKey(hash) })));
      return Item ? toSession(Item) : undefined;
    },

    async extendSession(hash: string, expiresAt: number): Promise<void> {
      await call(() =>
        db.send(
          new UpdateCommand({
            TableName,
            Key: sessionKey(hash),
            UpdateExpression: "SET expires_at = :expires",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeValues: { ":expires": expiresAt },
          }),
        ),
      ).catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    },

    async deleteSession(hash: string): Promise<void> {
      await call(() => db.send(new DeleteCommand({ TableName, Key: sessionKey(hash) })));
    },

    sessionsOf,

    async deleteSessionsOf(personId: string): Promise<number> {
      const sessions = await sessionsOf(personId);
      for (const session of sessions) await call(() => db.send(new DeleteCommand({ TableName, Key: sessionKey(session.hash) })));
      return sessions.length;
    },

    /** Adds one hit to a counter that lives until the end of its window; returns the new count. */
    hit: tableHit(db, tableName),
    peek: tablePeek(db, tableName),

    /** Stored as a hash of both, so the table holds no address; forgotten at `expiresAt`. */
    async rememberAddress(email: string, address: string, expiresAt: number): Promise<void> {
      await call(() => db.send(new PutCommand({ TableName, Item: { ...knownKey(email, address), expires_at: expiresAt } })));
    },

    async isKnownAddress(email: string, address: string, nowSeconds: number): Promise<boolean> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: knownKey(email, address) })));
      return Number(Item?.expires_at ?? 0) > nowSeconds;
    },

    /**
     * Marks the person as being erased, waiting for `modules`. Keeps the first request's time
     * and the modules not yet confirmed when asked again. False when there is no such person.
     */
    async startErasure(personId: string, modules: string[], at: string): Promise<boolean> {
      try {
        await call(() =>
          db.send(
            new UpdateCommand({
              TableName,
              Key: personKey(personId),
              UpdateExpression:
                "SET erase_requested_at = if_not_exists(erase_requested_at, :at), erase_sent_at = :at, gsi1pk = :erasing, gsi1sk = :person" +
                (modules.length > 0 ? " ADD erase_pending :modules" : ""),
              ConditionExpression: "attribute_exists(pk)",
              ExpressionAttributeValues: {
                ":at": at,
                ":erasing": "ERASING",
                ":person": `PERSON#${personId}`,
                ...(modules.length > 0 ? { ":modules": new Set(modules) } : {}),
              },
            }),
          ),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async erasure(personId: string): Promise<Erasure | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: personKey(personId), ConsistentRead: true })));
      if (!Item?.erase_requested_at) return undefined;
      return { person_id: personId, requested_at: String(Item.erase_requested_at), pending: [...((Item.erase_pending as Set<string>) ?? [])] };
    },

    /** Crosses one module off; returns the modules still pending (none: identity may erase itself), or undefined if the erasure is over. */
    async confirmErased(personId: string, module: string): Promise<string[] | undefined> {
      try {
        const { Attributes } = await call(() =>
          db.send(
            new UpdateCommand({
              TableName,
              Key: personKey(personId),
              UpdateExpression: "DELETE erase_pending :module",
              ConditionExpression: "attribute_exists(erase_requested_at)",
              ExpressionAttributeValues: { ":module": new Set([module]) },
              ReturnValues: "ALL_NEW",
            }),
          ),
        );
        return [...((Attributes?.erase_pending as Set<string> | undefined) ?? [])];
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },

    /** Erasures not finished, with the time each was last sent. */
    async unfinishedErasures(): Promise<(Erasure & { sent_at: string })[]> {
      const items = await queryAll(db, {
        TableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :erasing",
        ExpressionAttributeValues: { ":erasing": "ERASING" },
      });
      return items.map((item) => ({
        person_id: String(item.id),
        requested_at: String(item.erase_requested_at),
        sent_at: String(item.erase_sent_at),
        pending: [...((item.erase_pending as Set<string>) ?? [])],
      }));
    },

    /** The person's export being gathered, if one was asked for since `since` (ISO time). */
    async currentExport(personId: string, since: string): Promise<string | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: { pk: `PERSON#${personId}`, sk: "EXPORT" }, ConsistentRead: true })));
      return Item && String(Item.requested_at) >= since ? String(Item.request_id) : undefined;
    },

    async startExport(personId: string, requestId: string, at: string, nowSeconds: number): Promise<void> {
      await call(() =>
        db.send(
          new PutCommand({
            TableName,
            Item: { pk: `PERSON#${personId}`, sk: "EXPORT", request_id: requestId, requested_at: at, expires_at: nowSeconds + EXPORT_KEPT_SECONDS },
          }),
        ),
      );
    },

    /** Keeps one module's part; a part sent twice is the same part. */
    async putExportPart(requestId: string, personId: string, module: string, part: unknown, nowSeconds: number): Promise<void> {
      await call(() =>
        db.send(
          new PutCommand({
            TableName,
            Item: { pk: `EXPORT#${requestId}`, sk: `PART#${module}`, person_id: personId, module, part: JSON.stringify(part), expires_at: nowSeconds + EXPORT_KEPT_SECONDS },
          }),
        ),
      );
    },

    async exportParts(requestId: string, personId: string): Promise<Record<string, unknown>> {
      const items = await queryAll(db, {
        TableName,
        KeyConditionExpression: "pk = :request",
        ExpressionAttributeValues: { ":request": `EXPORT#${requestId}` },
        ConsistentRead: true,
      });
      // A part for another person under this request id is not theirs to see.
      return Object.fromEntries(items.filter((item) => item.person_id === personId).map((item) => [String(item.module), JSON.parse(String(item.part))]));
    },

    /** Removes the person's export (the request and every part gathered for it). */
    async deleteExport(personId: string): Promise<void> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: { pk: `PERSON#${personId}`, sk: "EXPORT" }, ConsistentRead: true })));
      if (!Item) return;
      const parts = await queryAll(db, {
        TableName,
        KeyConditionExpression: "pk = :request",
        ExpressionAttributeValues: { ":request": `EXPORT#${String(Item.request_id)}` },
      });
      for (const part of parts) await call(() => db.send(new DeleteCommand({ TableName, Key: { pk: part.pk, sk: part.sk } })));
      await call(() => db.send(new DeleteCommand({ TableName, Key: { pk: `PERSON#${personId}`, sk: "EXPORT" } })));
    },

    async setMobile(id: string, mobile: string | undefined, line?: AuditLine): Promise<void> {
      const update = {
        TableName,
        Key: personKey(id),
        UpdateExpression: mobile ? "SET mobile = :mobile" : "REMOVE mobile",
        ConditionExpression: "attribute_exists(pk)",
        ...(mobile ? { ExpressionAttributeValues: { ":mobile": mobile } } : {}),
      };
      await writeAudited(db, [{ Update: update }], line);
    },

    noticeSettings,

    putNoticeChoices,

    /** One kind set to "never" (the stop link), whatever else the person chose. */
    async stopNotices(personId: string, kind: string, channel: NoticeChoice["channel"]): Promise<void> {
      const settings = (await noticeSettings(personId)) ?? { choices: {} };
      await putNoticeChoices(personId, { ...settings.choices, [kind]: { when: "never", channel } }, settings.sign_in);
    },

    async recordSmsUndelivered(personId: string, problem: NonNullable<NoticeSettings["sms_undelivered"]>): Promise<void> {
      await call(() =>
        db.send(
          new UpdateCommand({
            TableName,
            Key: { pk: `PERSON#${personId}`, sk: "NOTICES" },
            UpdateExpression: "SET sms_undelivered = :problem, choices = if_not_exists(choices, :none)",
            ExpressionAttributeValues: { ":problem": problem, ":none": {} },
          }),
        ),
      );
    },

    async staffOf(centre: string): Promise<string[]> {
      const items = await queryAll(db, { TableName, KeyConditionExpression: "pk = :roster", ExpressionAttributeValues: { ":roster": `ROSTER#${centre}` } });
      return items.map((item) => String(item.person_id));
    },

    /** True for the one delivery that may send; a copy of the event arriving at the same time gets false. */
    async claimDelivery(noticeId: string, to: string, expiresAt: number): Promise<boolean> {
      try {
        await call(() =>
          db.send(new PutCommand({ TableName, Item: { pk: `NOTICE#${noticeId}`, sk: to, expires_at: expiresAt }, ConditionExpression: "attribute_not_exists(pk)" })),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** Sending failed: the next try of the event may send again. */
    async releaseDelivery(noticeId: string, to: string): Promise<void> {
      await call(() => db.send(new DeleteCommand({ TableName, Key: { pk: `NOTICE#${noticeId}`, sk: to } })));
    },

    async addToDigest(personId: string, line: DigestLine): Promise<void> {
      await call(() => db.send(new PutCommand({ TableName, Item: { pk: `DIGEST#${personId}`, sk: line.notice_id, ...line } })));
      await call(() => db.send(new PutCommand({ TableName, Item: { pk: "DIGESTS", sk: `PERSON#${personId}`, person_id: personId } })));
    },

    async peopleWithDigest(): Promise<string[]> {
      const items = await queryAll(db, { TableName, KeyConditionExpression: "pk = :digests", ExpressionAttributeValues: { ":digests": "DIGESTS" } });
      return items.map((item) => String(item.person_id));
    },

    async digestOf(personId: string): Promise<DigestLine[]> {
      const items = await queryAll(db, { TableName, KeyConditionExpression: "pk = :digest", ExpressionAttributeValues: { ":digest": `DIGEST#${personId}` } });
      return items
        .map(({ notice_id, kind, text, at }) => ({ notice_id, kind, text, at }) as DigestLine)
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    },

    takeDigest,

    async putCalendar(tokenHash: string, calendar: string, expiresAt: number): Promise<void> {
      await call(() => db.send(new PutCommand({ TableName, Item: { pk: `CALENDAR#${tokenHash}`, sk: "CALENDAR", calendar, expires_at: expiresAt } })));
    },

    async getCalendar(tokenHash: string, nowSeconds: number): Promise<string | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: { pk: `CALENDAR#${tokenHash}`, sk: "CALENDAR" } })));
      return Item && Number(Item.expires_at) > nowSeconds ? String(Item.calendar) : undefined;
    },

    /** The stop links' signing key: made by whoever asks first; everyone after reads that one. */
    async noticeStopKey(fresh: string): Promise<string> {
      const Key = { pk: "SECRET", sk: "NOTICE_STOP" };
      try {
        await call(() => db.send(new PutCommand({ TableName, Item: { ...Key, key: fresh }, ConditionExpression: "attribute_not_exists(pk)" })));
        return fresh;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const { Item } = await call(() => db.send(new GetCommand({ TableName, Key, ConsistentRead: true })));
        return String(Item!.key);
      }
    },

    async putMail(mail: OutboxMail, expiresAt: number): Promise<void> {
      await call(() =>
        db.send(new PutCommand({ TableName, Item: { pk: "OUTBOX", sk: `${mail.sent_at}#${mail.id}`, ...mail, expires_at: expiresAt } })),
      );
    },

    async listMail(limit: number): Promise<OutboxMail[]> {
      const { Items } = await call(() =>
        db.send(
          new QueryCommand({
            TableName,
            KeyConditionExpression: "pk = :outbox",
            ExpressionAttributeValues: { ":outbox": "OUTBOX" },
            ScanIndexForward: false,
            Limit: limit,
          }),
        ),
      );
      return (Items ?? []).map(({ id, to, subject, text, sent_at, channel }) => ({ id, to, subject, text, sent_at, ...(channel ? { channel } : {}) }) as OutboxMail);
    },
  };
}

export type IdentityStore = ReturnType<typeof createIdentityStore>;
