import { beforeAll, describe, expect, it } from "vitest";
import { startSession } from "@naerhed/core/identity/sessions";
import { SESSION_COOKIE } from "../src/shared/auth.ts";
import { json, testApi } from "./support.ts";

/**
 * Roles can be taken away, and invitations tell nothing about an existing account. The gaps:
 * no way to remove a grant at all; inviting an email that already had an account answered with
 * that person's name, id and every role they held.
 */

let t: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  t = await testApi();
});

const call = (method: string, path: string, cookie: string, body?: unknown) =>
  t.api.request(path, { method, ...(body === undefined ? { headers: { cookie } } : json(body, { cookie })) });
const remove = (cookie: string, body: unknown) => call("DELETE", "/api/identity/grants", cookie, body);
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe("removing a grant", () => {
  it("lets an admin take staff away; it ends at once in every session of that person, and is audited", async () => {
    const admin = await t.personWith([{ role: "admin" }], "Anne Admin");
    const staff = await t.personWith([{ role: "citizen" }, { role: "staff", centre_id: "nord" }]);
    const secondSession = `${SESSION_COOKIE}=${await startSession(t.services.identity, staff.person)}`;
    for (const cookie of [staff.cookie, secondSession]) expect((await call("GET", "/api/directory/centres/nord/offers", cookie)).status).toBe(200);

    const response = await remove(admin.cookie, { email: staff.person.email, role: "staff", centre_id: "nord" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ removed: { role: "staff", centre_id: "nord" } });
    for (const cookie of [staff.cookie, secondSession]) {
      expect((await call("GET", "/api/directory/centres/nord/offers", cookie)).status).toBe(403);
      expect((await call("GET", "/api/me", cookie)).status).toBe(200);
    }
    expect((await t.services.identity.store.getPerson(staff.person.id))!.grants).toEqual([{ role: "citizen" }]);

    const log = await t.services.audit.list({ item: `identity:person:${staff.person.id}` });
    expect(log.items).toEqual([expect.objectContaining({ action: "identity.grant.remove", actor_name: "Anne Admin", summary: JSON.stringify({ removed: { role: "staff", centre_id: "nord" } }) })]);
  });

  it("lets staff take council member and mentor grants of their own centre, and nothing else", async () => {
    const staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
    const person = await t.personWith([
      { role: "citizen" },
      { role: "council_member", centre_id: "nord" },
      { role: "mentor", centre_id: "nord" },
      { role: "council_member", centre_id: "syd" },
      { role: "staff", centre_id: "nord" },
    ]);
    const email = person.person.email;
    const member = await t.personWith([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }]);
    expect((await call("GET", "/api/council/centres/nord/inbox", member.cookie)).status).toBe(200);
    expect((await remove(staff.cookie, { email: member.person.email, role: "council_member", centre_id: "nord" })).status).toBe(200);
    expect((await call("GET", "/api/council/centres/nord/inbox", member.cookie)).status).toBe(403);

    expect((await remove(staff.cookie, { email, role: "council_member", centre_id: "nord" })).status).toBe(200);
    expect((await remove(staff.cookie, { email, role: "mentor", centre_id: "nord" })).status).toBe(200);
    for (const grant of [{ role: "council_member", centre_id: "syd" }, { role: "staff", centre_id: "nord" }, { role: "citizen" }]) {
      const refused = await remove(staff.cookie, { email, ...grant });
      expect(refused.status, JSON.stringify(grant)).toBe(403);
      expect((await errorOf(refused)).code).toBe("grant_remove_not_allowed");
    }
    expect((await t.services.identity.store.getPerson(person.person.id))!.grants).toEqual([
      { role: "citizen" },
      { role: "council_member", centre_id: "syd" },
      { role: "staff", centre_id: "nord" },
    ]);
  });

  it("answers an unknown email like an email without the grant, so it says nothing about who has an account", async () => {
    const staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
    const citizen = await t.personWith([{ role: "citizen" }]);
    const unknown = await remove(staff.cookie, { email: "nobody-here@example.dk", role: "mentor", centre_id: "nord" });
    const notHeld = await remove(staff.cookie, { email: citizen.person.email, role: "mentor", centre_id: "nord" });
    expect([unknown.status, notHeld.status]).toEqual([404, 404]);
    expect(await errorOf(unknown)).toEqual(await errorOf(notHeld));
  });

  it("keeps an admin from removing their own admin role, so a slip cannot leave nobody to administer", async () => {
    const admin = await t.personWith([{ role: "admin" }]);
    const response = await remove(admin.cookie, { email: admin.person.email, role: "admin" });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe("grant_own_admin");
    const other = await t.personWith([{ role: "admin" }]);
    expect((await remove(other.cookie, { email: admin.person.email, role: "admin" })).status).toBe(200);
  });

  it("is refused to citizens, council members and mentors", async () => {
    const target = await t.personWith([{ role: "citizen" }, { role: "mentor", centre_id: "nord" }]);
    for (const grants of [[{ role: "citizen" as const }], [{ role: "council_member" as const, centre_id: "nord" as const }], [{ role: "mentor" as const, centre_id: "nord" as const }]]) {
      const { cookie } = await t.personWith(grants);
      expect((await remove(cookie, { email: target.person.email, role: "mentor", centre_id: "nord" })).status).toBe(403);
    }
  });
});

describe("inviting an email that already has an account", () => {
  it("answers as for a new person: no name or other roles of the account", async () => {
    const staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
    const existing = await t.personWith([{ role: "citizen" }, { role: "mentor", centre_id: "syd" }, { role: "council_member", centre_id: "midt" }], "Hemmelig Hansen");
    const invite = (email: string) => call("POST", "/api/identity/invitations", staff.cookie, { email, display_name: "Ny Person", role: "council_member", centre_id: "nord" });

    const forNew = await invite("brand-new@example.dk");
    const forExisting = await invite(existing.person.email);
    expect([forNew.status, forExisting.status]).toEqual([201, 201]);
    const [newBody, existingBody] = [await forNew.json(), await forExisting.json()];
    const text = JSON.stringify(existingBody);
    for (const secret of ["Hemmelig Hansen", "syd", "midt", "mentor"]) expect(text).not.toContain(secret);
    const newInvitation = (newBody as { invitation: { person_id: string } }).invitation;
    expect(existingBody).toEqual({ invitation: { ...newInvitation, person_id: existing.person.id, email: existing.person.email } });
    // The grant was still given.
    expect((await t.services.identity.store.getPerson(existing.person.id))!.grants).toContainEqual({ role: "council_member", centre_id: "nord" });
  });
});
