import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createOutboxMailer, createOutboxSms } from "@naerhed/core/identity/outbox";
import type { IdentityServices } from "@naerhed/core/identity/services";
import { createIdentityStore } from "@naerhed/core/identity/store";
import { createAuditLog, type AuditLog } from "@naerhed/core/shared/audit";
import { createCentreDirectory, type CentreDirectory } from "@naerhed/core/shared/centres";
import type { Config } from "@naerhed/core/shared/config";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import { createEventBridgePublisher } from "@naerhed/core/shared/event-bridge";
import type { Publisher } from "@naerhed/core/shared/events";
import type { FileStore } from "@naerhed/core/shared/files";
import { guardClient } from "@naerhed/core/shared/iam-guard";
import type { Mailer } from "@naerhed/core/shared/mailer";
import { resolveGrants, type ModuleManifest } from "@naerhed/core/shared/manifest";
import { createSesMailer } from "@naerhed/core/shared/ses-mailer";
import { withMonthlyLimit, type SmsSender } from "@naerhed/core/shared/sms";
import { createSnsSms } from "@naerhed/core/shared/sns-sms";
import { auditTable, identityTable, organisationTable } from "@naerhed/core/shared/tables";

/**
 * What every module's routes get: the DynamoDB client and configuration, the audit log, the
 * bus, identity's services (the session check runs in every module; mail goes through one port),
 * and the centres and site organisation as stored (every module checks the centres it is given).
 */
export type Services = {
  db: DynamoDBDocumentClient;
  config: Config;
  audit: AuditLog;
  centres: CentreDirectory;
  /** The local folder standing in for S3 (the runner's); on AWS the module that has a bucket makes its S3 store. */
  files?: FileStore;
  identity: IdentityServices;
  publish: Publisher;
  now: () => Date;
};

/**
 * What a function's surroundings give it. On AWS: the clock, SES, SNS and EventBridge. Locally the
 * runner gives the outbox (it plays SES and SNS), the in-process bus and a folder for files (it
 * plays S3), and tests their own clock.
 */
export type Runtime = { now?: () => Date; mailer?: Mailer; sms?: SmsSender; publish?: Publisher; files?: FileStore; onServices?: (services: Services) => void };

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
  const sms = withMonthlyLimit(
    runtime.sms ??
      (config.smsSenderId
        ? createSnsSms(config.smsSenderId, config.region)
        : createOutboxSms(createIdentityStore(createDocumentClient(config), config.tableNames[identityTable.id] ?? ""), now)),
    store.hit,
    now,
    config.smsMonthlyLimit,
  );
  const publish =
    runtime.publish ?? (config.eventBusName && manifest ? createEventBridgePublisher(manifest.name, config.eventBusName, config.region) : noBus);
  const centres = createCentreDirectory(db, config.tableNames[organisationTable.id] ?? "", now);
  const services = {
    db,
    config,
    audit,
    now,
    publish,
    centres,
    ...(runtime.files ? { files: runtime.files } : {}),
    identity: { store, mailer, sms, audit, now, siteUrl: config.siteUrl },
  };
  runtime.onServices?.(services);
  return services;
}
