import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type DynamoDBClient,
  type KeySchemaElement,
} from "@aws-sdk/client-dynamodb";
import type { KeyAttribute, TableSpec } from "@naerhed/core/shared/tables";

/** Creates, in DynamoDB Local, every table of `specs` that does not exist yet, exactly as the stacks declare it. */

const attributeType = (key: KeyAttribute) => (key.type === "string" ? "S" : "N");

function keySchema(partitionKey: KeyAttribute, sortKey?: KeyAttribute): KeySchemaElement[] {
  return [
    { AttributeName: partitionKey.name, KeyType: "HASH" },
    ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: "RANGE" as const }] : []),
  ];
}

function attributeDefinitions(spec: TableSpec): AttributeDefinition[] {
  const keys = [spec.partitionKey, spec.sortKey, ...spec.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey])];
  const byName = new Map(keys.filter((key) => key !== undefined).map((key) => [key.name, key]));
  return [...byName.values()].map((key) => ({ AttributeName: key.name, AttributeType: attributeType(key) }));
}

async function exists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}

/** Returns the names of the tables it created. */
export async function createMissingTables(
  client: DynamoDBClient,
  specs: readonly TableSpec[],
  names: Record<string, string>,
): Promise<string[]> {
  const created: string[] = [];
  for (const spec of specs) {
    const tableName = names[spec.id];
    if (!tableName) throw new Error(`no table name configured for ${spec.id}`);
    if (await exists(client, tableName)) continue;
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        KeySchema: keySchema(spec.partitionKey, spec.sortKey),
        AttributeDefinitions: attributeDefinitions(spec),
        ...(spec.globalIndexes.length > 0
          ? {
              GlobalSecondaryIndexes: spec.globalIndexes.map((index) => ({
                IndexName: index.name,
                KeySchema: keySchema(index.partitionKey, index.sortKey),
                Projection: { ProjectionType: "ALL" },
              })),
            }
          : {}),
      }),
    );
    if (spec.ttlAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: spec.ttlAttribute, Enabled: true },
        }),
      );
    }
    created.push(tableName);
  }
  return created;
}
