import type { EventName } from "./events.ts";
import { auditTable, identityTable, organisationTable, type TableSpec } from "./tables.ts";

/**
 * A module, declared once, as plain data (no Hono, no CDK): what it answers, what it may touch,
 * when it runs on its own, what it tells other modules and what it listens to. The stacks turn
 * it into routes, IAM statements, schedules and EventBridge rules; the local runner into the same
 * routes, a DynamoDB client that refuses what IAM would refuse, timers and an in-process bus; the
 * tests check the two against each other. Decidim's component manifest is the model.
 * Design notes: docs/modules.md.
 */

/**
 * The exact DynamoDB actions a grant may hold: a closed list, so `dynamodb:*` cannot be written
 * here by accident. Items inside a transaction need the item's own action (a Put needs PutItem).
 */
export type DynamoAction =
  | "dynamodb:GetItem"
  | "dynamodb:BatchGetItem"
  | "dynamodb:Query"
  | "dynamodb:Scan"
  | "dynamodb:PutItem"
  | "dynamodb:UpdateItem"
  | "dynamodb:DeleteItem"
  | "dynamodb:BatchWriteItem"
  | "dynamodb:ConditionCheckItem"
  | "dynamodb:TransactWriteItems";

/** Rights on one table. */
export type TableGrant = {
  table: TableSpec;
  actions: readonly DynamoAction[];
  /** The table's global indexes too (Query on them). */
  indexes?: boolean;
  /** Only items whose partition key starts with one of these (IAM `dynamodb:LeadingKeys`). */
  leadingKeys?: readonly string[];
  /**
   * Only these attributes besides the key may be named by a write (IAM `dynamodb:Attributes`,
   * with `dynamodb:ReturnValues` kept from reading the item back).
   */
  attributes?: readonly string[];
  /**
   * Puts may only create: each carries `attribute_not_exists(pk)`. IAM has no condition key for
   * that, so on AWS the grant is PutItem alone, on `leadingKeys`, with `attributes`, without any
   * read; locally the guard also refuses a Put that could overwrite (docs/modules.md says what remains).
   */
  createOnly?: boolean;
};

/** The S3 actions a bucket grant may hold (a closed list, as for DynamoDB). */
export type BucketAction = "s3:GetObject" | "s3:PutObject" | "s3:DeleteObject";

/** A private S3 bucket the platform keeps files in; the stacks make one per spec, locally it is a folder. */
export type BucketSpec = {
  id: string;
  /** Environment variable that carries the bucket's name into the module's Lambda. */
  envVar: string;
};

/** Uploaded files the site shows (the organisation's logo). Private: only the module's function reads it. */
export const filesBucket = { id: "files", envVar: "FILES_BUCKET" } as const satisfies BucketSpec;

/** Rights on the objects of one bucket under one key prefix. */
export type BucketGrant = { bucket: BucketSpec; actions: readonly BucketAction[]; keyPrefix: string };

/** Deploy-time settings a municipality may change per stage (whole numbers); the app reads them in shared/config.ts. */
export const MODULE_SETTINGS = ["DIRECTORY_RECHECK_DAYS", "MENTOR_CERTIFICATE_VALID_DAYS", "MENTOR_CLOSURE_WEEKS", "SMS_MONTHLY_LIMIT"] as const;
export type ModuleSetting = (typeof MODULE_SETTINGS)[number];

/** Work a module does on a timer: an EventBridge schedule on AWS, a timer locally, both through the module's own handler. */
export type JobSpec = { name: string; everyMinutes: number };

export type ModuleManifest = {
  /** Also the folder name: packages/core/src/<name>/, packages/functions/src/<name>/lambda.ts. */
  name: string;
  /** Path segments under /api the module answers; each is `ANY /api/<prefix>` and `ANY /api/<prefix>/{proxy+}` on AWS. */
  prefixes: readonly string[];
  /** Every table right the module's function gets; nothing else is reachable, on AWS (IAM) as locally (the guard). */
  tables: readonly TableGrant[];
  /** Every S3 right the module's function gets (IAM on AWS; locally the folder store refuses the rest). */
  buckets?: readonly BucketGrant[];
  /** May send mail (Amazon SES on AWS, the outbox locally). */
  sendsMail: boolean;
  /** May send text messages (Amazon SNS on AWS, the outbox locally): only identity, which delivers every notice. */
  sendsSms?: boolean;
  settings: readonly ModuleSetting[];
  jobs: readonly JobSpec[];
  /** Events the module puts on the bus. */
  publishes: readonly EventName[];
  /** Events the bus brings to the module's function (one EventBridge rule per module). */
  handles: readonly EventName[];
  /** Holds data about people: takes part in every export and erasure (shared/events.ts). */
  personalData: boolean;
};

/** The session check every module runs: read a session item, and push its expiry forward, nothing else (identity/store.ts). */
export const sessionCheckGrants: readonly TableGrant[] = [
  { table: identityTable, actions: ["dynamodb:GetItem"], leadingKeys: ["SESSION#"] },
  { table: identityTable, actions: ["dynamodb:UpdateItem"], leadingKeys: ["SESSION#"], attributes: ["expires_at"] },
];

/**
 * Reading the site organisation and its centres (shared/centres.ts), which every module needs:
 * a centre named in a path or a form is checked against the stored centres, and open data names
 * the organisation as its publisher. Read only, and only those two partitions.
 */
export const organisationReadGrant: TableGrant = {
  table: organisationTable,
  actions: ["dynamodb:GetItem", "dynamodb:Query"],
  leadingKeys: ["CENTRES", "SITE"],
};

/** The attributes of one audit line (shared/audit.ts). */
export const AUDIT_LINE_ATTRIBUTES = ["id", "at", "actor_id", "actor_name", "action", "item", "summary"] as const;

/** Appending to the audit log: new lines only, never a change to an old one. */
export const auditAppendGrant: TableGrant = {
  table: auditTable,
  actions: ["dynamodb:PutItem"],
  leadingKeys: ["AUDIT#"],
  attributes: AUDIT_LINE_ATTRIBUTES,
  createOnly: true,
};

/** The events a module that holds personal data must handle and publish. */
export const PERSONAL_DATA_HANDLES = ["personal-data.export-requested", "personal-data.erase-requested"] as const satisfies readonly EventName[];
export const PERSONAL_DATA_PUBLISHES = ["personal-data.export-part", "personal-data.erased"] as const satisfies readonly EventName[];

/** The events a module that keeps things at centres handles and publishes, so a centre closes only when it is done with it (organisation/close.ts). */
export const CENTRE_CLOSE_HANDLES = ["centre.close-requested"] as const satisfies readonly EventName[];
export const CENTRE_CLOSE_PUBLISHES = ["centre.open-items"] as const satisfies readonly EventName[];

/** The modules asked before a centre closes. */
export const closeCheckModules = (manifests: readonly ModuleManifest[]) =>
  manifests.filter((m) => (m.handles as readonly string[]).includes("centre.close-requested")).map((m) => m.name);

/** What one module's function may do, resolved for the tables as they are named in one place (a stage, or a local run). */
export type ResolvedGrant = TableGrant & { tableName: string };

export function resolveGrants(manifest: Pick<ModuleManifest, "tables">, tableNames: Record<string, string>): ResolvedGrant[] {
  return manifest.tables.map((grant) => {
    const tableName = tableNames[grant.table.id];
    if (!tableName) throw new Error(`No table name for "${grant.table.id}"`);
    return { ...grant, tableName };
  });
}

/** The tables a module's function is told the names of (its environment): those it has any right on. */
export function grantedTables(manifest: Pick<ModuleManifest, "tables">): TableSpec[] {
  return [...new Set(manifest.tables.map((grant) => grant.table))];
}

/** The modules that take part in a person's export and erasure, besides identity, which asks. */
export const personalDataModules = (manifests: readonly ModuleManifest[]) => manifests.filter((m) => m.personalData && m.name !== "identity").map((m) => m.name);
