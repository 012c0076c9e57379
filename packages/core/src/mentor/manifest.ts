import { auditAppendGrant, organisationReadGrant, PERSONAL_DATA_HANDLES, PERSONAL_DATA_PUBLISHES, sessionCheckGrants, CENTRE_CLOSE_HANDLES, CENTRE_CLOSE_PUBLISHES, type ModuleManifest } from "../shared/manifest.ts";
import { mentorTable } from "../shared/tables.ts";

/** The mentor scheme: mentors, requests and pairs with their log. */
export const mentorManifest = {
  name: "mentor",
  prefixes: ["mentor"],
  tables: [
    // Exactly the commands of mentor/store.ts.
    {
      table: mentorTable,
      actions: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:TransactWriteItems"],
      indexes: true,
    },
    ...sessionCheckGrants,
    auditAppendGrant,
    organisationReadGrant,
  ],
  sendsMail: false,
  settings: ["MENTOR_CERTIFICATE_VALID_DAYS", "MENTOR_CLOSURE_WEEKS"],
  // Hourly: approved mentors whose certificate ran out go to recheck.
  jobs: [{ name: "mentor-certificates", everyMinutes: 60 }],
  // Notices (a mentor match) go through identity, which knows who wants what.
  publishes: [...PERSONAL_DATA_PUBLISHES, ...CENTRE_CLOSE_PUBLISHES, "notice.requested"],
  handles: [...PERSONAL_DATA_HANDLES, ...CENTRE_CLOSE_HANDLES],
  personalData: true,
} as const satisfies ModuleManifest;
