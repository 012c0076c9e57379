import { Hono } from "hono";
import { access } from "@naerhed/core/shared/access";
import { requireCentre } from "@naerhed/core/shared/centres";
import { message } from "@naerhed/core/shared/messages";
import { AuditQuery } from "@naerhed/core/shared/audit";
import { identityManifest } from "@naerhed/core/identity/manifest";
import {
  confirmErasure,
  exportPersonalData,
  keepExportPart,
  redriveErasures,
  requestErasure,
  type PersonalDataServices,
} from "@naerhed/core/identity/personal-data";
import { manifests } from "@naerhed/core/manifests";
import { personalDataModules } from "@naerhed/core/shared/manifest";
import { parseInput } from "@naerhed/core/shared/validation";
import { GrantRemoval, Invitation, PersonId } from "@naerhed/core/identity/person";
import {
  getMe,
  invite,
  removeGrant,
  SetPassword,
  setPassword,
  UpdateMe,
  updateMe,
} from "@naerhed/core/identity/people";
import { endAllSessions, endSession } from "@naerhed/core/identity/sessions";
import {
  calendarFile,
  CalendarToken,
  deliverNotice,
  getNoticeSettings,
  NoticeSettingsInput,
  sendDigests,
  StopInput,
  stopByLink,
  updateNoticeSettings,
} from "@naerhed/core/identity/notices";
import { refuseCardSession } from "@naerhed/core/identity/card-rules";
import { CardSignIn, issueCard, revokeCard, signInWithCard } from "@naerhed/core/identity/cards";
import { createLookedAfter, eraseOnBehalf, exportOnBehalf, listLookedAfter, LookedAfterInput, OnBehalf } from "@naerhed/core/identity/looked-after";
import { CentreId } from "@naerhed/core/shared/centre-id";
import * as v from "valibot";
import { PasswordSignIn, requestSignIn, SignInRequest, SignInVerify, signInWithPassword, verifySignIn } from "@naerhed/core/identity/sign-in";
import { actorOf, clearSessionCookie, guard, sessionToken, setSessionCookie } from "../shared/auth.ts";
import { clientAddress } from "../shared/client.ts";
import { readJson, type AppEnv } from "../shared/http.ts";
import type { ApiModule } from "../shared/module.ts";
import type { Services } from "../shared/services.ts";

/** Identity asks, over the bus, every module whose manifest says it holds personal data (the manifests are plain data). */
const personalData = (services: Services): PersonalDataServices => ({
  ...services.identity,
  publish: services.publish,
  modules: personalDataModules(manifests),
});

const CentrePath = v.object({ centre: CentreId });
const LookedAfterPath = v.object({ centre: CentreId, id: PersonId });
/** Staff of the centre manage the people it looks after (looked-after.ts checks the person is the centre's). */
const centreStaff = access.roleForCentre("centre", "staff");

/** Identity: sign-in, sessions, a person's own data, invitations and the audit log. */
export const identityModule: ApiModule = {
  manifest: identityManifest,
  jobs: {
    "erase-redrive": async (services) => void (await redriveErasures(personalData(services))),
    "notice-digest": async (services) => void (await sendDigests(services.identity)),
  },
  on: {
    "notice.requested": (services, request) => deliverNotice(services.identity, request),
    "personal-data.export-part": (services, detail) => keepExportPart(services.identity, detail),
    "personal-data.erased": (services, { person_id, module }) => confirmErasure(personalData(services), person_id, module),
  },
  routes: identityRoutes,
};

/** The identity module's routes; their type is what the site's API client reads (web/src/lib/api.ts). */
export function identityRoutes(services: Services) {
  const identity = services.identity;
  return (
    new Hono<AppEnv>()
      // Who is signed in, if anyone; the site asks on every page, so nobody gets a 401 for it.
      .get("/identity/session", guard(access.public), (c) => {
        const actor = c.get("actor");
        return c.json({ signed_in: actor !== null, person: actor });
      })
      .post("/identity/sign-in", guard(access.public), async (c) => {
        const input = parseInput(SignInRequest, await readJson(c));
        return c.json(await requestSignIn(identity, { ...input, language: input.language ?? c.get("language") }, clientAddress(c)), 202);
      })
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
      .post("/identity/sign-in/card", guard(access.public), async (c) => {
        const { person, token } = await signInWithCard(identity, parseInput(CardSignIn, await readJson(c)), clientAddress(c));
        setSessionCookie(c, token);
        return c.json({ person: { id: person.id, display_name: person.display_name, language: person.language } });
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
      .post("/identity/invitations", guard(access.role("staff", "admin")), async (c) => {
        const input = parseInput(Invitation, await readJson(c));
        if (input.centre_id !== undefined) await requireCentre(services.centres, input.centre_id, "centre_id");
        return c.json({ invitation: await invite(identity, actorOf(c), input) }, 201);
      })
      // Who may take which grant away is checked in the use case (the same rule as inviting).
      .delete("/identity/grants", guard(access.role("staff", "admin")), async (c) =>
        c.json(await removeGrant(identity, actorOf(c), parseInput(GrantRemoval, await readJson(c)))),
      )
      // People the centre looks after (issue 16): made, carded, exported and erased by its staff, with the person present.
      .get("/identity/centres/:centre/people", guard(centreStaff), async (c) => {
        const { centre } = parseInput(CentrePath, c.req.param());
        return c.json({ items: await listLookedAfter(identity, centre) });
      })
      .post("/identity/centres/:centre/people", guard(centreStaff), async (c) => {
        const { centre } = parseInput(CentrePath, c.req.param());
        await requireCentre(services.centres, centre, "centre");
        return c.json({ person: await createLookedAfter(identity, actorOf(c), centre, parseInput(LookedAfterInput, await readJson(c))) }, 201);
      })
      .post("/identity/centres/:centre/people/:id/card", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(LookedAfterPath, c.req.param());
        parseInput(OnBehalf, await readJson(c));
        // The typed code and the QR token are in this answer only: the page prints them, nothing stores them.
        c.header("cache-control", "no-store");
        return c.json({ card: await issueCard(identity, actorOf(c), centre, id) }, 201);
      })
      .delete("/identity/centres/:centre/people/:id/card", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(LookedAfterPath, c.req.param());
        parseInput(OnBehalf, await readJson(c));
        await revokeCard(identity, actorOf(c), centre, id);
        return c.body(null, 204);
      })
      .post("/identity/centres/:centre/people/:id/export", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(LookedAfterPath, c.req.param());
        parseInput(OnBehalf, await readJson(c));
        const result = await exportOnBehalf(personalData(services), actorOf(c), centre, id);
        if (!result.ready) {
          c.header("retry-after", "30");
          return c.json({ status: "preparing", message: message("export_not_ready", c.get("language")), missing: result.missing }, 202);
        }
        c.header("content-disposition", 'attachment; filename="naerhed-data.json"');
        return c.json(result.data);
      })
      .delete("/identity/centres/:centre/people/:id", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(LookedAfterPath, c.req.param());
        parseInput(OnBehalf, await readJson(c));
        await eraseOnBehalf(personalData(services), actorOf(c), centre, id);
        return c.body(null, 204);
      })
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
      // What reaches me, and how: per kind now / weekly / never, by mail, SMS or both.
      .get("/me/notices", guard(access.signedIn), async (c) => c.json(await getNoticeSettings(identity, actorOf(c))))
      .put("/me/notices", guard(access.signedIn), async (c) =>
        c.json(await updateNoticeSettings(identity, actorOf(c), parseInput(NoticeSettingsInput, await readJson(c)))),
      )
      // "Stop these messages" from the message itself: no session, the signed token is the right.
      .post("/identity/notices/stop", guard(access.public), async (c) => c.json(await stopByLink(identity, parseInput(StopInput, await readJson(c)))))
      // A notice's calendar file: the unguessable token in the link is the right (as the link in a sign-in mail).
      .get("/identity/calendar/:token", guard(access.public), async (c) => {
        const calendar = await calendarFile(identity, parseInput(CalendarToken, c.req.param("token")));
        c.header("content-type", "text/calendar; charset=utf-8");
        c.header("content-disposition", 'attachment; filename="naerhed.ics"');
        c.header("cache-control", "private, no-store");
        return c.body(calendar);
      })
      .get("/me/export", guard(access.signedIn), async (c) => {
        // Whoever holds a card must not carry the person's data away: staff export it with them (docs/sign-in-cards.md).
        refuseCardSession(actorOf(c));
        const result = await exportPersonalData(personalData(services), actorOf(c).person_id);
        if (!result.ready) {
          // A module is slow to answer: the parts that came are kept, and the next try finds the rest.
          c.header("retry-after", "30");
          return c.json({ status: "preparing", message: message("export_not_ready", c.get("language")), missing: result.missing }, 202);
        }
        c.header("content-disposition", 'attachment; filename="naerhed-mine-data.json"');
        return c.json(result.data);
      })
      .delete("/me", guard(access.signedIn), async (c) => {
        refuseCardSession(actorOf(c));
        // Signed out everywhere at once; every module is asked to erase, and identity erases itself after the last one confirmed.
        await requestErasure(personalData(services), actorOf(c).person_id);
        clearSessionCookie(c);
        return c.body(null, 204);
      })
  );
}

export type IdentityRoutes = ReturnType<typeof identityRoutes>;
