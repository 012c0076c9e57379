import type { ModuleSetting } from "./config.ts";
import { auditTable, councilTable, directoryTable, identityTable, mentorTable, panelTable, type TableSpec } from "../packages/core/src/shared/tables.ts";

/**
 * The exact DynamoDB actions a module may be granted. A closed list, so a wildcard such as
 * `dynamodb:*` cannot be written here by accident.
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
  | "dynamodb:TransactGetItems"
  | "dynamodb:TransactWriteItems";

/** Rights on one table; `indexes` adds its GSIs, `leadingKeysPrefix` limits the rights to items whose key starts so. */
export type TableGrant = {
  table: TableSpec;
  actions: readonly DynamoAction[];
  indexes: boolean;
  leadingKeysPrefix?: string;
};

export type ModuleSpec = {
  /** Module name, as in packages/functions/src/modules.ts. */
  name: string;
  /** Path prefixes under /api that the module answers; each gets `ANY /api/<prefix>` and `ANY /api/<prefix>/{proxy+}`. */
  prefixes: readonly string[];
  /** SST handler: file path from the repo root without extension, then the export name. */
  handler: string;
  /** The tables this module owns. A module never touches another module's table. */
  tables: readonly TableSpec[];
  /** Granted on each owned table and its indexes, nothing more. */
  actions: readonly DynamoAction[];
  /** Rights on tables the module does not own, beyond what every module gets. */
  extraGrants?: readonly TableGrant[];
  /** Only a module that sends mail may call Amazon SES. */
  sendsMail?: boolean;
  /** Deploy-time settings (stacks/config.ts `moduleSettings`) this module's function reads. */
  settings?: readonly ModuleSetting[];
  /** Scheduled jobs: an EventBridge rule invokes the module's function with `{ job: name }`. Same names and intervals as the app module's `jobs`. */
  jobs?: readonly { name: string; everyMinutes: number }[];
};

/** The session items every module's session check reads (as packages/core/src/identity/store.ts keys them). */
export const SESSION_KEY_PREFIX = "SESSION#";

/** One Lambda function per module, and its catch-all routes. Add council, panel, mentor here. */
export const modules: readonly ModuleSpec[] = [
  {
    name: "identity",
    prefixes: ["identity", "me"],
    handler: "packages/functions/src/identity/lambda.handler",
    tables: [identityTable],
    // Exactly the commands of packages/core/src/identity/store.ts.
    actions: [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:Query",
      "dynamodb:TransactWriteItems",
    ],
    // Admins read the audit log through identity (by month, by_actor, by_item).
    extraGrants: [{ table: auditTable, actions: ["dynamodb:Query"], indexes: true }],
    sendsMail: true,
  },
  {
    name: "directory",
    // "hsds": open data (Open Referral HSDS 3.0), read-only, from the directory table;
    // "openapi.json", "docs": the OpenAPI document of the public API and its page.
    prefixes: ["directory", "hsds", "openapi.json", "docs"],
    handler: "packages/functions/src/directory/lambda.handler",
    tables: [directoryTable],
    settings: ["DIRECTORY_RECHECK_DAYS"],
    // Exactly the commands of packages/core/src/directory/store.ts.
    actions: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:TransactWriteItems"],
  },
  {
    name: "panel",
    prefixes: ["panel"],
    handler: "packages/functions/src/panel/lambda.handler",
    tables: [panelTable],
    // Exactly the commands of packages/core/src/panel/store.ts.
    actions: [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:Query",
      "dynamodb:TransactWriteItems",
    ],
    // Invitations and reminders.
    sendsMail: true,
    jobs: [{ name: "panel-reminders", everyMinutes: 60 }],
  },
  {
    name: "mentor",
    prefixes: ["mentor"],
    handler: "packages/functions/src/mentor/lambda.handler",
    tables: [mentorTable],
    settings: ["MENTOR_CERTIFICATE_VALID_DAYS", "MENTOR_CLOSURE_WEEKS"],
    // Exactly the commands of packages/core/src/mentor/store.ts.
    actions: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:TransactWriteItems"],
    jobs: [{ name: "mentor-certificates", everyMinutes: 60 }],
  },
  {
    name: "council",
    prefixes: ["council"],
    handler: "packages/functions/src/council/lambda.handler",
    tables: [councilTable],
    // Exactly the commands of packages/core/src/council/store.ts (Query through queryAll).
    actions: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:TransactWriteItems"],
    // Vote opened, closes in 24 hours, result: to members who gave an address.
    sendsMail: true,
    // Closes votes at their time and sends the 24-hour reminders (packages/core/src/council/voting.ts runVoteJob);
    // the weekly digest for members who chose it (packages/core/src/council/digest.ts).
    jobs: [
      { name: "close-votes", everyMinutes: 1 },
      { name: "weekly-digest", everyMinutes: 60 },
    ],
  },
];

/**
 * Every right a module's function gets: its own tables; the session check on identity's
 * session items only (GetItem, and UpdateItem for sliding expiry); appending to the audit log.
 */
export function tableGrants(module: ModuleSpec): TableGrant[] {
  const own = module.tables.map((table) => ({ table, actions: module.actions, indexes: true }));
  const session: TableGrant[] = module.tables.includes(identityTable)
    ? []
    : [{ table: identityTable, actions: ["dynamodb:GetItem", "dynamodb:UpdateItem"], indexes: false, leadingKeysPrefix: SESSION_KEY_PREFIX }];
  const audit: TableGrant = { table: auditTable, actions: ["dynamodb:PutItem"], indexes: false };
  return [...own, ...session, audit, ...(module.extraGrants ?? [])];
}

/** The routes that send every request under the module's prefixes to its one function. */
export function moduleRoutes(module: Pick<ModuleSpec, "prefixes">): string[] {
  return module.prefixes.flatMap((prefix) => [`ANY /api/${prefix}`, `ANY /api/${prefix}/{proxy+}`]);
}
