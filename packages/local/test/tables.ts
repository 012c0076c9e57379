import { randomBytes } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { inject } from "vitest";
import { tables } from "@naerhed/core/shared/tables";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import { createMissingTables } from "../src/bootstrap.ts";
import { localConfig } from "../src/config.ts";

/** Fresh tables in the run's DynamoDB Local under a prefix of this test file's own. */
export async function freshTables() {
  const config = localConfig(inject("dynamoEndpoint"), `t${randomBytes(5).toString("hex")}-`);
  const client = new DynamoDBClient({
    endpoint: config.dynamoEndpoint,
    region: config.region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  await createMissingTables(client, tables, config.tableNames);
  client.destroy();
  return { config, db: createDocumentClient(config) };
}
