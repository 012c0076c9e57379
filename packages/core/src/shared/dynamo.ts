import { setTimeout as sleep } from "node:timers/promises";
import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, type QueryCommandInput, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
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

/** A transaction cancelled only because another one touched one of its items at the same moment. */
export function transactionConflict(error: unknown): boolean {
  return (
    error instanceof TransactionCanceledException &&
    !conditionFailed(error) &&
    !!error.CancellationReasons?.some((reason) => reason.Code === "TransactionConflict")
  );
}

const CONFLICT_ATTEMPTS = 5;

/**
 * Sends a transaction. One cancelled only because another transaction touched the same item
 * at that moment is sent again (its conditions then decide); after a few tries the person is
 * asked to try again (503). A refused condition is thrown as it is, for the store to read.
 */
export async function transactWrite(db: DynamoDBDocumentClient, input: TransactWriteCommandInput): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await call(() => db.send(new TransactWriteCommand(input)));
      return;
    } catch (error) {
      if (!transactionConflict(error)) throw error;
      if (attempt === CONFLICT_ATTEMPTS) throw new UnavailableError(error);
      await sleep(Math.floor(Math.random() * 20 * attempt));
    }
  }
}

/** An item as the module's types know it: without the table's key and index attributes (pk, sk, gsi<n>pk, gsi<n>sk). */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !/^(pk|sk|gsi\d+(pk|sk))$/.test(name))) as T;
}
