import type { Hono } from "hono";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Config } from "@naerhed/core/shared/config";
import type { TableSpec } from "@naerhed/core/shared/tables";
import type { AppEnv } from "./http.ts";

/** What a module gives the API: its name (the path under /api), its tables, and its routes. */
export type ApiModule = {
  name: string;
  tables: readonly TableSpec[];
  routes: (services: { db: DynamoDBDocumentClient; config: Config }) => Hono<AppEnv>;
};
