import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createOutboxMailer } from "@naerhed/core/identity/outbox";
import type { IdentityServices } from "@naerhed/core/identity/services";
import { createIdentityStore } from "@naerhed/core/identity/store";
import { createAuditLog, type AuditLog } from "@naerhed/core/shared/audit";
import type { Config } from "@naerhed/core/shared/config";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import { createSesMailer } from "@naerhed/core/shared/ses-mailer";
import { auditTable, identityTable } from "@naerhed/core/shared/tables";

/**
 * What every module's routes get: the DynamoDB client and configuration, the audit log,
 * and identity's services (the session check runs in every module; mail goes through one port).
 */
export type Services = {
  db: DynamoDBDocumentClient;
  config: Config;
  audit: AuditLog;
  identity: IdentityServices;
  now: () => Date;
};

export function createServices(config: Config, now: () => Date = () => new Date()): Services {
  const db = createDocumentClient(config);
  const store = createIdentityStore(db, config.tableNames[identityTable.id]!);
  const audit = createAuditLog(db, config.tableNames[auditTable.id]!, now);
  const mailer = config.mailFrom ? createSesMailer(config.mailFrom, config.region) : createOutboxMailer(store, now);
  return { db, config, audit, now, identity: { store, mailer, audit, now, siteUrl: config.siteUrl } };
}
