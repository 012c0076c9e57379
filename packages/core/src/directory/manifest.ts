import { auditAppendGrant, organisationReadGrant, PERSONAL_DATA_HANDLES, PERSONAL_DATA_PUBLISHES, sessionCheckGrants, CENTRE_CLOSE_HANDLES, CENTRE_CLOSE_PUBLISHES, type ModuleManifest } from "../shared/manifest.ts";
import { directoryTable } from "../shared/tables.ts";

/**
 * Local offers; "hsds" is the same directory as Open Referral HSDS 3.0 open data, read-only;
 * "openapi.json" and "docs" are the OpenAPI document of the public API and its page.
 */
export const directoryManifest = {
  name: "directory",
  prefixes: ["directory", "hsds", "openapi.json", "docs"],
  tables: [
    // Exactly the commands of directory/store.ts.
    {
      table: directoryTable,
      actions: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:TransactWriteItems"],
      indexes: true,
    },
    ...sessionCheckGrants,
    auditAppendGrant,
    organisationReadGrant,
  ],
  sendsMail: false,
  settings: ["DIRECTORY_RECHECK_DAYS"],
  jobs: [],
  // Notices (a suggestion and its answer) go through identity, which knows who wants what.
  publishes: [...PERSONAL_DATA_PUBLISHES, ...CENTRE_CLOSE_PUBLISHES, "notice.requested"],
  handles: [...PERSONAL_DATA_HANDLES, ...CENTRE_CLOSE_HANDLES],
  // A signed-in person's suggestions, with the contact details they gave.
  personalData: true,
} as const satisfies ModuleManifest;
