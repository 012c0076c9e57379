import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startDynamoLocal, type DynamoLocal } from "../src/dynamo-local.ts";
import { startPlatform, type Platform } from "../src/server.ts";

/** DynamoDB stops while the server runs, then comes back: the server must not need a restart. */

const dataDir = mkdtempSync(join(tmpdir(), "naerhed-fault-"));
let platform: Platform;
let restarted: DynamoLocal | undefined;

beforeAll(async () => {
  platform = await startPlatform({ port: 0, dataDir, quiet: true });
});
afterAll(async () => {
  await platform.stop();
  await restarted?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const offers = () => fetch(`${platform.url}/api/directory/offers?limit=5`, { headers: { "accept-language": "da" } });

describe("when DynamoDB goes away and comes back", () => {
  it("answers 503 'try again in a moment' during the outage and serves the same data afterwards", async () => {
    const before = await offers();
    expect(before.status).toBe(200);
    const names = ((await before.json()) as { items: { name: string }[] }).items.map((offer) => offer.name);
    expect(names).toHaveLength(5);

    await platform.dynamo.stop();
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const during = await offers();
    expect(during.status).toBe(503);
    const text = await during.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: "unavailable", message: "Vi kan ikke hente data lige nu. Prøv igen om et øjeblik." } });
    expect(text).not.toMatch(/ECONNREFUSED|stack|at /);

    restarted = await startDynamoLocal({ port: platform.dynamo.port, dataDir });
    const after = await offers();
    expect(after.status).toBe(200);
    expect(((await after.json()) as { items: { name: string }[] }).items.map((offer) => offer.name)).toEqual(names);
  });
});
