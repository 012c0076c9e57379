import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AuditLine } from "../shared/audit.ts";
import { decodeCursor, encodeCursor, type PageKey } from "../shared/cursor.ts";
import { InvalidInputError } from "../shared/errors.ts";
import { call, conditionFailed, queryAll, transactWrite, withoutKeys, writeAudited } from "../shared/dynamo.ts";
import { tableHit } from "../shared/rate-limit.ts";
import type { CuratedOffer, Offer } from "./offer.ts";
import type { Organization } from "./organization.ts";
import type { Suggestion, SuggestionStatus } from "./suggestion.ts";

/**
 * All DynamoDB access of the directory module (table spec: `directoryTable` in shared/tables.ts).
 *
 * Access patterns
 * 1. Show one offer by id                       → GetItem  pk=OFFER#<id>, sk=OFFER
 * 2. List published offers in Danish alphabetical
 *    order, a page at a time                     → Query gsi1 gsi1pk=PUBLISHED_OFFERS, ascending gsi1sk
 * 3. Staff: every offer of one centre, any state → Query gsi2 gsi2pk=CENTRE#<centre>
 * 3a. Staff: the worklist, a page at a time, by
 *    the start of the name and/or a state        → Query gsi2 gsi2pk=CENTRE#<centre> [AND begins_with(gsi2sk, <name key>)],
 *                                                  only the worklist fields, read on until the page is full;
 *                                                  the cursor is the key of the last offer shown (see pageCentreWorklist)
 * 4. Staff: save an edit unless someone else
 *    saved first, with its audit line           → TransactWriteItems: Put with condition version = <the version
 *                                                  they edited> + Put the line in the audit table
 * 5. Anyone: send a suggestion                   → PutItem pk=SUGGESTION#<id>, sk=SUGGESTION
 * 6. Staff: their centre's pending suggestions,
 *    oldest first (the moderation queue)         → Query gsi1 gsi1pk=SUGGESTIONS#<centre>#pending, ascending gsi1sk
 * 7. Staff: one suggestion                       → GetItem pk=SUGGESTION#<id>, sk=SUGGESTION
 * 8. Staff: accept a suggestion; two staff at
 *    once make ONE draft                         → TransactWriteItems: Put the draft offer (attribute_not_exists)
 *                                                  + Update the suggestion to accepted, condition status = pending
 *                                                  + Put the two audit lines (suggestion accepted, offer created)
 * 9. Staff: decline a suggestion                 → TransactWriteItems: Update to declined, condition status = pending
 *                                                  + Put the audit line
 * 10a. A signed-in person's suggestions
 *    (their export and erasure)                  → Query gsi2 gsi2pk=SUGGESTER#<person id>; erase: UpdateItem REMOVE contact fields
 * 10. Suggestions per client address / person
 *    in a time window (rate limit)               → UpdateItem ADD hits on RATE#<scope>#<hash>#<window>, sk=RATE
 * 11. Search: every published offer at once, to
 *    build the in-memory index (search.ts)       → Query gsi1 gsi1pk=PUBLISHED_OFFERS, all pages
 * 12. Import: the offers a file names, by id     → BatchGetItem pk=OFFER#<id>, sk=OFFER (≤ 100 keys a call)
 * 13. Import: write up to 50 offers, all or
 *    none, each only if unchanged since the
 *    preview                                     → TransactWriteItems of Puts, each with attribute_not_exists(pk)
 *                                                  (new) or version = <version read> (update), each with its audit
 *                                                  line; the organisations the file brings that are new (Put with
 *                                                  attribute_not_exists(pk), and each its line) go in first
 * 14. Every organisation (staff pick one; open
 *    data and imports match against them)        → Query gsi1 gsi1pk=ORGANIZATIONS, all pages
 * 15. Staff: create or edit an organisation,
 *    with its audit line                         → TransactWriteItems: Put with attribute_not_exists / version
 *                                                  = <version edited> + the audit line
 * 16. Import: the taxonomy mapping a centre
 *    confirmed for one publisher                 → GetItem pk=IMPORT_MAPPING#<centre>#<publisher>, sk=MAPPING;
 *                                                  confirming: TransactWriteItems: Put it + the audit line
 *
 * Keys
 * - Offer item: pk `OFFER#<id>`, sk `OFFER`, then the offer's own fields and `version`
 *   (a counter, +1 per save; the optimistic check of pattern 4).
 * - gsi1 is sparse: only published offers carry gsi1pk/gsi1sk, so drafts and archived
 *   offers can never leak into the public list. gsi1sk = Danish sort key of the name + `#<id>`
 *   (the id keeps equal names apart and the order stable across pages).
 * - gsi2: every offer, under its centre, sorted by name the same way. The sort key starts with the
 *   name lower-cased, so a search by the start of a name is a key condition (begins_with) that
 *   reads only the offers it finds, whatever the size of the centre: no new index, and no read
 *   of the whole centre per keystroke (a `contains` filter would read all of it every time).
 *   The price: "svøm" finds "Svømning for alle", not "Aften-svømning". The states are a filter on
 *   the same query (a few hundred offers a centre are drafts or archived; "check" depends on today).
 * One partition holds every published offer; a municipality has thousands, not millions,
 * well inside one partition's throughput.
 * - Suggestion item: pk `SUGGESTION#<id>`, sk `SUGGESTION`, then the suggestion's fields.
 *   It sits in gsi1 under `SUGGESTIONS#<centre>#<status>` with gsi1sk `<created_at>#<id>`, so
 *   each centre's queue (status pending) is one partition in the order suggestions came in;
 *   accepting or declining moves it to the `accepted` / `declined` partition in the same write.
 *   (gsi1pk values never collide: offers use `PUBLISHED_OFFERS`.) A handled suggestion
 *   gets `expires_at` (TTL): the suggester's contact details are not kept longer than needed.
 * - Organisation item: pk `ORGANIZATION#<id>`, sk `ORGANIZATION`, its fields and `version`; in gsi1
 *   under `ORGANIZATIONS` with gsi1sk = Danish sort key of the name + `#<id>` (a few hundred a
 *   municipality: one partition, read whole).
 * - Import mapping item: pk `IMPORT_MAPPING#<centre>#<publisher key>`, sk `MAPPING`, `terms`
 *   (foreign term key → our category or fact code, or "none") and `publisher` (as the file names it).
 * - Rate counters: pk `RATE#<scope>#<sha-256 of the address or person>#<window start>`, sk `RATE`,
 *   `hits` and `expires_at` = the window's end (TTL); see shared/rate-limit.ts.
 */

const PUBLISHED = "PUBLISHED_OFFERS";
const PAGE_KEY = ["pk", "sk", "gsi1pk", "gsi1sk"] as const;

/** BatchGetItem reads at most 100 keys per call. */
const BATCH_GET_KEYS = 100;

const offerKey = (id: string) => ({ pk: `OFFER#${id}`, sk: "OFFER" });
const centreKey = (centreId: string) => `CENTRE#${centreId}`;

/** Sorts æ, ø, å after z and in that order, as a Danish reader expects. */
export function danishSortKey(name: string): string {
  return name
    .toLocaleLowerCase("da")
    .normalize("NFC")
    .replace(/aa/g, "å")
    .replace(/[æäøöå]/g, (letter) => ({ æ: "{1", ä: "{1", ø: "{2", ö: "{2", å: "{3" })[letter] ?? letter);
}

function toItem(offer: CuratedOffer) {
  const sortKey = `${danishSortKey(offer.name)}#${offer.id}`;
  return {
    ...offerKey(offer.id),
    ...offer,
    gsi2pk: centreKey(offer.centre_id),
    gsi2sk: sortKey,
    ...(offer.publication === "published" ? { gsi1pk: PUBLISHED, gsi1sk: sortKey } : {}),
  };
}

const WORKLIST_FIELDS = ["id", "name", "publication", "assured_date", "version"] as const;
export type WorklistFields = Pick<CuratedOffer, (typeof WORKLIST_FIELDS)[number]>;
const WORKLIST_PAGE_KEY = ["pk", "sk", "gsi2pk", "gsi2sk"] as const;

/**
 * What a name search asks gsi2 for: the typed start of a name as a sort key prefix, and which
 * sort keys really match. The sort key writes "aa" as "å", so a search ending in a single "a"
 * ("Ka") may be the start of an "aa" ("Kaare" is "k{3re"): then the query takes the prefix
 * without the "a" and keeps only the two spellings.
 */
export function nameSearch(typed: string): { prefix: string; matches?: (sortKey: string) => boolean } {
  const key = danishSortKey(typed.trim());
  if (!key.endsWith("a")) return { prefix: key };
  const before = key.slice(0, -1);
  const asAa = `${before}${danishSortKey("å")}`;
  return { prefix: before, matches: (sortKey) => sortKey.startsWith(key) || sortKey.startsWith(asAa) };
}

export type WorklistPage = { items: WorklistFields[]; next_cursor: string | null };
export type WorklistPageQuery = {
  limit: number;
  cursor?: string;
  /** The start of the name, any case. */
  name?: string;
  /** Which offers count (a state); the page is filled with those alone. */
  keep?: (offer: WorklistFields) => boolean;
};
/** Items one Query reads when a filter may drop some: a few DynamoDB calls for a centre of thousands. */
const FILTERED_READ = 250;

const toCurated = (item: Record<string, unknown>) => withoutKeys<CuratedOffer>(item);

/** The public view: a published offer is complete (checked when it was published); the version is internal. */
function toOffer(item: Record<string, unknown>): Offer {
  const { version: _version, ...offer } = toCurated(item);
  return offer as Offer;
}

export type OfferPage = { items: Offer[]; next_cursor: string | null };

const ORGANIZATIONS = "ORGANIZATIONS";
const organizationKey = (id: string) => ({ pk: `ORGANIZATION#${id}`, sk: "ORGANIZATION" });
const organizationToItem = (organization: Organization) => ({
  ...organizationKey(organization.id),
  ...organization,
  gsi1pk: ORGANIZATIONS,
  gsi1sk: `${danishSortKey(organization.name)}#${organization.id}`,
});
const toOrganization = (item: Record<string, unknown>) => withoutKeys<Organization>(item);

/** A centre's confirmed mapping of one publisher's taxonomy terms: foreign term key → our code, or "none" (keep out). */
export type TermMapping = { publisher: string; terms: Record<string, string> };
const mappingKey = (centreId: string, publisherKey: string) => ({ pk: `IMPORT_MAPPING#${centreId}#${publisherKey}`, sk: "MAPPING" });

const suggestionKey = (id: string) => ({ pk: `SUGGESTION#${id}`, sk: "SUGGESTION" });
const queueKey = (centreId: string, status: SuggestionStatus) => `SUGGESTIONS#${centreId}#${status}`;

const suggesterKey = (personId: string) => `SUGGESTER#${personId}`;

/** `suggestedBy`: the signed-in person who sent it, so their export and erasure find it (gsi2). */
function suggestionToItem(suggestion: Suggestion, suggestedBy?: string) {
  return {
    ...suggestionKey(suggestion.id),
    ...suggestion,
    gsi1pk: queueKey(suggestion.centre_id, suggestion.status),
    gsi1sk: `${suggestion.created_at}#${suggestion.id}`,
    ...(suggestedBy ? { gsi2pk: suggesterKey(suggestedBy), gsi2sk: `${suggestion.created_at}#${suggestion.id}` } : {}),
  };
}

function toSuggestion(item: Record<string, unknown>): Suggestion {
  const { expires_at: _expires, ...suggestion } = withoutKeys<Suggestion & { expires_at?: number }>(item);
  return suggestion;
}

/** The contact details a citizen may give with a suggestion: removed when they are erased. */
export const SUGGESTION_CONTACT_FIELDS = ["contact_name", "contact_email", "contact_phone"] as const;

/** How staff handled a suggestion; written only while it is still pending. */
export type Handling = {
  status: "accepted" | "declined";
  handled_by: { person_id: string; display_name: string };
  handled_at: string;
  /** Epoch seconds after which DynamoDB may delete the handled suggestion. */
  expires_at: number;
  decline_reason?: string;
  offer_id?: string;
};

export function createDirectoryStore(db: DynamoDBDocumentClient, tableName: string) {
  const TableName = tableName;
  /** Puts the offer only if it is still new (`previousVersion` null) or still at `previousVersion` (pattern 4). */
  const guarded = (Item: Record<string, unknown>, previousVersion: number | null) => ({
    TableName,
    Item,
    ...(previousVersion === null
      ? { ConditionExpression: "attribute_not_exists(pk)" }
      : { ConditionExpression: "version = :previous", ExpressionAttributeValues: { ":previous": previousVersion } }),
  });
  const guardedPut = (offer: CuratedOffer, previousVersion: number | null) => guarded(toItem(offer), previousVersion);
  /** True when the conditional write went through; false (and nothing written) when a condition failed. */
  const conditionally = async (write: () => Promise<unknown>): Promise<boolean> => {
    try {
      await write();
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  };
  return {
    /** Demo data and imports: writes the offer as it is, version 1. */
    async putOffer(offer: Offer): Promise<void> {
      await call(() => db.send(new PutCommand({ TableName, Item: toItem({ ...offer, version: 1 }) })));
    },

    async getOffer(id: string): Promise<Offer | undefined> {
      const result = await call(() => db.send(new GetCommand({ TableName, Key: offerKey(id) })));
      return result.Item ? toOffer(result.Item) : undefined;
    },

    async getCuratedOffer(id: string): Promise<CuratedOffer | undefined> {
      const result = await call(() => db.send(new GetCommand({ TableName, Key: offerKey(id), ConsistentRead: true })));
      return result.Item ? toCurated(result.Item) : undefined;
    },

    /**
     * Saves `offer` (whose version is already the next one) if the stored version is still
     * the one the editor started from, together with its audit line: both or neither. False
     * (and nothing written) if someone else saved first.
     */
    async saveOffer(offer: CuratedOffer, previousVersion: number | null, auditLine: AuditLine): Promise<boolean> {
      return conditionally(() => transactWrite(db, { TransactItems: [{ Put: guardedPut(offer, previousVersion) }, auditLine] }));
    },

    /** Only what the staff worklist shows: a centre can have thousands of offers, and whole ones are read when opened. */
    async listCentreWorklist(centreId: string): Promise<WorklistFields[]> {
      const items = await queryAll(db, {
        TableName,
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :centre",
        ProjectionExpression: WORKLIST_FIELDS.map((_, i) => `#f${i}`).join(", "),
        ExpressionAttributeNames: Object.fromEntries(WORKLIST_FIELDS.map((field, i) => [`#f${i}`, field])),
        ExpressionAttributeValues: { ":centre": centreKey(centreId) },
      });
      return items as WorklistFields[];
    },

    /**
     * One page of the centre's worklist in name order (pattern 3a). DynamoDB's own page would
     * end where its read stopped, not where the page is full, so it reads on until `limit` offers
     * are kept and one more is seen (so "more" is never a lie); the cursor is the key of the last
     * offer shown. A cursor from another centre or another name search is refused.
     */
    async pageCentreWorklist(centreId: string, query: WorklistPageQuery): Promise<WorklistPage> {
      const search = query.name ? nameSearch(query.name) : undefined;
      let startKey: PageKey | undefined = query.cursor
        ? decodeCursor(query.cursor, WORKLIST_PAGE_KEY, { gsi2pk: centreKey(centreId), sk: "OFFER" })
        : undefined;
      if (startKey && search && !startKey.gsi2sk!.startsWith(search.prefix)) throw new InvalidInputError([{ field: "cursor", message: "cursor_invalid" }]);
      const names = Object.fromEntries([...WORKLIST_FIELDS, "gsi2sk"].map((field, i) => [`#f${i}`, field]));
      const items: WorklistFields[] = [];
      let last: PageKey | undefined;
      let more = false;
      const filtered = Boolean(query.keep || search?.matches);
      do {
        const result = await call(() =>
          db.send(
            new QueryCommand({
              TableName,
              IndexName: "gsi2",
              KeyConditionExpression: search?.prefix ? "gsi2pk = :centre AND begins_with(gsi2sk, :prefix)" : "gsi2pk = :centre",
              ProjectionExpression: Object.keys(names).join(", "),
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: { ":centre": centreKey(centreId), ...(search?.prefix ? { ":prefix": search.prefix } : {}) },
              Limit: filtered ? FILTERED_READ : query.limit + 1,
              ExclusiveStartKey: startKey,
            }),
          ),
        );
        for (const item of result.Items ?? []) {
          const { gsi2sk, ...offer } = item as WorklistFields & { gsi2sk: string };
          if (search?.matches && !search.matches(gsi2sk)) continue;
          if (query.keep && !query.keep(offer)) continue;
          if (items.length === query.limit) {
            more = true;
            break;
          }
          items.push(offer);
          last = { ...offerKey(offer.id), gsi2pk: centreKey(centreId), gsi2sk };
        }
        startKey = result.LastEvaluatedKey as PageKey | undefined;
      } while (!more && startKey);
      return { items, next_cursor: more ? encodeCursor(last) : null };
    },

    async putSuggestion(suggestion: Suggestion, suggestedBy?: string): Promise<void> {
      await call(() =>
        db.send(new PutCommand({ TableName, Item: suggestionToItem(suggestion, suggestedBy), ConditionExpression: "attribute_not_exists(pk)" })),
      );
    },

    /** The suggestions a signed-in person sent, oldest first. */
    async suggestionsBy(personId: string): Promise<Suggestion[]> {
      const items = await queryAll(db, {
        TableName,
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :person",
        ExpressionAttributeValues: { ":person": suggesterKey(personId) },
      });
      return items.map(toSuggestion);
    },

    /** Removes the contact details and the link to the person from one suggestion; what it suggests stays for staff. */
    async forgetSuggester(id: string): Promise<void> {
      await call(() =>
        db.send(
          new UpdateCommand({
            TableName,
            Key: suggestionKey(id),
            UpdateExpression: `REMOVE ${SUGGESTION_CONTACT_FIELDS.join(", ")}, gsi2pk, gsi2sk`,
            ConditionExpression: "attribute_exists(pk)",
          }),
        ),
      ).catch((error: unknown) => {
        // Expired or never there: nothing to forget.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
    },

    async getSuggestion(id: string): Promise<Suggestion | undefined> {
      const result = await call(() => db.send(new GetCommand({ TableName, Key: suggestionKey(id), ConsistentRead: true })));
      return result.Item ? toSuggestion(result.Item) : undefined;
    },

    /** Who sent the suggestion, if they were signed in (their id, kept in gsi2pk): they are told the answer. */
    async suggesterOf(id: string): Promise<string | undefined> {
      const result = await call(() => db.send(new GetCommand({ TableName, Key: suggestionKey(id), ProjectionExpression: "gsi2pk" })));
      const key = result.Item?.gsi2pk as string | undefined;
      return key?.startsWith("SUGGESTER#") ? key.slice("SUGGESTER#".length) : undefined;
    },

    /** The centre's suggestions in one state, oldest first. */
    async listSuggestions(centreId: string, status: SuggestionStatus): Promise<Suggestion[]> {
      const items = await queryAll(db, {
        TableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :queue",
        ExpressionAttributeValues: { ":queue": queueKey(centreId, status) },
        ScanIndexForward: true,
      });
      return items.map(toSuggestion);
    },

    /**
     * Marks a pending suggestion of this centre as handled and, when `draft` is given, creates
     * that draft offer in the same transaction. False if the suggestion was no longer pending
     * (someone else handled it first): then nothing at all was written.
     */
    async handleSuggestion(id: string, centreId: string, handling: Handling, lines: readonly AuditLine[], draft?: CuratedOffer): Promise<boolean> {
      const { status, ...fields } = handling;
      const names: Record<string, string> = { "#status": "status", "#centre": "centre_id" };
      const values: Record<string, unknown> = {
        ":status": status,
        ":pending": "pending",
        ":centre": centreId,
        ":queue": queueKey(centreId, status),
      };
      const sets = ["#status = :status", "gsi1pk = :queue"];
      for (const [name, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        names[`#${name}`] = name;
        values[`:${name}`] = value;
        sets.push(`#${name} = :${name}`);
      }
      const update = {
        TableName,
        Key: suggestionKey(id),
        UpdateExpression: `SET ${sets.join(", ")}`,
        ConditionExpression: "#status = :pending AND #centre = :centre",
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      };
      return conditionally(() =>
        transactWrite(db, { TransactItems: [...(draft ? [{ Put: guardedPut(draft, null) }] : []), { Update: update }, ...lines] }),
      );
    },

    /** The offers with these ids that exist, by id (consistent reads: the import writes on what it read). */
    async getCuratedOffers(ids: readonly string[]): Promise<Map<string, CuratedOffer>> {
      const found = new Map<string, CuratedOffer>();
      for (let start = 0; start < ids.length; start += BATCH_GET_KEYS) {
        let keys: Record<string, unknown>[] | undefined = ids.slice(start, start + BATCH_GET_KEYS).map(offerKey);
        // DynamoDB may answer part of a batch and hand back the rest as UnprocessedKeys.
        while (keys && keys.length > 0) {
          const result = await call(() =>
            db.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: keys!, ConsistentRead: true } } })),
          );
          for (const item of result.Responses?.[TableName] ?? []) {
            const offer = toCurated(item);
            found.set(offer.id, offer);
          }
          keys = result.UnprocessedKeys?.[TableName]?.Keys;
        }
      }
      return found;
    },

    /**
     * Writes offers and the new organisations they point at, each with its audit line, in one
     * transaction (at most 50 writes: 100 items): all or none. Each offer is written only if it is
     * still new (`previousVersion` null) or still at `previousVersion`, each organisation only if it
     * is still new; false (and nothing written) when any of them changed meanwhile.
     */
    async saveOffersTogether(
      writes: readonly { offer: CuratedOffer; previousVersion: number | null; line: AuditLine }[],
      newOrganizations: readonly { organization: Organization; line: AuditLine }[] = [],
    ): Promise<boolean> {
      return conditionally(() =>
        transactWrite(db, {
          TransactItems: [
            ...newOrganizations.flatMap(({ organization, line }) => [{ Put: guarded(organizationToItem(organization), null) }, line]),
            ...writes.flatMap(({ offer, previousVersion, line }) => [{ Put: guardedPut(offer, previousVersion) }, line]),
          ],
        }),
      );
    },

    async getTermMapping(centreId: string, publisherKey: string): Promise<TermMapping | undefined> {
      const result = await call(() => db.send(new GetCommand({ TableName, Key: mappingKey(centreId, publisherKey), ConsistentRead: true })));
      return result.Item ? { publisher: result.Item.publisher as string, terms: result.Item.terms as Record<string, string> } : undefined;
    },

    /** Stores the centre's mapping for one publisher together with its audit line: both or neither. */
    async putTermMapping(centreId: string, publisherKey: string, mapping: TermMapping, auditLine: AuditLine): Promise<void> {
      await writeAudited(db, [{ Put: { TableName, Item: { ...mappingKey(centreId, publisherKey), ...mapping } } }], auditLine);
    },

    /** Every organisation, in Danish alphabetical order. */
    async listOrganizations(): Promise<Organization[]> {
      const items = await queryAll(db, {
        TableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :organizations",
        ExpressionAttributeValues: { ":organizations": ORGANIZATIONS },
      });
      return items.map(toOrganization);
    },

    async getOrganization(id: string): Promise<Organization | undefined> {
      const result = await call(() => db.send(new GetCommand({ TableName, Key: organizationKey(id), ConsistentRead: true })));
      return result.Item ? toOrganization(result.Item) : undefined;
    },

    /** Saves the organisation if it is still new (`previousVersion` null) or still at that version, with its audit line; false if not. */
    async saveOrganization(organization: Organization, previousVersion: number | null, auditLine: AuditLine): Promise<boolean> {
      return conditionally(() => transactWrite(db, { TransactItems: [{ Put: guarded(organizationToItem(organization), previousVersion) }, auditLine] }));
    },

    /** Adds one hit to a rate counter that lives until the end of its window; returns the new count. */
    hit: tableHit(db, tableName),

    async listPublishedOffers(page: { limit: number; cursor?: string }): Promise<OfferPage> {
      const startKey = page.cursor ? decodeCursor(page.cursor, PAGE_KEY, { gsi1pk: PUBLISHED }) : undefined;
      const result = await call(() =>
        db.send(
          new QueryCommand({
            TableName,
            IndexName: "gsi1",
            KeyConditionExpression: "gsi1pk = :published",
            ExpressionAttributeValues: { ":published": PUBLISHED },
            Limit: page.limit,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      return {
        items: (result.Items ?? []).map(toOffer),
        next_cursor: encodeCursor(result.LastEvaluatedKey as PageKey | undefined),
      };
    },

    /** Every published offer: the sparse gsi1 partition, all its pages (one Query, paged by DynamoDB). */
    async listAllPublishedOffers(): Promise<Offer[]> {
      const items = await queryAll(db, {
        TableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :published",
        ExpressionAttributeValues: { ":published": PUBLISHED },
      });
      return items.map(toOffer);
    },
  };
}

export type DirectoryStore = ReturnType<typeof createDirectoryStore>;
