import { setTimeout as sleep } from "node:timers/promises";
import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import type { Config } from "./config.ts";
import { isUnavailable, UnavailableError } from "./errors.ts";
import type { TableSpec } from "./tables.ts";

/**
 * How long one DynamoDB call may take before the person gets "try again in a moment" (503).
 * A call that hangs (DynamoDB accepts the connection but never answers) ends after
 * `attempts × requestTimeout` plus one short back-off, about 6 s: inside a module Lambda's 10 s
 * with room for the request's other work (a unit test checks the sum against the stacks).
 * 3 s per attempt is far above DynamoDB's milliseconds and above DynamoDB Local's slowest
 * answers on a busy 2-core machine, so a slow but working database is not cut off.
 * - `throwOnRequestTimeout`: without it @smithy/node-http-handler only logs a warning when
 *   `requestTimeout` passes and the call keeps waiting (until the Lambda is killed).
 * - `requestTimeout` runs until the response headers; `socketTimeout` (idle) covers a body that stops half-way.
 */
export const DYNAMO_TIMEOUTS = { attempts: 2, connectionTimeout: 1000, requestTimeout: 3000, socketTimeout: 3000 } as const;

/** One document client per process; DynamoDB Local when `dynamoEndpoint` is set. */
export function createDocumentClient(config: Pick<Config, "dynamoEndpoint" | "region">): DynamoDBDocumentClient {
  const { attempts, connectionTimeout, requestTimeout, socketTimeout } = DYNAMO_TIMEOUTS;
  const client = new DynamoDBClient({
    region: config.region,
    maxAttempts: attempts,
    requestHandler: { connectionTimeout, requestTimeout, socketTimeout, throwOnRequestTimeout: true },
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

/** One write of a TransactWriteItems (Put, Update, Delete or ConditionCheck), as the document client takes it. */
export type WriteItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/**
 * Writes a change together with its audit line (the Put that audit.ts `line` builds), in one
 * transaction (`transactWrite`): both are stored or neither, so an outage between two writes
 * cannot leave a staff change nobody recorded. Without a line, a change of one item is a plain
 * Put or Update. A refused condition is thrown for the store to read (`conditionFailed`).
 */
export async function writeAudited(db: DynamoDBDocumentClient, items: readonly WriteItem[], line: WriteItem | undefined): Promise<void> {
  const [only] = items;
  if (!line && items.length === 1 && only) {
    if (only.Put) return void (await call(() => db.send(new PutCommand(only.Put!))));
    if (only.Update) return void (await call(() => db.send(new UpdateCommand(only.Update!))));
  }
  await transactWrite(db, { TransactItems: [...items, ...(line ? [line] : [])] });
}

/**
 * Proves a table answers: reads a key no item has, with the one right every module holds on
 * its own tables (GetItem). Anything but an answer (missing table, no right, outage) is UnavailableError.
 */
export async function probeTable(db: DynamoDBDocumentClient, tableName: string, spec: Pick<TableSpec, "partitionKey" | "sortKey">): Promise<void> {
  const value = (key: { type: "string" | "number" }) => (key.type === "string" ? "HEALTH" : 0);
  const Key = { [spec.partitionKey.name]: value(spec.partitionKey), ...(spec.sortKey ? { [spec.sortKey.name]: value(spec.sortKey) } : {}) };
  try {
    await db.send(new GetCommand({ TableName: tableName, Key }));
  } catch (error) {
    throw error instanceof UnavailableError ? error : new UnavailableError(error);
  }
}

/** An item as the module's types know it: without the table's key and index attributes (pk, sk, gsi<n>pk, gsi<n>sk). */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !/^(pk|sk|gsi\d+(pk|sk))$/.test(name))) as T;
}
