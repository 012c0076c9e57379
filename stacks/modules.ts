import { directoryTable, type TableSpec } from "../packages/core/src/shared/tables.ts";

/**
 * The exact DynamoDB actions a module may be granted. A closed list, so a wildcard such as
 * `dynamodb:*` cannot be written here by accident.
 */
export type DynamoAction =
  | "dynamodb:GetItem"
  | "dynamodb:BatchGetItem"
  | "dynamodb:Query"
  | "dynamodb:Scan"
  | "dynamodb:PutItem"
  | "dynamodb:UpdateItem"
  | "dynamodb:DeleteItem"
  | "dynamodb:BatchWriteItem"
  | "dynamodb:ConditionCheckItem"
  | "dynamodb:TransactGetItems"
  | "dynamodb:TransactWriteItems";

export type ModuleSpec = {
  /** Module name; also the route prefix `/api/<name>/`. */
  name: string;
  /** SST handler: file path from the repo root without extension, then the export name. */
  handler: string;
  /** The tables this module owns. A module never touches another module's table. */
  tables: readonly TableSpec[];
  /** Granted on each owned table and its indexes, nothing more. */
  actions: readonly DynamoAction[];
};

/** One Lambda function and one catch-all route per module. Add identity, council, panel, mentor here. */
export const modules: readonly ModuleSpec[] = [
  {
    name: "directory",
    handler: "packages/functions/src/directory/lambda.handler",
    tables: [directoryTable],
    actions: ["dynamodb:GetItem", "dynamodb:Query"],
  },
];

/** The catch-all route that sends every request under `/api/<module>/` to the module's function. */
export function moduleRoute(module: Pick<ModuleSpec, "name">): string {
  return `ANY /api/${module.name}/{proxy+}`;
}
