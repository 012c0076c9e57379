import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { access, decide } from "../src/shared/access.ts";
import { Grant, Invitation, type Actor } from "../src/identity/person.ts";
import { mayInvite } from "../src/identity/people.ts";

const actor = (...grants: Actor["grants"]): Actor => ({ person_id: "p", display_name: "P", language: "da", grants });

describe("decide", () => {
  it("lets anyone through a public rule, and nobody unsigned through any other", () => {
    expect(decide(access.public, null)).toBe("allow");
    expect(decide(access.signedIn, null)).toBe("unauthenticated");
    expect(decide(access.owner, null)).toBe("unauthenticated");
    expect(decide(access.role("staff"), null)).toBe("unauthenticated");
  });

  it("checks a centre-scoped role against the centre in the path", () => {
    const staffNord = actor({ role: "staff", centre_id: "nord" });
    expect(decide(access.roleForCentre("centre", "staff"), staffNord, { centre: "nord" })).toBe("allow");
    expect(decide(access.roleForCentre("centre", "staff"), staffNord, { centre: "syd" })).toBe("forbidden");
    expect(decide(access.roleForCentre("centre", "staff"), staffNord, {})).toBe("forbidden");
    expect(decide(access.role("council_member"), staffNord)).toBe("forbidden");
  });

  it("lets admins through every role rule", () => {
    expect(decide(access.roleForCentre("centre", "staff"), actor({ role: "admin" }), { centre: "syd" })).toBe("allow");
  });
});

describe("grants", () => {
  it.each([
    [{ role: "citizen" }, true],
    [{ role: "admin" }, true],
    [{ role: "staff", centre_id: "nord" }, true],
    [{ role: "staff" }, false],
    [{ role: "citizen", centre_id: "nord" }, false],
    // A well-formed id passes the schema; whether it is a stored centre the invitation route checks (organisation.test.ts).
    [{ role: "mentor", centre_id: "Atlantis!" }, false],
    [{ role: "king" }, false],
  ])("%j is valid: %s", (grant, valid) => {
    expect(v.is(Grant, grant)).toBe(valid);
  });

  it("normalises an invited email", () => {
    expect(v.parse(Invitation, { email: " A.B@Example.DK ", display_name: "A", role: "citizen" }).email).toBe("a.b@example.dk");
  });
});

describe("who may invite whom", () => {
  const staffNord = actor({ role: "staff", centre_id: "nord" });
  it.each([
    [{ role: "council_member", centre_id: "nord" }, true],
    [{ role: "mentor", centre_id: "nord" }, true],
    [{ role: "mentor", centre_id: "syd" }, false],
    [{ role: "staff", centre_id: "nord" }, false],
    [{ role: "admin" }, false],
    [{ role: "citizen" }, false],
  ] as const)("staff at nord inviting %j: %s", (grant, allowed) => {
    expect(mayInvite(staffNord, grant)).toBe(allowed);
  });

  it("admins invite staff anywhere", () => {
    expect(mayInvite(actor({ role: "admin" }), { role: "staff", centre_id: "syd" })).toBe(true);
  });
});
