/**
 * The one declaration of every DynamoDB table: keys, indexes and TTL attribute.
 * `stacks/Database.ts` turns these into CloudFormation tables, and the local bootstrap
 * (`packages/local/src/bootstrap.ts`) creates the same tables in DynamoDB Local.
 * Each module writes its access patterns next to its store; this file only says the shape.
 */

export type KeyAttribute = { name: string; type: "string" | "number" };

export type IndexSpec = {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
};

export type TableSpec = {
  /** Short logical name; the physical name is `<prefix><id>` locally and chosen by SST on AWS. */
  id: string;
  /** Environment variable that carries the physical table name into the module's Lambda. */
  envVar: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  globalIndexes: readonly IndexSpec[];
  ttlAttribute?: string;
};

/** The usual single-table shape: pk/sk, one general index gsi1pk/gsi1sk, short-lived items expire by `expires_at`. */
const pkSkWithGsi1 = {
  partitionKey: { name: "pk", type: "string" },
  sortKey: { name: "sk", type: "string" },
  globalIndexes: [
    {
      name: "gsi1",
      partitionKey: { name: "gsi1pk", type: "string" },
      sortKey: { name: "gsi1sk", type: "string" },
    },
  ],
  ttlAttribute: "expires_at",
} as const;

/** The same with a second general index gsi2pk/gsi2sk. */
const pkSkWithGsi1And2 = {
  ...pkSkWithGsi1,
  globalIndexes: [
    ...pkSkWithGsi1.globalIndexes,
    {
      name: "gsi2",
      partitionKey: { name: "gsi2pk", type: "string" },
      sortKey: { name: "gsi2sk", type: "string" },
    },
  ],
} as const;

export const directoryTable = { id: "directory", envVar: "DIRECTORY_TABLE", ...pkSkWithGsi1And2 } as const satisfies TableSpec;

export const identityTable = { id: "identity", envVar: "IDENTITY_TABLE", ...pkSkWithGsi1 } as const satisfies TableSpec;

/** The citizen council: members, proposals, votes and ballots (council/store.ts). */
export const councilTable = { id: "council", envVar: "COUNCIL_TABLE", ...pkSkWithGsi1 } as const satisfies TableSpec;
/** The citizen panel: members, consultations, invitations and anonymous answers (panel/store.ts). */
export const panelTable = { id: "panel", envVar: "PANEL_TABLE", ...pkSkWithGsi1 } as const satisfies TableSpec;
/** Mentors, requests/pairs and their logs; see mentor/store.ts. gsi2: a mentor's pairs. */
export const mentorTable = { id: "mentor", envVar: "MENTOR_TABLE", ...pkSkWithGsi1And2 } as const satisfies TableSpec;

/**
 * The site organisation and its centres, and the checks before a centre closes
 * (organisation/store.ts). Every module reads the centres and the organisation (organisationReadGrant).
 */
export const organisationTable = { id: "organisation", envVar: "ORGANISATION_TABLE", ...pkSkWithGsi1 } as const satisfies TableSpec;

/** Written by every module (who changed what), read by admins; see shared/audit.ts. */
export const auditTable = {
  id: "audit",
  envVar: "AUDIT_TABLE",
  partitionKey: { name: "pk", type: "string" },
  sortKey: { name: "sk", type: "string" },
  globalIndexes: [
    {
      name: "by_actor",
      partitionKey: { name: "actor_id", type: "string" },
      sortKey: { name: "sk", type: "string" },
    },
    {
      name: "by_item",
      partitionKey: { name: "item", type: "string" },
      sortKey: { name: "sk", type: "string" },
    },
  ],
} as const satisfies TableSpec;

/** Every table of the platform, in the order they are created. */
export const tables: readonly TableSpec[] = [directoryTable, identityTable, auditTable, councilTable, panelTable, mentorTable, organisationTable];
