import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { SESSION_KEY_PREFIX } from "../packages/core/src/identity/store.ts";
import { manifests } from "../packages/core/src/manifests.ts";
import { EVENT_NAMES } from "../packages/core/src/shared/events.ts";
import { organisationReadGrant } from "../packages/core/src/shared/manifest.ts";
import { auditTable, identityTable, organisationTable, tables } from "../packages/core/src/shared/tables.ts";
import { createApi } from "../packages/functions/src/app.ts";
import { localConfig } from "../packages/local/src/config.ts";
import { apiModules } from "../packages/functions/test/routes.ts";

/**
 * The manifests (packages/core/src/<module>/manifest.ts) say which function gets which paths,
 * rights, jobs and events; the app says which routes exist and the stores which DynamoDB commands
 * they send. These tests keep the two from drifting, without synthesizing anything.
 */

// Building the app makes no network call; the endpoint is never contacted.
const config = localConfig("http://127.0.0.1:9");
const modules = await apiModules();
const isUnder = (routePath: string, prefix: string) => routePath === `/api/${prefix}` || routePath.startsWith(`/api/${prefix}/`);
const routePaths = (app: ReturnType<typeof createApi>) => [...new Set(app.routes.filter((route) => route.method !== "ALL").map((route) => route.path))];

describe("each module's code matches its manifest", () => {
  test.each(modules.map((m) => [m.manifest.name, m] as const))("module %s: its lambda.ts serves it, with a function for each job and event of its manifest", (name, module) => {
    expect(manifests).toContain(module.manifest);
    const source = readFileSync(`packages/functions/src/${name}/lambda.ts`, "utf8");
    expect(source).toMatch(new RegExp(`lambdaEntry\\(\\s*${name}Module\\b`));
    expect(Object.keys(module.jobs ?? {}).sort()).toEqual(module.manifest.jobs.map((job) => job.name).sort());
    if (module.manifest.personalData && name !== "identity") expect(module.personalData, `${name} exports and erases`).toBeDefined();
    const own = Object.keys(module.on ?? {});
    for (const event of own) expect(module.manifest.handles, `${name} handles ${event}`).toContain(event);
  });

  test("every module that holds personal data answers export and erase requests, and identity gathers the answers", () => {
    for (const manifest of manifests.filter((m) => m.personalData && m.name !== "identity")) {
      expect(manifest.handles, manifest.name).toEqual(expect.arrayContaining(["personal-data.export-requested", "personal-data.erase-requested"]));
      expect(manifest.publishes, manifest.name).toEqual(expect.arrayContaining(["personal-data.export-part", "personal-data.erased"]));
    }
    const identity = manifests.find((m) => m.name === "identity")!;
    expect(identity.handles).toEqual(expect.arrayContaining(["personal-data.export-part", "personal-data.erased"]));
  });

  test("every event someone publishes is handled by someone, and every handled event is published by someone", () => {
    const published = new Set(manifests.flatMap((m) => m.publishes));
    const handled = new Set(manifests.flatMap((m) => m.handles));
    expect([...published].sort()).toEqual([...handled].sort());
    for (const name of [...published]) expect(EVENT_NAMES).toContain(name);
  });

  test("every setting a module lists is one the app reads", () => {
    const configSource = readFileSync("packages/core/src/shared/config.ts", "utf8");
    for (const name of manifests.flatMap((m) => m.settings)) expect(configSource, name).toContain(`env.${name}`);
  });

  test("prefixes are unique single path segments", () => {
    const prefixes = manifests.flatMap((m) => m.prefixes);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    // A dot is allowed: "openapi.json" is a document's own path.
    for (const prefix of prefixes) expect(prefix).toMatch(/^[a-z][a-z0-9.-]*$/);
  });

  test.each(modules.map((m) => [m.manifest.name, m] as const))("module %s: every route is under one of its prefixes, and each prefix has routes", (_name, module) => {
    const paths = routePaths(createApi([module], config));
    expect(paths.length).toBeGreaterThan(0);
    const { prefixes } = module.manifest;
    expect(paths.filter((p) => !prefixes.some((prefix) => isUnder(p, prefix)))).toEqual([]);
    for (const prefix of prefixes) expect(paths.some((p) => isUnder(p, prefix)), `routes under /api/${prefix}`).toBe(true);
  });
});

type Source = { name: string; code: string };

/** One exported function of a file, up to its closing brace at the start of a line. */
function functionSource(file: string, fn: string): Source {
  const code = readFileSync(file, "utf8");
  const start = code.search(new RegExp(`export (async )?function ${fn}\\b`));
  if (start < 0) throw new Error(`${file} has no function ${fn}`);
  return { name: `${file} ${fn}`, code: code.slice(start, code.indexOf("\n}\n", start)) };
}

/** The DynamoDB commands source files (or single functions of them) send, as IAM actions. */
function actionsSentBy(sources: (string | Source)[]): string[] {
  const actionOf: Record<string, string> = {
    Get: "dynamodb:GetItem",
    Put: "dynamodb:PutItem",
    Update: "dynamodb:UpdateItem",
    Delete: "dynamodb:DeleteItem",
    Query: "dynamodb:Query",
    Scan: "dynamodb:Scan",
    BatchGet: "dynamodb:BatchGetItem",
    BatchWrite: "dynamodb:BatchWriteItem",
    TransactWrite: "dynamodb:TransactWriteItems",
    ConditionCheck: "dynamodb:ConditionCheckItem",
  };
  const found = new Set<string>();
  for (const source of sources) {
    const { name: file, code } = typeof source === "string" ? { name: source, code: readFileSync(source, "utf8") } : source;
    for (const [, command] of code.matchAll(/new (\w+)Command\(/g)) {
      if (command === "SendEmail" || command === "PutEvents") continue;
      const action = actionOf[command!];
      if (!action) throw new Error(`${file}: unknown DynamoDB command ${command}Command`);
      found.add(action);
    }
    // writeAudited and transactWrite (shared/dynamo.ts) send the items they are given: what those are is in the caller's code.
    if (code.includes("writeAudited(") || code.includes("transactWrite(")) {
      found.add("dynamodb:TransactWriteItems");
      for (const [, kind] of code.matchAll(/[{,]\s*(Put|Update|Delete|ConditionCheck):/g)) found.add(actionOf[kind!]!);
    }
  }
  return [...found].sort();
}
/** Shared helpers that send commands to whichever table the calling module passes them. */
const sharedTableHelpers: Record<string, () => Source> = {
  "tableHit(": () => functionSource("packages/core/src/shared/rate-limit.ts", "tableHit"),
  "queryAll(": () => functionSource("packages/core/src/shared/dynamo.ts", "queryAll"),
  "transactWrite(": () => functionSource("packages/core/src/shared/dynamo.ts", "transactWrite"),
};

/** A module's own code, plus the shared helpers it runs on its own table. */
const moduleSources = (name: string) => {
  const dir = `packages/core/src/${name}`;
  const own = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.startsWith("demo-")).map((f) => path.join(dir, f));
  const code = own.map((file) => readFileSync(file, "utf8")).join("\n");
  return [...own, ...Object.entries(sharedTableHelpers).flatMap(([call, helper]) => (code.includes(call) ? [helper()] : []))];
};

describe("the grants follow the code", () => {
  test.each(manifests.map((m) => [m.name, m] as const))("module %s: granted exactly the commands its code sends on its own table", (name, manifest) => {
    const ownTable = tables.find((spec) => spec.id === name)!;
    const own = manifest.tables.filter((grant) => grant.table === ownTable && !grant.leadingKeys);
    expect(own, "one grant on its own table").toHaveLength(1);
    expect([...own[0]!.actions].sort()).toEqual(actionsSentBy(moduleSources(name)));
  });

  test("each table is granted without key limits to exactly one module, its owner; audit lines are appended by all", () => {
    for (const spec of tables.filter((spec) => spec !== auditTable)) {
      const owners = manifests.filter((m) => m.tables.some((grant) => grant.table === spec && !grant.leadingKeys));
      expect(owners.map((m) => m.name), spec.id).toEqual([spec.id]);
    }
  });

  test("other modules may read a session and push its expiry forward, nothing else of identity's table", () => {
    for (const manifest of manifests.filter((m) => m.name !== "identity")) {
      const onIdentity = manifest.tables.filter((grant) => grant.table === identityTable);
      expect(onIdentity).toEqual([
        { table: identityTable, actions: ["dynamodb:GetItem"], leadingKeys: [SESSION_KEY_PREFIX] },
        { table: identityTable, actions: ["dynamodb:UpdateItem"], leadingKeys: [SESSION_KEY_PREFIX], attributes: ["expires_at"] },
      ]);
    }
    // checkSession → getSession (GetItem) and extendSession (UpdateItem of expires_at), nothing else.
    const sessions = readFileSync("packages/core/src/identity/sessions.ts", "utf8");
    const checkSession = sessions.slice(sessions.indexOf("export async function checkSession"));
    const body = checkSession.slice(0, checkSession.indexOf("\n}\n"));
    expect([...body.matchAll(/store\.(\w+)\(/g)].map((m) => m[1]).sort()).toEqual(["extendSession", "getSession"]);
  });

  test("every module appends audit lines create-only, and only identity reads them", () => {
    expect(actionsSentBy(["packages/core/src/shared/audit.ts"])).toEqual(["dynamodb:PutItem", "dynamodb:Query"]);
    for (const manifest of manifests) {
      const onAudit = manifest.tables.filter((grant) => grant.table === auditTable);
      const append = onAudit.find((grant) => grant.createOnly);
      expect(append, manifest.name).toMatchObject({ actions: ["dynamodb:PutItem"], leadingKeys: ["AUDIT#"], createOnly: true });
      const reads = onAudit.filter((grant) => grant !== append).flatMap((grant) => grant.actions);
      expect(reads, manifest.name).toEqual(manifest.name === "identity" ? ["dynamodb:Query"] : []);
    }
  });
});

describe("the organisation's centres are data, read at run time", () => {
  test("every other module may read the centres and the site organisation, nothing else of the organisation's table, and writes none of it", () => {
    for (const manifest of manifests.filter((m) => m.name !== "organisation")) {
      expect(manifest.tables.filter((grant) => grant.table === organisationTable), manifest.name).toEqual([organisationReadGrant]);
    }
    expect(organisationReadGrant).toEqual({ table: organisationTable, actions: ["dynamodb:GetItem", "dynamodb:Query"], leadingKeys: ["CENTRES", "SITE"] });
  });

  test("no source file lists centres, a region or postcodes (the demo's data lives in the local runner's demo folder)", () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) return file === path.join("packages", "local", "src", "demo") ? [] : sources(file);
        return /\.tsx?$/.test(entry.name) ? [file] : [];
      });
    const files = [...readdirSync("packages").filter((name) => existsSync(`packages/${name}/src`)).flatMap((name) => sources(`packages/${name}/src`)), ...sources("web/src")];
    expect(files.length).toBeGreaterThan(100);
    const listed = files.filter((file) => {
      // Messages may name a region as an example of what to write ("Fx Region Midtjylland").
      const code = readFileSync(file, "utf8").replace(/^\s*\w+: ".*",?$/gm, "");
      return /Region (Hovedstaden|Sjælland|Syddanmark|Midtjylland|Nordjylland)|"(nord|midt|syd)"|"\d{4}"\s*:\s*\{/.test(code);
    });
    expect(listed).toEqual([]);
  });
});
