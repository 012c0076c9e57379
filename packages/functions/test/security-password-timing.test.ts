import { beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword, verifyPassword } from "@naerhed/core/shared/secrets";
import { json, testApi } from "./support.ts";

/**
 * Password sign-in took 80–130 ms for an account with a password and 20–45 ms for others: the
 * time said who has one. No timed assertion here (the machine is shared): instead the test
 * counts the work that takes the time — the scrypt check and the DynamoDB requests — and wants
 * the same for every kind of wrong answer.
 */

vi.mock("@naerhed/core/shared/secrets", async (importOriginal) => {
  const real = await importOriginal<typeof import("@naerhed/core/shared/secrets")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

let t: Awaited<ReturnType<typeof testApi>>;
let databaseRequests = 0;

beforeAll(async () => {
  t = await testApi();
  const send = t.services.db.send.bind(t.services.db);
  t.services.db.send = ((command: never, ...rest: never[]) => {
    databaseRequests++;
    return send(command, ...rest);
  }) as typeof t.services.db.send;
});

async function work(email: string, from: string) {
  vi.mocked(verifyPassword).mockClear();
  databaseRequests = 0;
  const response = await t.api.request("/api/identity/sign-in/password", { method: "POST", ...json({ email, password: "et forkert kodeord" }) }, { clientAddress: from });
  expect(response.status).toBe(400);
  expect(((await response.json()) as { error: { message: string } }).error.message).toBe("Mailen eller adgangskoden er forkert.");
  return { scrypt: vi.mocked(verifyPassword).mock.calls.length, databaseRequests };
}

describe("a wrong password sign-in", () => {
  it("costs the same whether the email is unknown, has no password, or has one", async () => {
    const withPassword = await t.personWith([{ role: "staff", centre_id: "nord" }]);
    await t.services.identity.store.setPasswordHash(withPassword.person.id, await hashPassword("det rigtige kodeord"));
    const withoutPassword = await t.personWith([{ role: "staff", centre_id: "nord" }]);

    const unknown = await work("nobody@example.dk", "192.0.2.1");
    const noPassword = await work(withoutPassword.person.email, "192.0.2.2");
    const hasPassword = await work(withPassword.person.email, "192.0.2.3");
    expect(hasPassword.scrypt).toBe(1);
    expect(noPassword).toEqual(hasPassword);
    expect(unknown).toEqual(hasPassword);
  });
});
