import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { PutCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import { directoryTable, tables } from "@naerhed/core/shared/tables";
import { demoOffers } from "@naerhed/local/demo/offers";
import { demoPeople } from "@naerhed/local/demo/people";
import { demoMentors, demoRequests } from "@naerhed/local/demo/mentors";
import { demoCentres } from "@naerhed/local/demo/organisation";
import { createMissingTables } from "../src/bootstrap.ts";
import { localConfig } from "../src/config.ts";
import { loadDemoData } from "../src/demo-data.ts";

const client = new DynamoDBClient({
  endpoint: inject("dynamoEndpoint"),
  region: "eu-north-1",
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
afterAll(() => client.destroy());

describe("creating tables in DynamoDB Local", () => {
  const config = localConfig(inject("dynamoEndpoint"), "bootstrap-");

  it("creates every declared table once, with the declared keys, indexes and TTL", async () => {
    expect(await createMissingTables(client, tables, config.tableNames)).toEqual(tables.map((spec) => `bootstrap-${spec.id}`));
    expect(await createMissingTables(client, tables, config.tableNames)).toEqual([]);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: "bootstrap-directory" }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ]);
    expect(
      Table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.KeySchema?.map((key) => key.AttributeName)]).sort(),
    ).toEqual([
      ["gsi1", ["gsi1pk", "gsi1sk"]],
      ["gsi2", ["gsi2pk", "gsi2sk"]],
    ]);
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: "bootstrap-directory" }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(directoryTable.ttlAttribute);
  });
});

describe("demo data", () => {
  it("loads into empty tables only, so a restart never duplicates or overwrites", async () => {
    const config = localConfig(inject("dynamoEndpoint"), "demo-");
    await createMissingTables(client, tables, config.tableNames);
    const db = createDocumentClient(config);
    // The council: 14 items; the panel: 25 members and 3 consultations.
    expect(await loadDemoData(db, config)).toEqual({
      directory: demoOffers.length,
      identity: demoPeople.length,
      council: 14,
      panel: 28,
      mentor: demoMentors.length + demoRequests.length,
      // The organisation and its centres.
      organisation: demoCentres.length + 1,
    });
    expect(await loadDemoData(db, config)).toEqual({});
    const count = await db.send(new ScanCommand({ TableName: "demo-directory", Select: "COUNT" }));
    expect(count.Count).toBe(demoOffers.length);
    db.destroy();
  });

  it("leaves a table alone that already holds someone's data", async () => {
    const config = localConfig(inject("dynamoEndpoint"), "kept-");
    await createMissingTables(client, tables, config.tableNames);
    const db = createDocumentClient(config);
    await db.send(new PutCommand({ TableName: "kept-directory", Item: { pk: "OFFER#mine", sk: "OFFER" } }));
    expect(Object.keys(await loadDemoData(db, config))).not.toContain("directory");
    db.destroy();
  });
});
