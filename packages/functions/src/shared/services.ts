import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createOutboxMailer } from "@naerhed/core/identity/outbox";
import type { IdentityServices } from "@naerhed/core/identity/services";
import { createIdentityStore } from "@naerhed/core/identity/store";
import { createAuditLog, type AuditLog } from "@naerhed/core/shared/audit";
import type { Config } from "@naerhed/core/shared/config";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import { createEventBridgePublisher } from "@naerhed/core/shared/event-bridge";
import type { Publisher } from "@naerhed/core/shared/events";
import { guardClient } from "@naerhed/core/shared/iam-guard";
import type { Mailer } from "@naerhed/core/shared/mailer";
import { resolveGrants, type ModuleManifest } from "@naerhed/core/shared/manifest";
import { createSesMailer } from "@naerhed/core/shared/ses-mailer";
import { auditTable, identityTable } from "@naerhed/core/shared/tables";

/**
 * What every module's routes get: the DynamoDB client and configuration, the audit log, the
 * bus, and identity's services (the session check runs in every module; mail goes through one port).
 */
export type Services = {
  db: DynamoDBDocumentClient;
  config: Config;
  audit: AuditLog;
  identity: IdentityServices;
  publish: Publisher;
  now: () => Date;
};

/**
 * What a function's surroundings give it. On AWS: the clock, SES and EventBridge. Locally the
 * runner gives the outbox (it plays SES) and the in-process bus, and tests their own clock.
 */
export type Runtime = { now?: () => Date; mailer?: Mailer; publish?: Publisher; onServices?: (services: Services) => void };

const noBus: Publisher = async (name) => {
  throw new Error(`No event bus configured: cannot publish ${name}`);
};

/**
 * One module's services. With `manifest` and DynamoDB Local (no IAM there), the client refuses
 * whatever the manifest does not grant, as IAM does on AWS.
 */
export function createServices(config: Config, runtime: Runtime = {}, manifest?: ModuleManifest): Services {
  const now = runtime.now ?? (() => new Date());
  const client = createDocumentClient(config);
  const db = manifest && config.dynamoEndpoint ? guardClient(client, resolveGrants(manifest, config.tableNames)) : client;
  const store = createIdentityStore(db, config.tableNames[identityTable.id] ?? "");
  const audit = createAuditLog(db, config.tableNames[auditTable.id] ?? "", now);
  const mailer =
    runtime.mailer ??
    (config.mailFrom
      ? createSesMailer(config.mailFrom, config.region)
      : // No SES: mails go to the local outbox, written with a client of its own, as SES is no part of the module.
        createOutboxMailer(createIdentityStore(createDocumentClient(config), config.tableNames[identityTable.id] ?? ""), now));
  const publish =
    runtime.publish ?? (config.eventBusName && manifest ? createEventBridgePublisher(manifest.name, config.eventBusName, config.region) : noBus);
  const services = { db, config, audit, now, publish, identity: { store, mailer, audit, now, siteUrl: config.siteUrl } };
  runtime.onServices?.(services);
  return services;
}
