import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Config } from "./config.ts";
import { isUnavailable, UnavailableError } from "./errors.ts";

/**
 * One document client per process. Timeouts are short on purpose: when DynamoDB is
 * unreachable a citizen should get "try again in a moment" within seconds, not hang.
 */
export function createDocumentClient(config: Pick<Config, "dynamoEndpoint" | "region">): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.region,
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
    ...(config.dynamoEndpoint
      ? {
          endpoint: config.dynamoEndpoint,
          // DynamoDB Local accepts any credentials; fixed ones keep the local run free of AWS set-up.
          credentials: { accessKeyId: "local", secretAccessKey: "local" },
        }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** Runs one DynamoDB call; an outage becomes UnavailableError (503 "try again in a moment"). */
export async function call<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isUnavailable(error)) throw new UnavailableError(error);
    throw error;
  }
}

/** Every item a query finds, following its pages: for lists that are whole by nature (a centre's offers, a person's sessions). */
export async function queryAll(db: DynamoDBDocumentClient, input: Omit<QueryCommandInput, "ExclusiveStartKey">): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await call(() => db.send(new QueryCommand({ ...input, ExclusiveStartKey })));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** A write refused by its condition: a conditional put or update, or a transaction one of whose conditions failed. */
export function conditionFailed(error: unknown): boolean {
  if (error instanceof ConditionalCheckFailedException) return true;
  return error instanceof TransactionCanceledException && !!error.CancellationReasons?.some((reason) => reason.Code === "ConditionalCheckFailed");
}
