import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { call } from "./dynamo.ts";
import { TooManyRequestsError } from "./errors.ts";
import type { MessageKey } from "./messages.ts";
import { sha256 } from "./secrets.ts";

/**
 * Fixed-window rate limits, shared by every module. Each module counts in its own table
 * (a module never touches another module's table), so it passes its store's `hit`: an atomic
 * counter per scope, key and window that lives until the window ends (TTL `expires_at`).
 */

/** Adds one to the counter of (scope, key, window) and returns the new count. */
export type Hit = (scope: string, key: string, windowStart: number, windowEnd: number) => Promise<number>;

/**
 * The counter as DynamoDB keeps it, in the calling module's own table:
 * UpdateItem ADD on pk `RATE#<scope>#<hashed key>#<window start>`, sk `RATE`, expiring with the window.
 */
export function tableHit(db: DynamoDBDocumentClient, tableName: string): Hit {
  return async (scope, key, windowStart, windowEnd) => {
    const { Attributes } = await call(() =>
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: `RATE#${scope}#${key}#${windowStart}`, sk: "RATE" },
          UpdateExpression: "ADD hits :one SET expires_at = if_not_exists(expires_at, :end)",
          ExpressionAttributeValues: { ":one": 1, ":end": windowEnd },
          ReturnValues: "UPDATED_NEW",
        }),
      ),
    );
    return Number(Attributes?.hits ?? 1);
  };
}

/** The count of (scope, key, window) so far, without adding to it. */
export type Peek = (scope: string, key: string, windowStart: number) => Promise<number>;

/** Reads a counter `tableHit` keeps. */
export function tablePeek(db: DynamoDBDocumentClient, tableName: string): Peek {
  return async (scope, key, windowStart) => {
    const { Item } = await call(() => db.send(new GetCommand({ TableName: tableName, Key: { pk: `RATE#${scope}#${key}#${windowStart}`, sk: "RATE" }, ConsistentRead: true })));
    return Number(Item?.hits ?? 0);
  };
}

export type LimitRule = {
  /** What is counted, e.g. "email" or "suggest-client"; part of the counter's key. */
  scope: string;
  max: number;
  windowSeconds: number;
  /** The message a person gets when over the limit. */
  reason: MessageKey;
};

export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Counts one attempt in the current window; over the limit it throws 429 with the seconds
 * until the window ends. The key (an email, an address, a person id) is stored only as its hash.
 */
export async function limit(hit: Hit, now: Date, rule: LimitRule, key: string): Promise<void> {
  const { seconds, windowStart, windowEnd } = windowOf(now, rule);
  const hits = await hit(rule.scope, sha256(key), windowStart, windowEnd);
  if (hits > rule.max) throw new TooManyRequestsError(rule.reason, windowEnd - seconds);
}

/**
 * For limits on failures (wrong codes), which count only after the attempt failed: refuses
 * while `max` failures are already counted in the window, without counting this attempt.
 */
export async function refuseIfReached(peek: Peek, now: Date, rule: LimitRule, key: string): Promise<void> {
  const { seconds, windowStart, windowEnd } = windowOf(now, rule);
  if ((await peek(rule.scope, sha256(key), windowStart)) >= rule.max) throw new TooManyRequestsError(rule.reason, windowEnd - seconds);
}

/** Counts one failure for `refuseIfReached`. */
export async function countFailure(hit: Hit, now: Date, rule: LimitRule, key: string): Promise<void> {
  const { windowStart, windowEnd } = windowOf(now, rule);
  await hit(rule.scope, sha256(key), windowStart, windowEnd);
}

function windowOf(now: Date, rule: LimitRule) {
  const seconds = epochSeconds(now);
  const windowStart = seconds - (seconds % rule.windowSeconds);
  return { seconds, windowStart, windowEnd: windowStart + rule.windowSeconds };
}
