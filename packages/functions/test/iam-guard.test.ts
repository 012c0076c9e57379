import { DeleteCommand, GetCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { Context } from "aws-lambda";
import { Hono } from "hono";
import { access } from "@naerhed/core/shared/access";
import { auditTable, councilTable, directoryTable, identityTable, panelTable } from "@naerhed/core/shared/tables";
import { toApiEvent } from "../../local/src/gateway.ts";
import { moduleEnvironment } from "../../local/src/lambda-runner.ts";
import { guard } from "../src/shared/auth.ts";
import type { AppEnv } from "../src/shared/http.ts";
import { moduleHandler } from "../src/shared/lambda.ts";
import type { ApiModule } from "../src/shared/module.ts";
import { sha256 } from "@naerhed/core/shared/secrets";
import { testApi } from "./support.ts";

/**
 * DynamoDB Local has no IAM: each module's client refuses, with AWS's AccessDeniedException, what
 * its manifest does not grant (shared/iam-guard.ts; the stacks turn the same grants into IAM).
 * These are the module's own clients, as its Lambda handler uses them in every API test.
 */

let t: Awaited<ReturnType<typeof testApi>>;
const client = (module: string) => t.moduleClients.get(module)!;
const table = (spec: { id: string }) => t.config.tableNames[spec.id]!;
const refused = { name: "AccessDeniedException", $metadata: { httpStatusCode: 400 } };

let session: { hash: string; person: string };
beforeAll(async () => {
  t = await testApi();
  const { person, token } = await t.personWith([{ role: "citizen" }], "Guarded");
  session = { hash: sha256(token), person: person.id };
  // Every module's handler is built, and so its client, when the runner starts.
  expect([...t.moduleClients.keys()].sort()).toEqual(["council", "directory", "identity", "mentor", "organisation", "panel"]);
});

describe("a module's DynamoDB client refuses what its manifest does not grant", () => {
  it("another module's table: council may not read a person's profile, query identity's table or read the panel", async () => {
    await expect(client("council").send(new GetCommand({ TableName: table(identityTable), Key: { pk: `PERSON#${session.person}`, sk: "PROFILE" } }))).rejects.toMatchObject(refused);
    await expect(client("council").send(new QueryCommand({ TableName: table(identityTable), KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": `SESSION#${session.hash}` } }))).rejects.toMatchObject(refused);
    await expect(client("mentor").send(new ScanCommand({ TableName: table(panelTable) }))).rejects.toMatchObject(refused);
    // Its own table and the session check are fine.
    await expect(client("council").send(new GetCommand({ TableName: table(councilTable), Key: { pk: "x", sk: "x" } }))).resolves.toBeDefined();
    await expect(client("council").send(new GetCommand({ TableName: table(identityTable), Key: { pk: `SESSION#${session.hash}`, sk: "SESSION" } }))).resolves.toMatchObject({ Item: { person_id: session.person } });
  });

  it("a session item: another module may push its expiry forward, never change its roles or read it back whole", async () => {
    const key = { pk: `SESSION#${session.hash}`, sk: "SESSION" };
    const raise = new UpdateCommand({ TableName: table(identityTable), Key: key, UpdateExpression: "SET grants = :admin", ExpressionAttributeValues: { ":admin": [{ role: "admin" }] } });
    await expect(client("panel").send(raise)).rejects.toMatchObject(refused);
    const renamed = new UpdateCommand({ TableName: table(identityTable), Key: key, UpdateExpression: "SET #g = :admin", ExpressionAttributeNames: { "#g": "grants" }, ExpressionAttributeValues: { ":admin": [] } });
    await expect(client("directory").send(renamed)).rejects.toMatchObject(refused);
    const readBack = new UpdateCommand({ TableName: table(identityTable), Key: key, UpdateExpression: "SET expires_at = :e", ExpressionAttributeValues: { ":e": 1 }, ReturnValues: "ALL_OLD" });
    await expect(client("mentor").send(readBack)).rejects.toMatchObject(refused);
    await expect(client("council").send(new DeleteCommand({ TableName: table(identityTable), Key: key }))).rejects.toMatchObject(refused);
    // What the session check does is allowed.
    const extend = new UpdateCommand({ TableName: table(identityTable), Key: key, UpdateExpression: "SET expires_at = :e", ConditionExpression: "attribute_exists(pk)", ExpressionAttributeValues: { ":e": 4_000_000_000 } });
    await expect(client("panel").send(extend)).resolves.toBeDefined();
    const stored = await t.services.identity.store.getSession(session.hash);
    expect(stored?.grants).toEqual([{ role: "citizen" }]);
  });

  it("the audit log: a module may add a line, never replace, change, delete or read one", async () => {
    const line = { pk: "AUDIT#2026-11", sk: "2026-11-23T10:00:00.000Z#x", id: "x", at: "2026-11-23T10:00:00.000Z", actor_id: "a", actor_name: "A", action: "t", item: "t", summary: "first" };
    const create = (summary: string) => new PutCommand({ TableName: table(auditTable), Item: { ...line, summary }, ConditionExpression: "attribute_not_exists(pk)" });
    await expect(client("directory").send(create("first"))).resolves.toBeDefined();
    // The same key again: DynamoDB refuses the condition; without the condition the guard refuses the put.
    await expect(client("council").send(create("forged"))).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    await expect(client("council").send(new PutCommand({ TableName: table(auditTable), Item: { ...line, summary: "forged" } }))).rejects.toMatchObject(refused);
    await expect(client("council").send(new UpdateCommand({ TableName: table(auditTable), Key: { pk: line.pk, sk: line.sk }, UpdateExpression: "SET summary = :s", ExpressionAttributeValues: { ":s": "forged" } }))).rejects.toMatchObject(refused);
    await expect(client("mentor").send(new DeleteCommand({ TableName: table(auditTable), Key: { pk: line.pk, sk: line.sk } }))).rejects.toMatchObject(refused);
    await expect(client("panel").send(new QueryCommand({ TableName: table(auditTable), KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": line.pk } }))).rejects.toMatchObject(refused);
    // Inside a transaction too: each item is checked as the action it is.
    const overwrite = new TransactWriteCommand({ TransactItems: [{ Put: { TableName: table(auditTable), Item: { ...line, summary: "forged" } } }] });
    await expect(client("council").send(overwrite)).rejects.toMatchObject(refused);
    expect((await t.services.audit.list({ month: "2026-11" })).items.find((entry) => entry.id === "x")?.summary).toBe("first");
  });

  it("bites inside a module's handler: a route that reads another module's table answers 500 and logs AWS's refusal", async () => {
    // A module whose manifest grants the directory table only, with a route that also reads a person's profile.
    const manifest = { name: "nosy", prefixes: ["nosy"], tables: [{ table: directoryTable, actions: ["dynamodb:GetItem"] as const }], sendsMail: false, settings: [], jobs: [], publishes: [], handles: [], personalData: false };
    const nosy: ApiModule = {
      manifest,
      routes: ({ db, config }) =>
        new Hono<AppEnv>().get("/nosy", guard(access.public), async (c) =>
          c.json(await db.send(new GetCommand({ TableName: config.tableNames.directory, Key: { pk: "x", sk: "x" } })).then(() =>
            db.send(new GetCommand({ TableName: table(identityTable), Key: { pk: `PERSON#${session.person}`, sk: "PROFILE" } })),
          )),
        ),
    };
    const handler = moduleHandler(nosy, { env: moduleEnvironment(manifest, t.config) });
    const event = await toApiEvent(new Request("http://localhost/api/nosy"), { address: "127.0.0.1", port: 1, protocol: "http" }, "ANY /api/nosy", t.config.originVerifySecret);
    const lines: string[] = [];
    const original = console.error;
    console.error = (line: string) => void lines.push(line);
    try {
      const result = (await handler(event, { awsRequestId: "req-nosy-0001" } as Context)) as { statusCode: number };
      expect(result.statusCode).toBe(500);
    } finally {
      console.error = original;
    }
    expect(lines.join("\n")).toMatch(/AccessDeniedException.*not authorized to perform: dynamodb:GetItem on resource: table\/.*identity/);
  });
});
