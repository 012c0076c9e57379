import { auditAppendGrant, organisationReadGrant, PERSONAL_DATA_HANDLES, PERSONAL_DATA_PUBLISHES, sessionCheckGrants, CENTRE_CLOSE_HANDLES, CENTRE_CLOSE_PUBLISHES, type ModuleManifest } from "../shared/manifest.ts";
import { councilTable } from "../shared/tables.ts";

/** The citizen council: members, meetings, proposals and votes. */
export const councilManifest = {
  name: "council",
  prefixes: ["council"],
  tables: [
    // Exactly the commands of council/store.ts (Query through queryAll).
    { table: councilTable, actions: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:TransactWriteItems"], indexes: true },
    ...sessionCheckGrants,
    auditAppendGrant,
    organisationReadGrant,
  ],
  // Closes in 24 hours, result, a changed or cancelled meeting, the weekly digest: to members who gave an address.
  sendsMail: true,
  settings: [],
  // Closes votes at their time and starts the 24-hour reminders (council/voting.ts runVoteJob); the weekly digest (council/digest.ts);
  // any mail job that stood still goes on (shared/resumable-jobs.ts).
  jobs: [
    { name: "close-votes", everyMinutes: 1 },
    { name: "weekly-digest", everyMinutes: 60 },
    { name: "resume-jobs", everyMinutes: 5 },
  ],
  // Mail to members goes out in parts (council/mailing.ts), each an event the council sends itself.
  // "A vote is open for you" goes through identity as a notice, and so do the others for a member who gave no address.
  publishes: [...PERSONAL_DATA_PUBLISHES, ...CENTRE_CLOSE_PUBLISHES, "council.job-part", "notice.requested"],
  handles: [...PERSONAL_DATA_HANDLES, ...CENTRE_CLOSE_HANDLES, "council.job-part"],
  personalData: true,
} as const satisfies ModuleManifest;
