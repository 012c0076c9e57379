import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { decodeCursor, encodeCursor, type PageKey } from "../shared/cursor.ts";
import { call } from "../shared/dynamo.ts";
import type { CuratedOffer, Offer } from "./offer.ts";

/**
 * All DynamoDB access of the directory module (table spec: `directoryTable` in shared/tables.ts).
 *
 * Access patterns
 * 1. Show one offer by id                       → GetItem  pk=OFFER#<id>, sk=OFFER
 * 2. List published offers in Danish alphabetical
 *    order, a page at a time                     → Query gsi1 gsi1pk=PUBLISHED_OFFERS, ascending gsi1sk
 * 3. Staff: every offer of one centre, any state → Query gsi2 gsi2pk=CENTRE#<centre>
 * 4. Staff: save an edit unless someone else
 *    saved first                                 → PutItem with condition version = <the version they edited>
 *
 * Keys
 * - Offer item: pk `OFFER#<id>`, sk `OFFER`, then the offer's own fields and `version`
 *   (a counter, +1 per save; the optimistic check of pattern 4).
 * - gsi1 is sparse: only published offers carry gsi1pk/gsi1sk, so drafts and archived
 *   offers can never leak into the public list. gsi1sk = Danish sort key of the name + `#<id>`
 *   (the id keeps equal names apart and the order stable across pages).
 * - gsi2: every offer, under its centre, sorted by name the same way.
 * One partition holds every published offer; a municipality has thousands, not millions,
 * well inside one partition's throughput.
 */

const PUBLISHED = "PUBLISHED_OFFERS";
const PAGE_KEY = ["pk", "sk", "gsi1pk", "gsi1sk"] as const;

const offerKey = (id: string) => ({ pk: `OFFER#${id}`, sk: "OFFER" });

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
    gsi2pk: `CENTRE#${offer.centre_id}`,
    gsi2sk: sortKey,
    ...(offer.publication === "published" ? { gsi1pk: PUBLISHED, gsi1sk: sortKey } : {}),
  };
}

function toCurated(item: Record<string, unknown>): CuratedOffer {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...offer } = item;
  return offer as CuratedOffer;
}

/** The public view: a published offer is complete (checked when it was published); the version is internal. */
function toOffer(item: Record<string, unknown>): Offer {
  const { version: _version, ...offer } = toCurated(item);
  return offer as Offer;
}

export type OfferPage = { items: Offer[]; next_cursor: string | null };

export function createDirectoryStore(db: DynamoDBDocumentClient, tableName: string) {
  const TableName = tableName;
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
     * the one the editor started from; false if someone else saved first.
     */
    async saveOffer(offer: CuratedOffer, previousVersion: number | null): Promise<boolean> {
      try {
        await call(() =>
          db.send(
            new PutCommand({
              TableName,
              Item: toItem(offer),
              ...(previousVersion === null
                ? { ConditionExpression: "attribute_not_exists(pk)" }
                : { ConditionExpression: "version = :previous", ExpressionAttributeValues: { ":previous": previousVersion } }),
            }),
          ),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async listCentreOffers(centreId: string): Promise<CuratedOffer[]> {
      const offers: CuratedOffer[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await call(() =>
          db.send(
            new QueryCommand({
              TableName,
              IndexName: "gsi2",
              KeyConditionExpression: "gsi2pk = :centre",
              ExpressionAttributeValues: { ":centre": `CENTRE#${centreId}` },
              ExclusiveStartKey,
            }),
          ),
        );
        offers.push(...(page.Items ?? []).map(toCurated));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return offers;
    },

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
  };
}

export type DirectoryStore = ReturnType<typeof createDirectoryStore>;
