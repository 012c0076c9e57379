import { beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "@naerhed/core/shared/secrets";
import { eraseIdentityData } from "@naerhed/core/identity/personal-data";
import { cookieFrom, json, testApi } from "./support.ts";

let t: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  t = await testApi();
});

const call = (method: string, path: string, cookie?: string, body?: unknown) =>
  t.api.request(path, { method, ...(body === undefined ? { headers: {} } : json(body)), ...(cookie ? { headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), cookie } } : {}) });

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe("sessions", () => {
  it("end on sign-out: the same cookie then gets 401 'signed out, sign in again'", async () => {
    const { cookie } = await t.personWith([{ role: "citizen" }]);
    expect((await call("GET", "/api/me", cookie)).status).toBe(200);
    const out = await call("POST", "/api/identity/sign-out", cookie);
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/naerhed_session=;/);
    const after = await call("GET", "/api/me", cookie);
    expect(after.status).toBe(401);
    expect((await errorOf(after)).message).toBe("Du er blevet logget ud. Log ind igen.");
  });

  it("all end on 'sign out everywhere'", async () => {
    const first = await t.personWith([{ role: "citizen" }]);
    const { startSession } = await import("@naerhed/core/identity/sessions");
    const second = `naerhed_session=${await startSession(t.services.identity, first.person)}`;
    expect((await call("POST", "/api/identity/sign-out-everywhere", first.cookie)).status).toBe(204);
    expect((await call("GET", "/api/me", first.cookie)).status).toBe(401);
    expect((await call("GET", "/api/me", second)).status).toBe(401);
  });

  it("slide: use within 14 days keeps the session alive, 14 idle days end it", async () => {
    const { cookie, token } = await t.personWith([{ role: "citizen" }]);
    const before = (await t.services.identity.store.getSession(sha256(token)))!.expires_at;
    t.advance(2 * 24 * 3600);
    expect((await call("GET", "/api/me", cookie)).status).toBe(200);
    const after = (await t.services.identity.store.getSession(sha256(token)))!.expires_at;
    expect(after - before).toBe(2 * 24 * 3600);
    t.advance(14 * 24 * 3600);
    expect((await call("GET", "/api/me", cookie)).status).toBe(401);
  });

  it("treat a tampered cookie as signed out, and remove it", async () => {
    const response = await call("GET", "/api/me", "naerhed_session=not-a-real-token");
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe("session_expired");
    expect(response.headers.get("set-cookie")).toMatch(/naerhed_session=;/);
  });

  it("are reported by /identity/session without a 401 when nobody is signed in", async () => {
    const response = await call("GET", "/api/identity/session");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ signed_in: false, person: null });
  });
});

describe("my page", () => {
  it("changes my name and language; the open session sees the change at once", async () => {
    const { cookie } = await t.personWith([{ role: "citizen" }]);
    const response = await call("PATCH", "/api/me", cookie, { display_name: "  Karen Hansen ", language: "en" });
    expect(response.status).toBe(200);
    const session = (await (await call("GET", "/api/identity/session", cookie)).json()) as { person: { display_name: string; language: string } };
    expect(session.person).toMatchObject({ display_name: "Karen Hansen", language: "en" });
  });

  it("refuses an empty name and keeps the old one", async () => {
    const { cookie, person } = await t.personWith([{ role: "citizen" }], "Gammelt Navn");
    const response = await call("PATCH", "/api/me", cookie, { display_name: "   " });
    expect(response.status).toBe(400);
    expect((await t.services.identity.store.getPerson(person.id))!.display_name).toBe("Gammelt Navn");
  });
});

describe("invitations", () => {
  it("let staff invite a council member for their own centre: the person gets the grant, a mail, and the audit log a line", async () => {
    const staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
    const response = await call("POST", "/api/identity/invitations", staff.cookie, {
      email: "Ny.Raad@example.dk",
      display_name: "Niels Rådsmedlem",
      role: "council_member",
      centre_id: "nord",
    });
    expect(response.status).toBe(201);
    const person = (await t.services.identity.store.getPerson((await t.services.identity.store.findPersonId("ny.raad@example.dk"))!))!;
    expect(await response.json()).toEqual({
      invitation: { person_id: person.id, email: "ny.raad@example.dk", display_name: "Niels Rådsmedlem", grant: { role: "council_member", centre_id: "nord" } },
    });
    expect(person.grants).toEqual([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }]);
    const mail = (await t.services.identity.store.listMail(10)).find((m) => m.to === "ny.raad@example.dk")!;
    expect(mail.text).toContain("Sara Staff har inviteret dig til Nærhed som medlem af borgerrådet.");

    const admin = await t.personWith([{ role: "admin" }]);
    const log = (await (await call("GET", `/api/identity/audit?person=${staff.person.id}`, admin.cookie)).json()) as {
      items: { action: string; item: string; actor_name: string }[];
    };
    expect(log.items).toEqual([expect.objectContaining({ action: "identity.invite", item: `identity:person:${person.id}`, actor_name: "Sara Staff" })]);
    // Should the invitee erase themselves, the log must not still hold their email.
    expect(JSON.stringify(log.items)).not.toContain("ny.raad@example.dk");
  });

  it("give an existing session the new role without signing in again", async () => {
    const mentorToBe = await t.personWith([{ role: "citizen" }]);
    const staff = await t.personWith([{ role: "staff", centre_id: "syd" }]);
    const invited = await call("POST", "/api/identity/invitations", staff.cookie, {
      email: mentorToBe.person.email,
      display_name: "Mads",
      role: "mentor",
      centre_id: "syd",
    });
    expect(invited.status).toBe(201);
    const session = (await (await call("GET", "/api/identity/session", mentorToBe.cookie)).json()) as { person: { grants: unknown[] } };
    expect(session.person.grants).toContainEqual({ role: "mentor", centre_id: "syd" });
  });

  it.each([
    ["a council member for another centre", { role: "council_member", centre_id: "syd" }, 403, "invite_not_allowed"],
    ["a staff member", { role: "staff", centre_id: "nord" }, 403, "invite_not_allowed"],
    ["an admin", { role: "admin" }, 403, "invite_not_allowed"],
    ["a role for a centre that does not exist", { role: "mentor", centre_id: "vest" }, 400, "invalid_input"],
    ["a centre role without a centre", { role: "mentor" }, 400, "invalid_input"],
  ])("refuse staff inviting %s, and store nothing", async (_what, grant, status, code) => {
    const staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
    const email = `refused-${status}-${Math.random().toString(36).slice(2)}@example.dk`;
    const response = await call("POST", "/api/identity/invitations", staff.cookie, { email, display_name: "X", ...grant });
    expect(response.status).toBe(status);
    expect((await errorOf(response)).code).toBe(code);
    expect(await t.services.identity.store.findPersonId(email)).toBeUndefined();
  });

  it("let admins invite staff", async () => {
    const admin = await t.personWith([{ role: "admin" }]);
    const response = await call("POST", "/api/identity/invitations", admin.cookie, {
      email: "ny.staff@example.dk",
      display_name: "Nina",
      role: "staff",
      centre_id: "midt",
    });
    expect(response.status).toBe(201);
  });
});

describe("passwords", () => {
  it("are optional for staff, and then work for signing in", async () => {
    const staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
    expect((await call("POST", "/api/me/password", staff.cookie, { password: "kort" })).status).toBe(400);
    expect((await call("POST", "/api/me/password", staff.cookie, { password: "en lang og god adgangskode" })).status).toBe(204);
    const wrong = await call("POST", "/api/identity/sign-in/password", undefined, { email: staff.person.email, password: "forkert forkert" });
    expect(wrong.status).toBe(400);
    const right = await call("POST", "/api/identity/sign-in/password", undefined, { email: staff.person.email, password: "en lang og god adgangskode" });
    expect(right.status).toBe(200);
    expect(cookieFrom(right)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("are never for citizens", async () => {
    const citizen = await t.personWith([{ role: "citizen" }]);
    expect((await call("POST", "/api/me/password", citizen.cookie, { password: "en lang og god adgangskode" })).status).toBe(403);
  });
});

describe("the audit log", () => {
  // Found by the fuzz test: a well-formed cursor from another partition reached DynamoDB, which failed the query (500).
  it("refuses a page cursor from another month, person or item with 400 and a message, not a 500", async () => {
    const admin = await t.personWith([{ role: "admin" }]);
    const cursor = (key: Record<string, string>) => Buffer.from(JSON.stringify(key)).toString("base64url");
    const month = t.clock.now.toISOString().slice(0, 7);
    expect((await call("GET", `/api/identity/audit?cursor=${cursor({ pk: `AUDIT#${month}`, sk: "z" })}`, admin.cookie)).status).toBe(200);
    for (const query of [
      `cursor=${cursor({ pk: "AUDIT#2020-01", sk: "z" })}`,
      `month=2026-10&cursor=${cursor({ pk: `AUDIT#${month}`, sk: "z" })}`,
      `person=${admin.person.id}&cursor=${cursor({ pk: "x", sk: "z", actor_id: "019ab000-0000-7000-8000-000000000001" })}`,
      `item=person/x&cursor=${cursor({ pk: "x", sk: "z", item: "person/y" })}`,
    ]) {
      const response = await call("GET", `/api/identity/audit?${query}`, admin.cookie);
      expect(response.status, query).toBe(400);
      const error = (await response.json()) as { error: { fields: { field: string; message: string }[] } };
      expect(error.error.fields).toEqual([{ field: "cursor", message: "Linket til næste side virker ikke. Start forfra på listen." }]);
    }
  });
});

describe("my data (GDPR)", () => {
  it("export holds what is stored about me and no secrets", async () => {
    const { cookie, person, token } = await t.personWith([{ role: "citizen" }], "Eksport Person");
    const response = await call("GET", "/api/me/export", cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/attachment/);
    const text = await response.text();
    const data = JSON.parse(text) as { identity: { person: { id: string }; sessions: unknown[] } };
    expect(data.identity.person.id).toBe(person.id);
    expect(data.identity.sessions).toHaveLength(1);
    expect(text).not.toContain(token);
    expect(text).not.toContain(sha256(token));
  });

  it("delete erases me and my sessions; a later sign-in starts afresh; erasing twice is harmless", async () => {
    const { cookie, person } = await t.personWith([{ role: "citizen" }]);
    const response = await call("DELETE", "/api/me", cookie);
    expect(response.status).toBe(204);
    expect(await t.services.identity.store.getPerson(person.id)).toBeUndefined();
    expect(await t.services.identity.store.findPersonId(person.email)).toBeUndefined();
    expect(await t.services.identity.store.sessionsOf(person.id)).toEqual([]);
    expect((await call("GET", "/api/me", cookie)).status).toBe(401);
    await expect(eraseIdentityData(t.services.identity, person.id)).resolves.toBeUndefined();
  });
});
