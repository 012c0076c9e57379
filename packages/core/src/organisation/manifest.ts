import { auditAppendGrant, filesBucket, sessionCheckGrants, type ModuleManifest } from "../shared/manifest.ts";
import { organisationTable } from "../shared/tables.ts";

/**
 * The site organisation (name, logo, colour, contact, accessibility statement) and its centres.
 * Its table is read by every module (shared/centres.ts); only this module writes it.
 */
export const organisationManifest = {
  name: "organisation",
  prefixes: ["organisation"],
  tables: [
    // Exactly the commands of organisation/store.ts and shared/centres.ts.
    { table: organisationTable, actions: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:TransactWriteItems"] },
    ...sessionCheckGrants,
    auditAppendGrant,
  ],
  // The logo: written, read back to serve it, and removed when replaced; nothing else in the bucket.
  buckets: [{ bucket: filesBucket, actions: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"], keyPrefix: "logos/" }],
  sendsMail: false,
  settings: [],
  jobs: [],
  // Asks the other modules before a centre closes, and gathers their answers.
  publishes: ["centre.close-requested"],
  handles: ["centre.open-items"],
  personalData: false,
} as const satisfies ModuleManifest;
