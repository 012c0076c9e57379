import { describe, expect, it } from "vitest";
import { startLocalModules } from "../src/lambda-runner.ts";
import { createLocalApp } from "../src/server.ts";
import { freshTables } from "./tables.ts";

describe("/dev/outbox on one machine", () => {
  it("shows the newest sign-in mail with its code and a link that can be clicked", async () => {
    const { config } = await freshTables();
    const app = createLocalApp(config, await startLocalModules({ config }));
    const asked = await app.request("/api/identity/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "outbox<b>@example.dk" }),
    });
    // Not a valid email: nothing is sent, and the outbox says so plainly.
    expect(asked.status).toBe(400);
    expect(await (await app.request("/dev/outbox")).text()).toContain("Der er ingen mails endnu.");

    await app.request("/api/identity/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "outbox@example.dk" }),
    });
    const page = await app.request("/dev/outbox");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<h2>Din kode til Nærhed: \d{6}<\/h2>/);
    expect(html).toMatch(/<a href="http:\/\/localhost:3000\/logind\/link\?c=[0-9a-f-]{36}&amp;t=[A-Za-z0-9_-]{43}">/);
  });
});
