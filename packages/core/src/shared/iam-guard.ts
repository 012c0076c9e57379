import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBServiceException,
  GetItemCommand,
  PutItemCommand,
  QueryCommand as QueryItemsCommand,
  ScanCommand as ScanItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import type { DynamoAction, ResolvedGrant } from "./manifest.ts";
import type { TableSpec } from "./tables.ts";

/**
 * IAM for DynamoDB Local, which has none. Each module's client refuses, with the
 * AccessDeniedException AWS gives, every request its manifest does not grant: another table,
 * an action, a partition key outside `leadingKeys`, an attribute outside `attributes`, a read-back
 * (ReturnValues ALL_*) on an attribute-limited grant, a Put on a `createOnly` grant that could
 * overwrite. The stacks turn the same grants into the function's IAM statements.
 */

type Input = Record<string, unknown>;
/** One item-level request, as IAM evaluates it. */
type Request = { action: DynamoAction; table: string; index?: string; input: Input; leadingKey?: string };

const plain = (value: unknown): unknown => {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && ["S", "N", "B", "BOOL"].includes(keys[0]!)) return (value as Record<string, unknown>)[keys[0]!];
  }
  return value;
};

/** Attribute names an expression refers to: `#name` placeholders resolved, bare names as they are. */
function attributeNames(expression: string | undefined, names: Record<string, string> | undefined): string[] {
  if (!expression) return [];
  const withoutValues = expression.replace(/:[A-Za-z0-9_]+/g, " ");
  const found = new Set<string>();
  for (const [token] of withoutValues.matchAll(/#?[A-Za-z_][A-Za-z0-9_]*/g)) {
    if (token.startsWith("#")) found.add(names?.[token] ?? token);
    else if (!/^(SET|REMOVE|ADD|DELETE|AND|OR|NOT|BETWEEN|IN|if_not_exists|list_append|attribute_exists|attribute_not_exists|attribute_type|begins_with|contains|size)$/i.test(token)) {
      found.add(token);
    }
  }
  return [...found];
}

function denied(action: string, table: string, why: string): DynamoDBServiceException {
  return new DynamoDBServiceException({
    name: "AccessDeniedException",
    $fault: "client",
    $metadata: { httpStatusCode: 400 },
    message: `User: local-module is not authorized to perform: ${action} on resource: table/${table} because no identity-based policy allows the ${action} action (${why})`,
  });
}

/** The partition key value of a Query, from `pk = :value` in its key condition. */
function queryLeadingKey(input: Input, spec: TableSpec | undefined): string | undefined {
  const index = spec?.globalIndexes.find((i) => i.name === input.IndexName);
  const keyName = index ? index.partitionKey.name : spec?.partitionKey.name;
  const names = input.ExpressionAttributeNames as Record<string, string> | undefined;
  const values = input.ExpressionAttributeValues as Record<string, unknown> | undefined;
  for (const [, name, value] of String(input.KeyConditionExpression ?? "").matchAll(/(#?[\w]+)\s*=\s*(:[\w]+)/g)) {
    if ((names?.[name!] ?? name) === keyName) return String(plain(values?.[value!]));
  }
  return undefined;
}

function itemRequests(command: unknown, specs: Map<string, TableSpec>): Request[] {
  const input = (command as { input: Input }).input;
  const table = String(input.TableName);
  const pk = (key: unknown) => {
    const keyName = specs.get(table)?.partitionKey.name ?? "pk";
    return String(plain((key as Input | undefined)?.[keyName]));
  };
  if (command instanceof GetCommand || command instanceof GetItemCommand) return [{ action: "dynamodb:GetItem", table, input, leadingKey: pk(input.Key) }];
  if (command instanceof PutCommand || command instanceof PutItemCommand) return [{ action: "dynamodb:PutItem", table, input, leadingKey: pk(input.Item) }];
  if (command instanceof UpdateCommand || command instanceof UpdateItemCommand) return [{ action: "dynamodb:UpdateItem", table, input, leadingKey: pk(input.Key) }];
  if (command instanceof DeleteCommand || command instanceof DeleteItemCommand) return [{ action: "dynamodb:DeleteItem", table, input, leadingKey: pk(input.Key) }];
  if (command instanceof QueryCommand || command instanceof QueryItemsCommand) {
    return [{ action: "dynamodb:Query", table, index: input.IndexName as string | undefined, input, leadingKey: queryLeadingKey(input, specs.get(table)) }];
  }
  if (command instanceof ScanCommand || command instanceof ScanItemsCommand) return [{ action: "dynamodb:Scan", table, index: input.IndexName as string | undefined, input }];
  if (command instanceof TransactWriteCommand || command instanceof TransactWriteItemsCommand) {
    return (input.TransactItems as Record<string, Input>[]).map((entry) => {
      const [kind, part] = Object.entries(entry)[0]!;
      const action = ({ Put: "dynamodb:PutItem", Update: "dynamodb:UpdateItem", Delete: "dynamodb:DeleteItem", ConditionCheck: "dynamodb:ConditionCheckItem" } as const)[kind as "Put"]!;
      const partTable = String(part.TableName);
      const keyName = specs.get(partTable)?.partitionKey.name ?? "pk";
      return { action, table: partTable, input: part, leadingKey: String(plain(((part.Key ?? part.Item) as Input)[keyName])) };
    });
  }
  if (command instanceof BatchGetCommand || command instanceof BatchGetItemCommand) {
    return Object.entries(input.RequestItems as Record<string, { Keys: Input[] }>).flatMap(([name, { Keys }]) =>
      Keys.map((key) => ({ action: "dynamodb:BatchGetItem" as const, table: name, input: { Key: key }, leadingKey: String(plain(key[specs.get(name)?.partitionKey.name ?? "pk"])) })),
    );
  }
  if (command instanceof BatchWriteCommand || command instanceof BatchWriteItemCommand) {
    return Object.entries(input.RequestItems as Record<string, Input[]>).flatMap(([name, writes]) =>
      writes.map((write) => {
        const key = ((write.PutRequest as Input | undefined)?.Item ?? (write.DeleteRequest as Input | undefined)?.Key) as Input;
        return { action: "dynamodb:BatchWriteItem" as const, table: name, input: write, leadingKey: String(plain(key[specs.get(name)?.partitionKey.name ?? "pk"])) };
      }),
    );
  }
  throw denied(command?.constructor?.name ?? "unknown", table, "a command the guard does not know; add it to shared/iam-guard.ts");
}

/** The attributes a write names, as IAM's `dynamodb:Attributes` sees them. */
function writtenAttributes(request: Request): string[] {
  const { input } = request;
  const names = input.ExpressionAttributeNames as Record<string, string> | undefined;
  const item = (input.Item ?? {}) as Input;
  return [
    ...Object.keys(item),
    ...Object.keys((input.Key ?? {}) as Input),
    ...attributeNames(input.UpdateExpression as string | undefined, names),
    ...attributeNames(input.ConditionExpression as string | undefined, names),
  ];
}

/** Why a grant does not cover the request; undefined when it does. */
function refusal(grant: ResolvedGrant, request: Request): string | undefined {
  if (!grant.actions.includes(request.action)) return `${request.action} is not granted`;
  if (request.index && !grant.indexes) return `index ${request.index} is not granted`;
  if (grant.leadingKeys) {
    if (request.leadingKey === undefined) return "the grant is limited to leading keys and the request names none";
    if (!grant.leadingKeys.some((prefix) => request.leadingKey!.startsWith(prefix))) return `leading key ${request.leadingKey} is outside ${grant.leadingKeys.join(", ")}`;
  }
  if (grant.attributes) {
    const keyNames = [grant.table.partitionKey.name, grant.table.sortKey?.name].filter(Boolean);
    const outside = writtenAttributes(request).filter((name) => !keyNames.includes(name) && !grant.attributes!.includes(name));
    if (outside.length > 0) return `attributes ${outside.join(", ")} are outside ${grant.attributes.join(", ")}`;
    const returns = request.input.ReturnValues as string | undefined;
    if (returns && !["NONE", "UPDATED_OLD", "UPDATED_NEW"].includes(returns)) return `ReturnValues ${returns} would read the item`;
  }
  if (grant.createOnly && request.action === "dynamodb:PutItem") {
    const condition = String(request.input.ConditionExpression ?? "");
    if (!/attribute_not_exists\(\s*#?\w+\s*\)/.test(condition)) return "puts on this table may only create (attribute_not_exists)";
  }
  return undefined;
}

/** Throws AccessDeniedException unless some grant covers every item-level request of the command. */
export function checkCommand(command: unknown, grants: readonly ResolvedGrant[]): void {
  const specs = new Map(grants.map((grant) => [grant.tableName, grant.table]));
  for (const request of itemRequests(command, specs)) {
    const onTable = grants.filter((grant) => grant.tableName === request.table);
    if (onTable.length === 0) throw denied(request.action, request.table, "no grant on this table");
    const reasons = onTable.map((grant) => refusal(grant, request));
    if (reasons.every((reason) => reason !== undefined)) throw denied(request.action, request.table, reasons.join("; "));
  }
}

/** The module's client, refusing what its grants do not allow (a local run: DynamoDB Local enforces no IAM). */
export function guardClient(db: DynamoDBDocumentClient, grants: readonly ResolvedGrant[]): DynamoDBDocumentClient {
  const send = db.send.bind(db) as (command: unknown, ...rest: unknown[]) => Promise<unknown>;
  const guarded = async (command: unknown, ...rest: unknown[]) => {
    checkCommand(command, grants);
    return send(command, ...rest);
  };
  (db as { send: unknown }).send = guarded;
  return db;
}
