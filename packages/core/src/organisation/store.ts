import { GetCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AuditLine } from "../shared/audit.ts";
import { centreKey, siteKey } from "../shared/centres.ts";
import { call, conditionFailed, queryAll, writeAudited } from "../shared/dynamo.ts";
import type { Centre, OpenItem } from "./centre.ts";
import type { SiteOrganisation } from "./site-organisation.ts";

/**
 * All DynamoDB access of the organisation module (table spec: `organisationTable` in shared/tables.ts).
 *
 * Access patterns
 * 1. The site organisation                          → GetItem SITE / ORGANISATION (every module may read it)
 * 2. Save it at the version the admin saw           → Put with condition version = seen (or not there yet), + audit line
 * 3. Every centre                                   → Query pk=CENTRES (every module may read it; a few dozen items)
 * 4. One centre                                     → GetItem CENTRES / CENTRE#<id>
 * 5. Create a centre once per id                    → Put attribute_not_exists, + audit line
 * 6. Rename, move or close at the version seen      → Put with condition version = seen, + audit line
 * 7. A check before closing: the request and each
 *    module's answer                                → Put / Query pk=CLOSECHECK#<centre>, sk=<request id> | <request id>#PART#<module>
 * Close checks expire after an hour (TTL `expires_at`). Only this module writes the table; the
 * others read partitions 1 and 3 (shared/manifest.ts organisationReadGrant, shared/centres.ts).
 */

const CLOSE_CHECK_KEPT_SECONDS = 3600;

const closeCheckPartition = (centre: string) => `CLOSECHECK#${centre}`;

export type CloseCheck = { request_id: string; centre_id: string; requested_at: string };

export function createOrganisationStore(db: DynamoDBDocumentClient, tableName: string) {
  const TableName = tableName;
  const without = ({ pk: _pk, sk: _sk, ...rest }: Record<string, unknown>) => rest;

  /** A Put that succeeds only at the version the person saw (nothing stored yet counts as version 0). */
  async function putAtVersion(item: Record<string, unknown>, seenVersion: number, line: AuditLine | undefined): Promise<boolean> {
    const condition =
      seenVersion === 0
        ? { ConditionExpression: "attribute_not_exists(pk)" }
        : { ConditionExpression: "version = :seen", ExpressionAttributeValues: { ":seen": seenVersion } };
    try {
      await writeAudited(db, [{ Put: { TableName, Item: item, ...condition } }], line);
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }

  return {
    async getSite(): Promise<SiteOrganisation | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: siteKey })));
      return Item ? (without(Item) as SiteOrganisation) : undefined;
    },

    /** Without a line only where nobody acts (the local demo data). */
    saveSite: (site: SiteOrganisation, seenVersion: number, line: AuditLine | undefined) => putAtVersion({ ...siteKey, ...site }, seenVersion, line),

    async getCentre(id: string): Promise<Centre | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: centreKey(id) })));
      return Item ? (without(Item) as Centre) : undefined;
    },

    /** A new centre, or a change to one at the version seen; false when the id is taken or the version moved on. */
    saveCentre: (centre: Centre, seenVersion: number, line: AuditLine | undefined) => putAtVersion({ ...centreKey(centre.id), ...centre }, seenVersion, line),

    async startCloseCheck(check: CloseCheck, nowSeconds: number): Promise<void> {
      await call(() =>
        db.send(
          new PutCommand({
            TableName,
            Item: { pk: closeCheckPartition(check.centre_id), sk: check.request_id, ...check, expires_at: nowSeconds + CLOSE_CHECK_KEPT_SECONDS },
          }),
        ),
      );
    },

    async getCloseCheck(centre: string, requestId: string): Promise<CloseCheck | undefined> {
      const { Item } = await call(() => db.send(new GetCommand({ TableName, Key: { pk: closeCheckPartition(centre), sk: requestId } })));
      return Item ? { request_id: Item.request_id as string, centre_id: Item.centre_id as string, requested_at: Item.requested_at as string } : undefined;
    },

    async putCloseAnswer(centre: string, requestId: string, module: string, items: OpenItem[], nowSeconds: number): Promise<void> {
      await call(() =>
        db.send(
          new PutCommand({
            TableName,
            Item: { pk: closeCheckPartition(centre), sk: `${requestId}#PART#${module}`, module, items, expires_at: nowSeconds + CLOSE_CHECK_KEPT_SECONDS },
          }),
        ),
      );
    },

    /** Each module's answer to one check, by module. */
    async closeAnswers(centre: string, requestId: string): Promise<Record<string, OpenItem[]>> {
      const items = await queryAll(db, {
        TableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :request)",
        ExpressionAttributeValues: { ":pk": closeCheckPartition(centre), ":request": `${requestId}#PART#` },
      });
      return Object.fromEntries(items.map((item) => [item.module as string, item.items as OpenItem[]]));
    },
  };
}

export type OrganisationStore = ReturnType<typeof createOrganisationStore>;
