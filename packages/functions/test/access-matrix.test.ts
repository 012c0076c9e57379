import { beforeAll, describe, expect, it } from "vitest";
import type { AccessRule } from "@naerhed/core/shared/access";
import type { Grant } from "@naerhed/core/identity/person";
import { createApi } from "../src/app.ts";
import { apiModules, listRoutes, personas, type Route } from "./routes.ts";
import { testApi } from "./support.ts";

/**
 * Every registered route of every module, called by every kind of person. The expected
 * answer is worked out here from the route's declared rule, independently of the guard's
 * own code: anonymous → 401 unless public; a person without the role → 403; else neither.
 */

const PARAMS: Record<string, string> = { id: "019ab000-0000-7000-8000-0000000000ff", centre: "nord" };

function expected(rule: AccessRule, grants: Grant[] | null): "allowed" | 401 | 403 {
  if (rule.kind === "public") return "allowed";
  if (grants === null) return 401;
  if (rule.kind !== "role") return "allowed";
  const centre = rule.centreParam ? PARAMS[rule.centreParam] : undefined;
  const holds = grants.some((g) => g.role === "admin" || (rule.roles.includes(g.role) && (centre === undefined || g.centre_id === centre)));
  return holds ? "allowed" : 403;
}

let t: Awaited<ReturnType<typeof testApi>>;
let routes: Route[];

beforeAll(async () => {
  t = await testApi();
  // Listed from the modules' own apps; every call below goes through each module's Lambda handler.
  routes = listRoutes(createApi(await apiModules(), t.config));
});

describe("authorization of every route", () => {
  it("finds the routes of every module", () => {
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(["/api/directory/offers", "/api/identity/sign-in", "/api/me"]));
  });

  it("has a declared rule on every route", () => {
    expect(routes.filter((route) => route.rule === undefined).map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  it("declares exactly the rules we mean, so loosening one is a visible change", () => {
    const describeRule = (rule: AccessRule) =>
      rule.kind === "role" ? `role:${rule.roles.join("|")}${rule.centreParam ? `@${rule.centreParam}` : ""}` : rule.kind;
    expect(Object.fromEntries(routes.map((route) => [`${route.method} ${route.path}`, describeRule(route.rule!)]))).toEqual({
      // Each module's health (functions/shared/health.ts).
      "GET /api/identity/health": "public",
      "GET /api/directory/health": "public",
      "GET /api/panel/health": "public",
      "GET /api/mentor/health": "public",
      "GET /api/council/health": "public",
      "GET /api/organisation/health": "public",
      // The site organisation and its centres: anyone reads them (header, footer, centre names); admins change them.
      "GET /api/organisation/site": "public",
      "PUT /api/organisation/site": "role:admin",
      "PUT /api/organisation/site/logo": "role:admin",
      "DELETE /api/organisation/site/logo": "role:admin",
      "GET /api/organisation/site/logo/:file": "public",
      "POST /api/organisation/setup/complete": "role:admin",
      "POST /api/organisation/centres": "role:admin",
      "GET /api/organisation/centres/:centre": "public",
      "PUT /api/organisation/centres/:centre": "role:admin",
      "POST /api/organisation/centres/:centre/close": "role:admin",
      "GET /api/organisation/places/:postcode": "public",
      "GET /api/identity/session": "public",
      "POST /api/identity/sign-in": "public",
      "POST /api/identity/sign-in/verify": "public",
      "POST /api/identity/sign-in/password": "public",
      "POST /api/identity/sign-out": "signed_in",
      "POST /api/identity/sign-out-everywhere": "signed_in",
      "POST /api/identity/invitations": "role:staff|admin",
      "DELETE /api/identity/grants": "role:staff|admin",
      "GET /api/identity/audit": "role:admin",
      // People a centre looks after and their sign-in cards (issue 16): the centre's staff; signing in with a card is public.
      "POST /api/identity/sign-in/card": "public",
      "GET /api/identity/centres/:centre/people": "role:staff@centre",
      "POST /api/identity/centres/:centre/people": "role:staff@centre",
      "POST /api/identity/centres/:centre/people/:id/card": "role:staff@centre",
      "DELETE /api/identity/centres/:centre/people/:id/card": "role:staff@centre",
      "POST /api/identity/centres/:centre/people/:id/export": "role:staff@centre",
      "DELETE /api/identity/centres/:centre/people/:id": "role:staff@centre",
      "GET /api/me": "signed_in",
      "PATCH /api/me": "signed_in",
      "POST /api/me/password": "role:staff|admin",
      "GET /api/me/export": "signed_in",
      "DELETE /api/me": "signed_in",
      "GET /api/me/notices": "signed_in",
      "PUT /api/me/notices": "signed_in",
      "POST /api/identity/notices/stop": "public",
      "GET /api/identity/calendar/:token": "public",
      "GET /api/directory/offers": "public",
      "GET /api/directory/offers/:id": "public",
      "GET /api/directory/offers/:id/calendar.ics": "public",
      "GET /api/directory/centres/:centre/offers": "role:staff@centre",
      "POST /api/directory/centres/:centre/offers": "role:staff@centre",
      "GET /api/directory/centres/:centre/offers/:id": "role:staff@centre",
      "PUT /api/directory/centres/:centre/offers/:id": "role:staff@centre",
      "POST /api/directory/centres/:centre/offers/:id/publish": "role:staff@centre",
      "POST /api/directory/centres/:centre/offers/:id/unpublish": "role:staff@centre",
      "POST /api/directory/centres/:centre/offers/:id/archive": "role:staff@centre",
      "POST /api/directory/centres/:centre/offers/:id/verify": "role:staff@centre",
      // Import of the export's CSV or HSDS JSON.
      "POST /api/directory/centres/:centre/import/preview": "role:staff@centre",
      "POST /api/directory/centres/:centre/import": "role:staff@centre",
      "PUT /api/directory/centres/:centre/import/mapping": "role:staff@centre",
      // Suggestions ("Kender du et tilbud?").
      "POST /api/directory/suggestions": "public",
      "GET /api/directory/centres/:centre/suggestions": "role:staff@centre",
      "POST /api/directory/centres/:centre/suggestions/:id/accept": "role:staff@centre",
      "POST /api/directory/centres/:centre/suggestions/:id/decline": "role:staff@centre",
      // Search for citizens.
      "GET /api/directory/search": "public",
      // Open data (HSDS 3.0): read-only, public.
      "GET /api/hsds": "public",
      "GET /api/hsds/services": "public",
      "GET /api/hsds/services/:id": "public",
      "GET /api/hsds/organizations": "public",
      "GET /api/hsds/organizations/:id": "public",
      "GET /api/hsds/taxonomies": "public",
      "GET /api/hsds/taxonomies/:id": "public",
      "GET /api/hsds/taxonomy_terms": "public",
      "GET /api/hsds/taxonomy_terms/:id": "public",
      "GET /api/hsds/export.json": "public",
      "GET /api/hsds/export.csv": "public",
      "GET /api/hsds/service_at_locations": "public",
      "GET /api/hsds/service_at_locations/:id": "public",
      "GET /api/hsds/profile": "public",
      "GET /api/hsds/profile/:file": "public",
      "GET /api/openapi.json": "public",
      "GET /api/docs": "public",
      // Organisations behind offers: shared by the centres, so staff of any centre keep them.
      "GET /api/directory/organizations": "role:staff",
      "POST /api/directory/organizations": "role:staff",
      "PUT /api/directory/organizations/:id": "role:staff",
      // Citizen panel: public results; a person's own membership and invitations; the centre's staff build and read results.
      "GET /api/panel/results": "public",
      "GET /api/panel/results/:id": "public",
      "GET /api/panel/membership": "signed_in",
      "PUT /api/panel/membership": "signed_in",
      "DELETE /api/panel/membership": "signed_in",
      "GET /api/panel/consultations": "owner",
      "GET /api/panel/consultations/:id": "owner",
      "POST /api/panel/consultations/:id/answers": "owner",
      "GET /api/panel/centres/:centre/consultations": "role:staff@centre",
      "POST /api/panel/centres/:centre/consultations": "role:staff@centre",
      "POST /api/panel/centres/:centre/target-count": "role:staff@centre",
      "GET /api/panel/centres/:centre/consultations/:id": "role:staff@centre",
      "PUT /api/panel/centres/:centre/consultations/:id": "role:staff@centre",
      "POST /api/panel/centres/:centre/consultations/:id/publish": "role:staff@centre",
      "GET /api/panel/centres/:centre/consultations/:id/sending": "role:staff@centre",
      "GET /api/panel/centres/:centre/consultations/:id/results": "role:staff@centre",
      "POST /api/panel/centres/:centre/consultations/:id/results": "role:staff@centre",
      "GET /api/panel/centres/:centre/consultations/:id/export": "role:staff@centre",
      // Mentor scheme: own profile and requests; one pair for its mentor, its asker or the centre's staff (the use case answers others 404).
      "GET /api/mentor/me": "signed_in",
      "POST /api/mentor/applications": "signed_in",
      "POST /api/mentor/requests": "signed_in",
      "GET /api/mentor/pairs/:id": "owner",
      "POST /api/mentor/pairs/:id/answer": "owner",
      "POST /api/mentor/pairs/:id/log": "owner",
      "PUT /api/mentor/pairs/:id/goals/:goal": "owner",
      "POST /api/mentor/pairs/:id/feedback": "owner",
      "GET /api/mentor/centres/:centre/mentors": "role:staff@centre",
      "POST /api/mentor/centres/:centre/mentors/:id/screening": "role:staff@centre",
      "PUT /api/mentor/centres/:centre/mentors/:id": "role:staff@centre",
      "GET /api/mentor/centres/:centre/pairs": "role:staff@centre",
      "POST /api/mentor/centres/:centre/requests": "role:staff@centre",
      "GET /api/mentor/centres/:centre/pairs/:id/suggestions": "role:staff@centre",
      "POST /api/mentor/centres/:centre/pairs/:id/propose": "role:staff@centre",
      "POST /api/mentor/centres/:centre/pairs/:id/first-meeting": "role:staff@centre",
      "POST /api/mentor/centres/:centre/pairs/:id/check-in": "role:staff@centre",
      "POST /api/mentor/centres/:centre/pairs/:id/end": "role:staff@centre",
      "POST /api/mentor/centres/:centre/pairs/:id/cancel": "role:staff@centre",
      // Citizen council (Borgerråd): public reads, anyone signed in proposes and votes (eligibility checked in the use case),
      // council members and staff of the centre handle proposals (chairing is checked in the use case), staff manage members.
      "GET /api/council/centres/:centre": "public",
      "GET /api/council/centres/:centre/proposals/:id": "public",
      "GET /api/council/centres/:centre/votes/:id/receipts/:receipt": "public",
      "GET /api/council/centres/:centre/meetings.ics": "public",
      "GET /api/council/centres/:centre/meetings/:id": "public",
      "POST /api/council/centres/:centre/meetings": "role:council_member|staff@centre",
      "PUT /api/council/centres/:centre/meetings/:id/minutes": "role:council_member|staff@centre",
      "POST /api/council/centres/:centre/proposals": "signed_in",
      "POST /api/council/centres/:centre/proposals/:id/submit": "signed_in",
      "POST /api/council/centres/:centre/proposals/:id/withdraw": "signed_in",
      "GET /api/council/my-votes": "signed_in",
      "GET /api/council/my-votes/count": "signed_in",
      "PUT /api/council/centres/:centre/my-notifications": "signed_in",
      "GET /api/council/centres/:centre/votes/:id/ballot": "signed_in",
      "PUT /api/council/centres/:centre/votes/:id/ballot": "signed_in",
      "GET /api/council/centres/:centre/inbox": "role:council_member|staff@centre",
      "POST /api/council/centres/:centre/proposals/:id/comments": "role:council_member|staff@centre",
      "POST /api/council/centres/:centre/proposals/:id/accept": "role:council_member|staff@centre",
      "POST /api/council/centres/:centre/proposals/:id/decline": "role:council_member|staff@centre",
      "POST /api/council/centres/:centre/proposals/:id/vote": "role:council_member|staff@centre",
      "POST /api/council/centres/:centre/proposals/:id/follow-up": "role:council_member|staff@centre",
      "POST /api/council/centres/:centre/votes/:id/close": "role:council_member|staff@centre",
      "GET /api/council/centres/:centre/members": "role:staff@centre",
      "PUT /api/council/centres/:centre/members": "role:staff@centre",
      // Meetings changed or cancelled (the chair or staff) and votes taken at a meeting (the chair, deputy chair or secretary): checked in the use cases.
      "PUT /api/council/centres/:centre/meetings/:id": "role:council_member|staff@centre",
      "POST /api/council/centres/:centre/meetings/:id/cancel": "role:council_member|staff@centre",
      "POST /api/council/centres/:centre/proposals/:id/meeting-vote": "role:council_member|staff@centre",
    });
  });

  // About 25 s alone on this 2-core machine with every route; twice that while other tests run.
  it("answers every persona on every route as the rule declares", async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      for (const [persona, grants] of Object.entries(personas)) {
        // A fresh person per call: some routes sign out or erase the caller.
        const cookie = grants ? (await t.personWith(grants)).cookie : undefined;
        const path = route.path.replace(/:(\w+)/g, (_m, name: string) => PARAMS[name] ?? "x");
        const response = await t.api.request(path, {
          method: route.method,
          headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
          body: route.method === "GET" ? undefined : "{}",
        });
        const want = expected(route.rule!, grants);
        const got = response.status === 401 || response.status === 403 ? response.status : "allowed";
        if (got !== want || response.status >= 500) mismatches.push(`${route.method} ${route.path} as ${persona}: got ${response.status}, want ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
    // About a thousand calls, each with a new person: 34–45 s on a loaded machine (as the fuzz test's routes, d42fadf); every track adds routes.
  }, 180_000);
});
