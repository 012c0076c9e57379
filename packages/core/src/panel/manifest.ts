import { auditAppendGrant, organisationReadGrant, PERSONAL_DATA_HANDLES, PERSONAL_DATA_PUBLISHES, sessionCheckGrants, CENTRE_CLOSE_HANDLES, CENTRE_CLOSE_PUBLISHES, type ModuleManifest } from "../shared/manifest.ts";
import { panelTable } from "../shared/tables.ts";

/** The citizen panel: members, consultations, invitations and anonymous answers. */
export const panelManifest = {
  name: "panel",
  prefixes: ["panel"],
  tables: [
    // Exactly the commands of panel/store.ts.
    {
      table: panelTable,
      actions: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:TransactWriteItems"],
      indexes: true,
    },
    ...sessionCheckGrants,
    auditAppendGrant,
    organisationReadGrant,
  ],
  // Invitations and reminders.
  sendsMail: true,
  settings: [],
  jobs: [{ name: "panel-reminders", everyMinutes: 60 }],
  publishes: [...PERSONAL_DATA_PUBLISHES, ...CENTRE_CLOSE_PUBLISHES],
  handles: [...PERSONAL_DATA_HANDLES, ...CENTRE_CLOSE_HANDLES],
  personalData: true,
} as const satisfies ModuleManifest;
