import type { Hono } from "hono";
import { access } from "@naerhed/core/shared/access";
import { parseInput } from "@naerhed/core/shared/validation";
import { centreLookup, HsdsId, HsdsListQuery, HsdsServicesQuery } from "@naerhed/core/directory/hsds";
import type { CentreDirectory } from "@naerhed/core/shared/centres";
import {
  hsdsCsvExport,
  hsdsExport,
  hsdsOrganization,
  hsdsOrganizations,
  hsdsService,
  hsdsServices,
  hsdsTaxonomies,
  hsdsTaxonomyById,
  hsdsTaxonomyTerm,
  hsdsTaxonomyTermList,
  type PublishedOffers,
} from "@naerhed/core/directory/open-data";
import type { DirectoryStore } from "@naerhed/core/directory/store";
import { guard } from "../shared/auth.ts";
import type { AppEnv } from "../shared/http.ts";

/**
 * Open data: the published directory, read-only, as Open Referral HSDS 3.0 under /api/hsds
 * (paths as in the HSDS openapi.json). Everything here is public. Lists and exports come from
 * `published` (the search index's copy, at most a minute old); one service is read fresh from `store`.
 */
export function addHsdsRoutes(app: Hono<AppEnv>, store: DirectoryStore, published: PublishedOffers, centres: CentreDirectory): void {
  // Each offer's centre, for its name and its region (HSDS address.state_province).
  const centreOf = async () => centreLookup(await centres.all());
  app
    .get("/hsds", guard(access.public), (c) =>
      c.json({ version: "3.0", openapi_url: "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json" }),
    )
    .get("/hsds/services", guard(access.public), async (c) => c.json(await hsdsServices(published, parseInput(HsdsServicesQuery, c.req.query()))))
    .get("/hsds/services/:id", guard(access.public), async (c) => c.json(await hsdsService(store, parseInput(HsdsId, c.req.param()).id, await centreOf())))
    .get("/hsds/organizations", guard(access.public), async (c) =>
      c.json(await hsdsOrganizations(published, parseInput(HsdsListQuery, c.req.query()))),
    )
    .get("/hsds/organizations/:id", guard(access.public), async (c) =>
      c.json(await hsdsOrganization(published, parseInput(HsdsId, c.req.param()).id)),
    )
    .get("/hsds/taxonomies", guard(access.public), (c) => c.json(hsdsTaxonomies(parseInput(HsdsListQuery, c.req.query()))))
    .get("/hsds/taxonomies/:id", guard(access.public), (c) => c.json(hsdsTaxonomyById(parseInput(HsdsId, c.req.param()).id)))
    .get("/hsds/taxonomy_terms", guard(access.public), (c) => c.json(hsdsTaxonomyTermList(parseInput(HsdsListQuery, c.req.query()))))
    .get("/hsds/taxonomy_terms/:id", guard(access.public), (c) => c.json(hsdsTaxonomyTerm(parseInput(HsdsId, c.req.param()).id)))
    // The whole published directory at once, for import into other systems and spreadsheets.
    .get("/hsds/export.json", guard(access.public), async (c) => {
      c.header("content-disposition", 'inline; filename="naerhed-hsds.json"');
      return c.json(await hsdsExport(published, await centreOf()));
    })
    .get("/hsds/export.csv", guard(access.public), async (c) =>
      c.body(await hsdsCsvExport(published, await centreOf()), 200, {
        "content-type": "text/csv; charset=utf-8; header=present",
        "content-disposition": 'attachment; filename="naerhed-tilbud.csv"',
      }),
    );
}
