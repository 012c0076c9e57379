import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import { LAMBDA_TIMEOUT_MS } from "../../local/src/lambda-runner.ts";
import { json, testApi } from "./support.ts";

/** The local runner gives each invocation the deployed function's timeout (stacks/function-defaults.ts), as Lambda does. */
describe("a module function's timeout, locally as on AWS", () => {
  it("answers a request still running at the function's 10 seconds with API Gateway's own 500", async () => {
    // A mail service that answers only after the function's time is up.
    const t = await testApi({
      mailer: (outbox) => ({
        async send(mail) {
          await sleep(LAMBDA_TIMEOUT_MS + 1_000);
          await outbox.send(mail);
        },
      }),
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await t.api.request("/api/identity/sign-in", { method: "POST", ...json({ email: "slow@example.dk" }, { origin: "http://localhost:3000" }) });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: "Internal Server Error" });
    expect(logged.mock.calls.flat().join("\n")).toContain(`Task timed out after ${(LAMBDA_TIMEOUT_MS / 1000).toFixed(2)} seconds`);
    logged.mockRestore();
  });
});
