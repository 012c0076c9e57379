import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createIdentityStore } from "@naerhed/core/identity/store";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import { localConfig } from "../src/config.ts";
import { repoRoot } from "../src/paths.ts";

/** `npm run admin:create -- <email>` against the DynamoDB Local that is already running. */

const endpoint = inject("dynamoEndpoint");
const config = localConfig(endpoint);
const db = createDocumentClient(config);
const store = createIdentityStore(db, config.tableNames.identity!);
afterAll(() => db.destroy());

const run = (...args: string[]) =>
  execFileSync(process.execPath, ["--import", "tsx", "packages/local/src/admin-create.ts", ...args], {
    cwd: repoRoot,
    env: { ...process.env, DYNAMODB_PORT: new URL(endpoint).port },
    encoding: "utf8",
    stdio: "pipe",
  });

describe("npm run admin:create", () => {
  it("makes the email an administrator, once, however often it runs", async () => {
    expect(run("Forste.Admin@Example.dk")).toMatch(/forste\.admin@example\.dk is now an administrator/);
    run("forste.admin@example.dk");
    const person = await store.getPerson((await store.findPersonId("forste.admin@example.dk"))!);
    expect(person?.grants).toEqual([{ role: "citizen" }, { role: "admin" }]);
  });

  it("refuses something that is not an email, and says so", () => {
    expect(() => run("not-an-email")).toThrow(/Could not create the administrator/);
  });
});
