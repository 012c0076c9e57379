import { Hono } from "hono";
import { access } from "@naerhed/core/shared/access";
import { AuditQuery } from "@naerhed/core/shared/audit";
import { identityTable } from "@naerhed/core/shared/tables";
import { parseInput } from "@naerhed/core/shared/validation";
import { GrantRemoval, Invitation } from "@naerhed/core/identity/person";
import {
  eraseIdentityData,
  exportIdentityData,
  getMe,
  invite,
  removeGrant,
  SetPassword,
  setPassword,
  UpdateMe,
  updateMe,
} from "@naerhed/core/identity/people";
import { endAllSessions, endSession } from "@naerhed/core/identity/sessions";
import { PasswordSignIn, requestSignIn, SignInRequest, SignInVerify, signInWithPassword, verifySignIn } from "@naerhed/core/identity/sign-in";
import { actorOf, clearSessionCookie, guard, sessionToken, setSessionCookie } from "../shared/auth.ts";
import { clientAddress } from "../shared/client.ts";
import { readJson, type AppEnv } from "../shared/http.ts";
import type { ApiModule } from "../shared/module.ts";
import type { Services } from "../shared/services.ts";

/** Identity: sign-in, sessions, a person's own data, invitations and the audit log. */

export const identityModule: ApiModule = {
  name: "identity",
  prefixes: ["identity", "me"],
  tables: [identityTable],
  personalData: {
    export: (services, personId) => exportIdentityData(services.identity, personId),
    erase: (services, personId) => eraseIdentityData(services.identity, personId),
  },
  routes: (services: Services, modules: readonly ApiModule[]) => {
    const identity = services.identity;
    // Every module served here that holds personal data; identity is first, so it is erased last.
    const holders = modules.flatMap((module) => (module.personalData ? [[module.name, module.personalData] as const] : []));
    return (
      new Hono<AppEnv>()
        // Who is signed in, if anyone; the site asks on every page, so nobody gets a 401 for it.
        .get("/identity/session", guard(access.public), (c) => {
          const actor = c.get("actor");
          return c.json({ signed_in: actor !== null, person: actor });
        })
        .post("/identity/sign-in", guard(access.public), async (c) =>
          c.json(await requestSignIn(identity, parseInput(SignInRequest, await readJson(c)), clientAddress(c)), 202),
        )
        .post("/identity/sign-in/verify", guard(access.public), async (c) => {
          const { person, token } = await verifySignIn(identity, parseInput(SignInVerify, await readJson(c)), clientAddress(c));
          setSessionCookie(c, token);
          return c.json({ person });
        })
        .post("/identity/sign-in/password", guard(access.public), async (c) => {
          const { person, token } = await signInWithPassword(identity, parseInput(PasswordSignIn, await readJson(c)), clientAddress(c));
          setSessionCookie(c, token);
          return c.json({ person });
        })
        .post("/identity/sign-out", guard(access.signedIn), async (c) => {
          await endSession(identity.store, sessionToken(c)!);
          clearSessionCookie(c);
          return c.body(null, 204);
        })
        .post("/identity/sign-out-everywhere", guard(access.signedIn), async (c) => {
          await endAllSessions(identity.store, actorOf(c).person_id);
          clearSessionCookie(c);
          return c.body(null, 204);
        })
        .post("/identity/invitations", guard(access.role("staff", "admin")), async (c) =>
          c.json({ invitation: await invite(identity, actorOf(c), parseInput(Invitation, await readJson(c))) }, 201),
        )
        // Who may take which grant away is checked in the use case (the same rule as inviting).
        .delete("/identity/grants", guard(access.role("staff", "admin")), async (c) =>
          c.json(await removeGrant(identity, actorOf(c), parseInput(GrantRemoval, await readJson(c)))),
        )
        .get("/identity/audit", guard(access.role("admin")), async (c) =>
          c.json(await services.audit.list(parseInput(AuditQuery, c.req.query()))),
        )
        .get("/me", guard(access.signedIn), async (c) => c.json({ person: await getMe(identity, actorOf(c)) }))
        .patch("/me", guard(access.signedIn), async (c) =>
          c.json({ person: await updateMe(identity, actorOf(c), parseInput(UpdateMe, await readJson(c))) }),
        )
        .post("/me/password", guard(access.role("staff", "admin")), async (c) => {
          await setPassword(identity, actorOf(c), parseInput(SetPassword, await readJson(c)));
          return c.body(null, 204);
        })
        .get("/me/export", guard(access.signedIn), async (c) => {
          const personId = actorOf(c).person_id;
          const parts = await Promise.all(holders.map(async ([name, data]) => [name, await data.export(services, personId)] as const));
          c.header("content-disposition", 'attachment; filename="naerhed-mine-data.json"');
          return c.json({ exported_at: services.now().toISOString(), ...Object.fromEntries(parts) });
        })
        .delete("/me", guard(access.signedIn), async (c) => {
          const personId = actorOf(c).person_id;
          // Identity last: until then the person can still sign in and try again if a part fails.
          for (const [, data] of [...holders].reverse()) await data.erase(services, personId);
          clearSessionCookie(c);
          return c.body(null, 204);
        })
    );
  },
};
