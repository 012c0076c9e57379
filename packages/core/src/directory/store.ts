import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { decodeCursor, encodeCursor, type PageKey } from "../shared/cursor.ts";
import { call } from "../shared/dynamo.ts";
import type { Offer } from "./offer.ts";

/**
 * All DynamoDB access of the directory module (table spec: `directoryTable` in shared/tables.ts).
 *
 * Access patterns
 * 1. Show one offer by id                       → GetItem  pk=OFFER#<id>, sk=OFFER
 * 2. List published offers in Danish alphabetical
 *    order, a page at a time                     → Query gsi1 gsi1pk=PUBLISHED_OFFERS, ascending gsi1sk
 *
 * Keys
 * - Offer item: pk `OFFER#<id>`, sk `OFFER`, then the Offer's own fields.
 * - gsi1 is sparse: only published offers carry gsi1pk/gsi1sk, so drafts and archived
 *   offers can never leak into the public list. gsi1sk = Danish sort key of the name + `#<id>`
 *   (the id keeps equal names apart and the order stable across pages).
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

function toItem(offer: Offer) {
  return {
    ...offerKey(offer.id),
    ...offer,
    ...(offer.publication === "published"
      ? { gsi1pk: PUBLISHED, gsi1sk: `${danishSortKey(offer.name)}#${offer.id}` }
      : {}),
  };
}

function toOffer(item: Record<string, unknown>): Offer {
  const { pk: _pk, sk: _sk, gsi1pk: _gsi1pk, gsi1sk: _gsi1sk, ...offer } = item;
  return offer as Offer;
}

export type OfferPage = { items: Offer[]; next_cursor: string | null };

export function createDirectoryStore(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async putOffer(offer: Offer): Promise<void> {
      await call(() => db.send(new PutCommand({ TableName: tableName, Item: toItem(offer) })));
    },

    async getOffer(id: string): Promise<Offer | undefined> {
      const result = await call(() => db.send(new GetCommand({ TableName: tableName, Key: offerKey(id) })));
      return result.Item ? toOffer(result.Item) : undefined;
    },

    async listPublishedOffers(page: { limit: number; cursor?: string }): Promise<OfferPage> {
      const startKey = page.cursor ? decodeCursor(page.cursor, PAGE_KEY, { gsi1pk: PUBLISHED }) : undefined;
      const result = await call(() =>
        db.send(
          new QueryCommand({
            TableName: tableName,
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
