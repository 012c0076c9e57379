import { ScanCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Config } from "@naerhed/core/shared/config";
import { councilTable, directoryTable, identityTable, mentorTable, organisationTable, panelTable, type TableSpec } from "@naerhed/core/shared/tables";
import { createOrganisationStore } from "@naerhed/core/organisation/store";
import { demoCentres, demoOrganisation } from "./demo/organisation.ts";
import { demoPeople } from "./demo/people.ts";
import { createIdentityStore } from "@naerhed/core/identity/store";
import { demoOffers } from "./demo/offers.ts";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import { loadDemoCouncil } from "./demo/council.ts";
import { createCouncilStore } from "@naerhed/core/council/store";
import { loadDemoPanel } from "./demo/panel.ts";
import { createPanelStore } from "@naerhed/core/panel/store";
import { demoMentors, demoRequests } from "./demo/mentors.ts";
import { createMentorStore } from "@naerhed/core/mentor/store";

/**
 * Demo data for a local run (`npm start`, the tests), one loader per table, each run only into an
 * empty table. Only the local runner loads it: no module's code imports packages/local, so a
 * deployed stage starts empty and never gets any of it (a test checks the Lambda bundles).
 */

type DemoLoader = { table: TableSpec; load: (db: DynamoDBDocumentClient, tableName: string) => Promise<number> };

const loaders: readonly DemoLoader[] = [
  {
    table: organisationTable,
    load: async (db, tableName) => {
      const store = createOrganisationStore(db, tableName);
      await store.saveSite(demoOrganisation, 0, undefined);
      await Promise.all(demoCentres.map((centre) => store.saveCentre(centre, 0, undefined)));
      return 1 + demoCentres.length;
    },
  },
  {
    table: directoryTable,
    load: async (db, tableName) => {
      const store = createDirectoryStore(db, tableName);
      await Promise.all(demoOffers.map((offer) => store.putOffer(offer)));
      return demoOffers.length;
    },
  },
  {
    table: identityTable,
    load: async (db, tableName) => {
      const store = createIdentityStore(db, tableName);
      await Promise.all(demoPeople.map((person) => store.createPerson(person)));
      return demoPeople.length;
    },
  },
  {
    table: councilTable,
    load: (db, tableName) => loadDemoCouncil(createCouncilStore(db, tableName)),
  },
  {
    table: panelTable,
    load: (db, tableName) => loadDemoPanel(createPanelStore(db, tableName), new Date()),
  },
  {
    table: mentorTable,
    load: async (db, tableName) => {
      const store = createMentorStore(db, tableName);
      await Promise.all(demoMentors.map((mentor) => store.saveMentor(mentor, null)));
      await Promise.all(demoRequests.map((pair) => store.createPair(pair)));
      return demoMentors.length + demoRequests.length;
    },
  },
];

async function isEmpty(db: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  const result = await db.send(new ScanCommand({ TableName: tableName, Limit: 1, Select: "COUNT" }));
  return (result.Count ?? 0) === 0 && result.LastEvaluatedKey === undefined;
}

/** Returns how many demo items went into which table. */
export async function loadDemoData(db: DynamoDBDocumentClient, config: Config): Promise<Record<string, number>> {
  const loaded: Record<string, number> = {};
  for (const loader of loaders) {
    const tableName = config.tableNames[loader.table.id];
    if (!tableName || !(await isEmpty(db, tableName))) continue;
    loaded[loader.table.id] = await loader.load(db, tableName);
  }
  return loaded;
}
