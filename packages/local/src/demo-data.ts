import { ScanCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Config } from "@naerhed/core/shared/config";
import { councilTable, directoryTable, identityTable, mentorTable, panelTable, type TableSpec } from "@naerhed/core/shared/tables";
import { demoPeople } from "@naerhed/core/identity/demo-people";
import { createIdentityStore } from "@naerhed/core/identity/store";
import { demoOffers } from "@naerhed/core/directory/demo-offers";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import { loadDemoCouncil } from "@naerhed/core/council/demo-council";
import { createCouncilStore } from "@naerhed/core/council/store";
import { loadDemoPanel } from "@naerhed/core/panel/demo-panel";
import { createPanelStore } from "@naerhed/core/panel/store";
import { demoMentors, demoRequests } from "@naerhed/core/mentor/demo-mentors";
import { createMentorStore } from "@naerhed/core/mentor/store";

/** Demo data for a local run, one loader per table, each run only into an empty table. */

type DemoLoader = { table: TableSpec; load: (db: DynamoDBDocumentClient, tableName: string) => Promise<number> };

const loaders: readonly DemoLoader[] = [
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
