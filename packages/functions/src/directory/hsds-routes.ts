import { Hono, type Context } from "hono";
import { access } from "@naerhed/core/shared/access";
import { NotFoundError } from "@naerhed/core/shared/errors";
import { SITE_CONTENT_SECURITY_POLICY } from "@naerhed/core/shared/html";
import { parseInput } from "@naerhed/core/shared/validation";
import {
  HsdsId,
  HsdsNoQuery,
  HsdsOrganizationQuery,
  HsdsOrganizationsQuery,
  HsdsServiceAtLocationsQuery,
  HsdsServicesQuery,
  HsdsTaxonomiesQuery,
  HsdsTaxonomyTermsQuery,
} from "@naerhed/core/directory/hsds";
import { profilePage, profilePatches } from "@naerhed/core/directory/hsds-profile";
import {
  hsdsAbout,
  hsdsCsvExport,
  hsdsExport,
  hsdsOrganization,
  hsdsOrganizations,
  hsdsService,
  hsdsServiceAtLocation,
  hsdsServiceAtLocations,
  hsdsServices,
  hsdsTaxonomies,
  hsdsTaxonomyById,
  hsdsTaxonomyTerm,
  hsdsTaxonomyTermList,
  type HsdsList,
  type OpenDataSource,
} from "@naerhed/core/directory/open-data";
import * as v from "valibot";
import { guard } from "../shared/auth.ts";
import type { AppEnv } from "../shared/http.ts";
import { openApiDocument } from "../openapi.ts";
import { docsPage } from "./docs-page.ts";

/**
 * Open data: the published directory, read-only, as Open Referral HSDS 3.0 under /api/hsds
 * (paths and parameters as in the HSDS openapi.json), its Danish profile, and the OpenAPI
 * document of the whole public API (/api/openapi.json) with its page (/api/docs). Everything
 * here is public. Lists and exports come from `source.published` (the search index's copy, at
 * most a minute old); one service is read fresh.
 */

const ProfileFile = v.object({ file: v.picklist(Object.keys(profilePatches), "hsds_profile_file_not_found") });

/** A list as its HSDS Page, or with `format=ndjson` one JSON object a line. */
function answer<T>(c: Context<AppEnv>, list: HsdsList<T>) {
  if ("page" in list) return c.json(list.page);
  return c.body(list.lines.map((item) => `${JSON.stringify(item)}\n`).join(""), 200, { "content-type": "application/x-ndjson; charset=utf-8" });
}

/** A page the API serves itself gets the site's policy: scripts and styles only from files of our own origin. */
function page(c: Context<AppEnv>, html: string) {
  c.header("content-security-policy", SITE_CONTENT_SECURITY_POLICY);
  return c.html(html);
}

/** One chained expression, mounted by the directory's routes, so the site's API client sees these paths too (e.g. the exports). */
export function hsdsRoutes(source: OpenDataSource, siteUrl: string) {
  const noQuery = (c: Context<AppEnv>) => parseInput(HsdsNoQuery, c.req.query());
  const id = (c: Context<AppEnv>) => {
    noQuery(c);
    return parseInput(HsdsId, c.req.param()).id;
  };
  return new Hono<AppEnv>()
    .get("/hsds", guard(access.public), async (c) => {
      noQuery(c);
      return c.json(await hsdsAbout(source, siteUrl));
    })
    .get("/hsds/services", guard(access.public), async (c) => answer(c, await hsdsServices(source, parseInput(HsdsServicesQuery, c.req.query()))))
    .get("/hsds/services/:id", guard(access.public), async (c) => c.json(await hsdsService(source, id(c))))
    .get("/hsds/service_at_locations", guard(access.public), async (c) =>
      answer(c, await hsdsServiceAtLocations(source, parseInput(HsdsServiceAtLocationsQuery, c.req.query()))),
    )
    .get("/hsds/service_at_locations/:id", guard(access.public), async (c) => c.json(await hsdsServiceAtLocation(source, id(c))))
    .get("/hsds/organizations", guard(access.public), async (c) =>
      answer(c, await hsdsOrganizations(source, parseInput(HsdsOrganizationsQuery, c.req.query()))),
    )
    .get("/hsds/organizations/:id", guard(access.public), async (c) => {
      parseInput(HsdsOrganizationQuery, c.req.query());
      return c.json(await hsdsOrganization(source, parseInput(HsdsId, c.req.param()).id));
    })
    .get("/hsds/taxonomies", guard(access.public), (c) => answer(c, hsdsTaxonomies(parseInput(HsdsTaxonomiesQuery, c.req.query()))))
    .get("/hsds/taxonomies/:id", guard(access.public), (c) => c.json(hsdsTaxonomyById(id(c))))
    .get("/hsds/taxonomy_terms", guard(access.public), (c) => answer(c, hsdsTaxonomyTermList(parseInput(HsdsTaxonomyTermsQuery, c.req.query()))))
    .get("/hsds/taxonomy_terms/:id", guard(access.public), (c) => c.json(hsdsTaxonomyTerm(id(c))))
    // The Danish profile (core directory/hsds-profile.ts): a page, and the schema patches it names.
    .get("/hsds/profile", guard(access.public), (c) => {
      noQuery(c);
      return page(c, profilePage(siteUrl));
    })
    .get("/hsds/profile/:file", guard(access.public), (c) => {
      noQuery(c);
      const { file } = parseInput(ProfileFile, c.req.param());
      const patch = profilePatches[file];
      if (!patch) throw new NotFoundError("hsds_profile_file_not_found");
      return c.json(patch);
    })
    // The whole published directory at once, for import into other systems and spreadsheets.
    .get("/hsds/export.json", guard(access.public), async (c) => {
      c.header("content-disposition", 'inline; filename="naerhed-hsds.json"');
      return c.json(await hsdsExport(source));
    })
    .get("/hsds/export.csv", guard(access.public), async (c) =>
      c.body(await hsdsCsvExport(source), 200, {
        "content-type": "text/csv; charset=utf-8; header=present",
        "content-disposition": 'attachment; filename="naerhed-tilbud.csv"',
      }),
    )
    // The OpenAPI 3.1 document of the whole public API, made from the routes' own valibot schemas (../openapi.ts).
    .get("/openapi.json", guard(access.public), (c) => {
      noQuery(c);
      return c.json(openApiDocument(siteUrl));
    })
    .get("/docs", guard(access.public), (c) => {
      noQuery(c);
      return page(c, docsPage());
    });
}
