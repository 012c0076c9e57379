import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { SESSION_KEY_PREFIX as STORE_SESSION_KEY_PREFIX } from "../packages/core/src/identity/store.ts";
import { auditTable, identityTable } from "../packages/core/src/shared/tables.ts";
import { createApi } from "../packages/functions/src/app.ts";
import { modules as appModules } from "../packages/functions/src/modules.ts";
import { localConfig } from "../packages/local/src/config.ts";
import { modules, SESSION_KEY_PREFIX, tableGrants, type ModuleSpec } from "../stacks/modules.ts";

/**
 * stacks/modules.ts says which function gets which paths and rights on AWS; the app
 * (packages/functions) says which routes exist and the stores which DynamoDB commands they send.
 * These tests keep the two from drifting, without synthesizing anything. The stacks do not import
 * the app itself, to keep Hono and the AWS SDK out of the CDK app.
 */

// Building the app makes no network call; the endpoint is never contacted.
const config = localConfig("http://127.0.0.1:9");

const stackModule = (name: string): ModuleSpec => {
  const found = modules.find((m) => m.name === name);
  expect(found, `stacks/modules.ts has module "${name}"`).toBeDefined();
  return found!;
};
const isUnder = (routePath: string, prefix: string) => routePath === `/api/${prefix}` || routePath.startsWith(`/api/${prefix}/`);
const routePaths = (app: ReturnType<typeof createApi>) => [
  ...new Set(app.routes.filter((route) => route.method !== "ALL").map((route) => route.path)),
];

describe("stacks/modules.ts matches packages/functions/src/modules.ts", () => {
  test("same modules, with the same prefixes, tables and scheduled jobs", () => {
    type Shape = {
      name: string;
      prefixes: readonly string[];
      tables: readonly { id: string }[];
      jobs?: readonly { name: string; everyMinutes: number }[];
    };
    const shape = (m: Shape) => ({
      name: m.name,
      prefixes: [...m.prefixes].sort(),
      tables: m.tables.map((t) => t.id).sort(),
      jobs: (m.jobs ?? []).map((job) => `${job.name} every ${job.everyMinutes} min`).sort(),
    });
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(modules.map(shape).sort(byName)).toEqual(appModules.map(shape).sort(byName));
  });

  test.each(modules.map((m) => [m.name, m] as const))("module %s: its handler is its own Lambda entry, serving that module alone", (name, module) => {
    expect(module.handler).toBe(`packages/functions/src/${name}/lambda.handler`);
    const source = readFileSync(`packages/functions/src/${name}/lambda.ts`, "utf8");
    expect(source).toMatch(/export const handler\b/);
    expect(source).toMatch(new RegExp(`moduleHandler\\(\\s*${name}Module\\b`));
  });

  test("every module setting a stack passes on is one the app reads", () => {
    const configSource = readFileSync("packages/core/src/shared/config.ts", "utf8");
    for (const name of modules.flatMap((m) => m.settings ?? [])) expect(configSource, name).toContain(`env.${name}`);
    expect(modules.find((m) => m.name === "mentor")?.settings).toEqual(["MENTOR_CERTIFICATE_VALID_DAYS", "MENTOR_CLOSURE_WEEKS"]);
  });

  test("prefixes are unique single path segments, and none is inside another", () => {
    const prefixes = modules.flatMap((m) => m.prefixes);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    // A dot is allowed: "openapi.json" is a document's own path.
    for (const prefix of prefixes) expect(prefix).toMatch(/^[a-z][a-z0-9.-]*$/);
  });
});

describe("every route of the app reaches, on AWS, the function that serves it", () => {
  test.each(appModules.map((m) => [m.name, m] as const))("module %s: every route is under one of its prefixes", (name, module) => {
    // What the module's Lambda serves: packages/functions/src/<name>/lambda.ts.
    const paths = routePaths(createApi([module], config));
    expect(paths.length).toBeGreaterThan(0);
    const { prefixes } = stackModule(name);
    expect(paths.filter((p) => !prefixes.some((prefix) => isUnder(p, prefix)))).toEqual([]);
    // And no prefix is routed to this function for nothing.
    for (const prefix of prefixes) expect(paths.some((p) => isUnder(p, prefix)), `routes under /api/${prefix}`).toBe(true);
  });

  test("served together (as locally), the app has no route that no module's function would get", () => {
    const prefixes = modules.flatMap((m) => m.prefixes);
    const paths = routePaths(createApi(appModules, config));
    expect(paths.filter((p) => !prefixes.some((prefix) => isUnder(p, prefix)))).toEqual([]);
  });
});

/** The DynamoDB commands a source file sends, as IAM actions. */
function actionsSentBy(files: string[]): string[] {
  const actionOf: Record<string, string> = {
    Get: "dynamodb:GetItem",
    Put: "dynamodb:PutItem",
    Update: "dynamodb:UpdateItem",
    Delete: "dynamodb:DeleteItem",
    Query: "dynamodb:Query",
    Scan: "dynamodb:Scan",
    BatchGet: "dynamodb:BatchGetItem",
    BatchWrite: "dynamodb:BatchWriteItem",
    TransactGet: "dynamodb:TransactGetItems",
    TransactWrite: "dynamodb:TransactWriteItems",
    GetItem: "dynamodb:GetItem",
    PutItem: "dynamodb:PutItem",
    UpdateItem: "dynamodb:UpdateItem",
    DeleteItem: "dynamodb:DeleteItem",
    BatchGetItem: "dynamodb:BatchGetItem",
    BatchWriteItem: "dynamodb:BatchWriteItem",
    TransactGetItems: "dynamodb:TransactGetItems",
    TransactWriteItems: "dynamodb:TransactWriteItems",
  };
  const found = new Set<string>();
  for (const file of files) {
    for (const [, command] of readFileSync(file, "utf8").matchAll(/new (\w+)Command\(/g)) {
      if (command === "SendEmail") continue;
      const action = actionOf[command!];
      if (!action) throw new Error(`${file}: unknown DynamoDB command ${command}Command`);
      found.add(action);
    }
  }
  return [...found].sort();
}
/** Shared helpers that send commands to whichever table the calling module passes them. */
const sharedTableHelpers: Record<string, string> = {
  "tableHit(": "packages/core/src/shared/rate-limit.ts",
  "queryAll(": "packages/core/src/shared/dynamo.ts",
  "transactWrite(": "packages/core/src/shared/dynamo.ts",
};

/** A module's own code, plus the shared helpers it runs on its own table. */
const moduleSources = (name: string) => {
  const dir = `packages/core/src/${name}`;
  const own = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
  const code = own.map((file) => readFileSync(file, "utf8")).join("\n");
  return [...own, ...Object.entries(sharedTableHelpers).flatMap(([call, file]) => (code.includes(call) ? [file] : []))];
};

describe("IAM follows the code", () => {
  test("identity is granted exactly the DynamoDB commands its store sends", () => {
    const identity = stackModule("identity");
    expect([...identity.actions].sort()).toEqual(actionsSentBy(moduleSources("identity")));
    expect([...identity.actions].sort()).toEqual(
      ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:TransactWriteItems", "dynamodb:UpdateItem"],
    );
  });

  test.each(modules.map((m) => [m.name, m] as const))(
    "module %s: granted exactly the commands its code sends (no more, and none missing at deploy time)",
    (name, module) => {
      expect([...module.actions].sort()).toEqual(actionsSentBy(moduleSources(name)));
    },
  );

  test("the session grant covers the session check's commands on the store's session keys only", () => {
    expect(SESSION_KEY_PREFIX).toBe(STORE_SESSION_KEY_PREFIX);
    // checkSession → getSession (GetItem) and extendSession (UpdateItem), nothing else.
    const sessions = readFileSync("packages/core/src/identity/sessions.ts", "utf8");
    const checkSession = sessions.slice(sessions.indexOf("export async function checkSession"));
    const body = checkSession.slice(0, checkSession.indexOf("\n}\n"));
    expect([...body.matchAll(/store\.(\w+)\(/g)].map((m) => m[1]).sort()).toEqual(["extendSession", "getSession"]);
    for (const module of modules.filter((m) => !m.tables.includes(identityTable))) {
      expect(tableGrants(module).filter((g) => g.table === identityTable)).toEqual([
        { table: identityTable, actions: ["dynamodb:GetItem", "dynamodb:UpdateItem"], indexes: false, leadingKeysPrefix: "SESSION#" },
      ]);
    }
  });

  test("the audit log is appended with PutItem and read with Query, and only identity reads it", () => {
    expect(actionsSentBy(["packages/core/src/shared/audit.ts"])).toEqual(["dynamodb:PutItem", "dynamodb:Query"]);
    for (const module of modules) {
      const actions = tableGrants(module).filter((g) => g.table === auditTable).flatMap((g) => g.actions).sort();
      expect(actions, module.name).toEqual(module.name === "identity" ? ["dynamodb:PutItem", "dynamodb:Query"] : ["dynamodb:PutItem"]);
    }
  });
});
