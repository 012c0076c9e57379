import { auditAppendGrant, organisationReadGrant, PERSONAL_DATA_HANDLES, PERSONAL_DATA_PUBLISHES, type ModuleManifest } from "../shared/manifest.ts";
import { auditTable, identityTable } from "../shared/tables.ts";

/** Identity: sign-in, sessions, roles, invitations, a person's own data, and the audit log admins read. */
export const identityManifest = {
  name: "identity",
  prefixes: ["identity", "me"],
  tables: [
    // Exactly the commands of identity/store.ts.
    {
      table: identityTable,
      actions: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:TransactWriteItems"],
      indexes: true,
    },
    auditAppendGrant,
    organisationReadGrant,
    // Admins read the audit log through identity (by month, by_actor, by_item).
    { table: auditTable, actions: ["dynamodb:Query"], indexes: true },
  ],
  sendsMail: true,
  sendsSms: true,
  // At most this many text messages a month (shared/sms.ts): the spending limit, as a deploy setting.
  settings: ["SMS_MONTHLY_LIMIT"],
  // Erasures some module has not confirmed yet are asked for again.
  // The weekly digest of notices people chose to get once a week (identity/notices.ts).
  jobs: [
    { name: "erase-redrive", everyMinutes: 15 },
    { name: "notice-digest", everyMinutes: 7 * 24 * 60 },
  ],
  // Identity asks (erase/export requested) and gathers the answers (erased, export part).
  publishes: [...PERSONAL_DATA_HANDLES],
  // Identity delivers every module's notices: only it knows addresses, mobiles and choices.
  handles: [...PERSONAL_DATA_PUBLISHES, "notice.requested"],
  personalData: true,
} as const satisfies ModuleManifest;
