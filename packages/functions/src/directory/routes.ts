import { Hono, type Context } from "hono";
import * as v from "valibot";
import { access } from "@naerhed/core/shared/access";
import { CentreId, parseWithCentre } from "@naerhed/core/shared/centres";
import { directoryTable } from "@naerhed/core/shared/tables";
import { directoryManifest } from "@naerhed/core/directory/manifest";
import { InvalidInputError, UnsupportedMediaTypeError } from "@naerhed/core/shared/errors";
import { parseInput, queryInteger } from "@naerhed/core/shared/validation";
import { changeState, createDraft, editOffer, getForCentre, listForCentre, OfferEdit, VersionOnly, WorklistQuery } from "@naerhed/core/directory/curation";
import { OfferId, OfferInput } from "@naerhed/core/directory/offer";
import { OrganizationId, OrganizationInput } from "@naerhed/core/directory/organization";
import { createOrganization, editOrganization, listOrganizations, OrganizationEdit } from "@naerhed/core/directory/organizations";
import { offerCalendar } from "@naerhed/core/directory/calendar";
import { confirmMapping, inLanguage, previewImport, runImport, type ImportRequest } from "@naerhed/core/directory/import";
import { isTabular, unzipText } from "@naerhed/core/directory/hsds-dataset";
import { MappingInput, Publisher } from "@naerhed/core/directory/term-mapping";
import { getPublicOffer, ListOffersQuery, listPublicOffers, OfferPath } from "@naerhed/core/directory/public-offers";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import { createSearchIndexCache, DEFAULT_SEARCH_MAX_AGE_SECONDS, SearchQuery, searchOffers } from "@naerhed/core/directory/search";
import { DeclineInput, SuggestionId, SuggestionInput } from "@naerhed/core/directory/suggestion";
import {
  acceptSuggestion,
  declineSuggestion,
  eraseSuggestions,
  exportSuggestions,
  pendingSuggestions,
  suggestOffer,
  type SuggestionServices,
} from "@naerhed/core/directory/suggestions";
import { actorOf, guard } from "../shared/auth.ts";
import { clientAddress } from "../shared/client.ts";
import { readJson, type AppEnv } from "../shared/http.ts";
import { errorFields, logger } from "../shared/log.ts";
import type { ApiModule } from "../shared/module.ts";
import type { Services } from "../shared/services.ts";
import { hsdsRoutes } from "./hsds-routes.ts";

const CentrePath = v.object({ centre: CentreId });
const CentreOfferPath = v.object({ centre: CentreId, id: OfferId });
const CentreSuggestionPath = v.object({ centre: CentreId, id: SuggestionId });

/**
 * An import's body is the file (or one part of it, see core directory/import.ts): text/csv, application/json,
 * application/zip (HSDS tables with datapackage.json), or multipart/form-data with the tables as files.
 */
const ImportQuery = v.object({
  first_row: v.optional(queryInteger("import_first_row_invalid", 1, 1_000_000), "1"),
  plan: v.optional(v.pipe(v.string("import_plan_invalid"), v.regex(/^[\w-]{43}$/, "import_plan_invalid"))),
  /** Who the file comes from: the confirmed term mapping is kept per publisher. */
  publisher: v.optional(Publisher),
});

/** The tables of HSDS's tabular form, from a zip or from the files of a form. */
async function tablesOf(c: Context<AppEnv>, type: string): Promise<Record<string, string>> {
  if (type === "application/zip") {
    const files = unzipText(new Uint8Array(await c.req.arrayBuffer()));
    if (!files) throw new InvalidInputError([{ field: "file", message: "import_zip_invalid" }]);
    return files;
  }
  const form = await c.req.parseBody({ all: true }).catch(() => {
    throw new InvalidInputError([{ field: "file", message: "body_invalid" }]);
  });
  const files: Record<string, string> = {};
  for (const value of Object.values(form).flat()) if (value instanceof File) files[value.name.split("/").pop()!] = await value.text();
  return files;
}

async function importRequest(c: Context<AppEnv>): Promise<ImportRequest & { plan?: string }> {
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  const { first_row, plan, publisher } = parseInput(ImportQuery, c.req.query());
  const rest = { firstRow: first_row, ...(plan ? { plan } : {}), ...(publisher ? { publisher } : {}) };
  if (type === "text/csv" || type === "application/json") return { format: type === "text/csv" ? "csv" : "json", text: await c.req.text(), ...rest };
  if (type === "application/zip" || type === "multipart/form-data") {
    const files = await tablesOf(c, type);
    if (!isTabular(Object.keys(files))) throw new UnsupportedMediaTypeError("import_format_invalid");
    return { format: "tabular", files, ...rest };
  }
  throw new UnsupportedMediaTypeError("import_format_invalid");
}

const suggestionServices = ({ db, config, audit, now, publish }: Services): SuggestionServices => ({
  store: createDirectoryStore(db, config.tableNames[directoryTable.id]!),
  audit,
  now,
  publish,
});

/** Staff of the centre named in the path (or admins) curate that centre's offers. */
const centreStaff = access.roleForCentre("centre", "staff");
/** Staff of any centre (or admins): organisations are shared by the centres. */
const anyStaff = access.role("staff");
const OrganizationPath = v.object({ id: OrganizationId });

export const directoryModule: ApiModule = {
  manifest: directoryManifest,
  personalData: {
    export: (services, personId) => exportSuggestions(suggestionServices(services), personId),
    erase: (services, personId) => eraseSuggestions(suggestionServices(services), personId),
  },
  // Published offers keep a centre open: staff unpublish or archive them first.
  openAtCentre: async ({ db, config }, centre) =>
    (await createDirectoryStore(db, config.tableNames[directoryTable.id]!).listCentreWorklist(centre))
      .filter((offer) => offer.publication === "published")
      .map((offer) => ({ kind: "offer", id: offer.id, title: offer.name })),
  routes: directoryRoutes,
};

/** The directory's routes; their type is what the site's API client reads (web/src/lib/api.ts). */
export function directoryRoutes({ db, config, audit, now, centres, publish }: Services) {
  const store = createDirectoryStore(db, config.tableNames[directoryTable.id]!);
  const curation = { store, audit, now, centres, recheckAfterDays: config.directoryRecheckDays };
  const suggestions: SuggestionServices = { store, audit, now, publish };
  const organizations = { store, audit, now };
  // Search for citizens: one in-memory index per process (this app), refreshed ahead of its maximum age (core directory/search.ts).
  const searchIndex = createSearchIndexCache({
    load: () => store.listAllPublishedOffers(),
    maxAgeSeconds: config.directorySearchMaxAgeSeconds ?? DEFAULT_SEARCH_MAX_AGE_SECONDS,
    resultCacheSize: config.directorySearchResultCacheSize,
    now,
    // The old index stays in use and the next search tries again.
    onBackgroundError: (error) => logger.warn("directory_search_background_rebuild_failed", { module: "directory", error: errorFields(error) }),
  });
  /** Publish, unpublish, archive or verify one offer, at the version the person saw. */
  const transition = (to: "publish" | "unpublish" | "archive" | "verify") => async (c: Context<AppEnv>) => {
    const { centre, id } = parseInput(CentreOfferPath, c.req.param());
    const { version } = parseInput(VersionOnly, await readJson(c));
    return c.json({ offer: await changeState(curation, actorOf(c), centre, id, version, to) });
  };

  return new Hono<AppEnv>()
    // `total` says how many there are in all ("20 af 36"); it comes from the search index, which holds every published offer.
    .get("/directory/offers", guard(access.public), async (c) => {
      const page = await listPublicOffers(store, parseInput(ListOffersQuery, c.req.query()));
      return c.json({ ...page, total: (await searchIndex.get()).offers.length });
    })
    .get("/directory/offers/:id", guard(access.public), async (c) => c.json(await getPublicOffer(store, parseInput(OfferPath, c.req.param()).id)))
    // Public like the offer page: the file holds nothing the page does not show.
    .get("/directory/offers/:id/calendar.ics", guard(access.public), async (c) => {
      const offer = await getPublicOffer(store, parseInput(OfferPath, c.req.param()).id);
      c.header("content-type", "text/calendar; charset=utf-8");
      c.header("content-disposition", `attachment; filename="tilbud-${offer.id}.ics"`);
      c.header("cache-control", "no-cache");
      return c.body(offerCalendar(offer, now(), config.siteUrl));
    })
    .get("/directory/search", guard(access.public), async (c) => {
      // A closed centre's filter finds nothing new, but is no mistake: its old links keep working.
      const query = await parseWithCentre(SearchQuery, c.req.query(), centres, { field: "centre", open: false });
      return c.json(await searchOffers(searchIndex, query, now()));
    })
    // Staff curate their centre's offers.
    .get("/directory/centres/:centre/offers", guard(centreStaff), async (c) =>
      c.json(await listForCentre(curation, parseInput(CentrePath, c.req.param()).centre, parseInput(WorklistQuery, c.req.query()))),
    )
    .post("/directory/centres/:centre/offers", guard(centreStaff), async (c) => {
      const { centre } = parseInput(CentrePath, c.req.param());
      return c.json({ offer: await createDraft(curation, actorOf(c), centre, parseInput(OfferInput, await readJson(c))) }, 201);
    })
    .get("/directory/centres/:centre/offers/:id", guard(centreStaff), async (c) => {
      const { centre, id } = parseInput(CentreOfferPath, c.req.param());
      return c.json({ offer: await getForCentre(curation, centre, id) });
    })
    .put("/directory/centres/:centre/offers/:id", guard(centreStaff), async (c) => {
      const { centre, id } = parseInput(CentreOfferPath, c.req.param());
      return c.json({ offer: await editOffer(curation, actorOf(c), centre, id, parseInput(OfferEdit, await readJson(c))) });
    })
    .post("/directory/centres/:centre/offers/:id/publish", guard(centreStaff), transition("publish"))
    .post("/directory/centres/:centre/offers/:id/unpublish", guard(centreStaff), transition("unpublish"))
    .post("/directory/centres/:centre/offers/:id/archive", guard(centreStaff), transition("archive"))
    .post("/directory/centres/:centre/offers/:id/verify", guard(centreStaff), transition("verify"))
    // Import: a preview writes nothing; the import writes all rows of the part as drafts, or none.
    .post("/directory/centres/:centre/import/preview", guard(centreStaff), async (c) => {
      const { centre } = parseInput(CentrePath, c.req.param());
      return c.json(inLanguage(await previewImport(curation, centre, await importRequest(c)), c.get("language")));
    })
    .post("/directory/centres/:centre/import", guard(centreStaff), async (c) => {
      const { centre } = parseInput(CentrePath, c.req.param());
      const { plan, ...request } = await importRequest(c);
      if (!plan) throw new InvalidInputError([{ field: "plan", message: "import_plan_invalid" }]);
      return c.json(inLanguage(await runImport(curation, actorOf(c), centre, request, plan), c.get("language")));
    })
    // The mapping of a publisher's taxonomy terms to ours, as staff confirmed it in the preview.
    .put("/directory/centres/:centre/import/mapping", guard(centreStaff), async (c) => {
      const { centre } = parseInput(CentrePath, c.req.param());
      await confirmMapping(curation, actorOf(c), centre, parseInput(MappingInput, await readJson(c)));
      return c.body(null, 204);
    })
    // Organisations: staff of any centre pick, create and correct them (organisations are shared by the centres).
    .get("/directory/organizations", guard(anyStaff), async (c) => c.json({ items: await listOrganizations(organizations) }))
    .post("/directory/organizations", guard(anyStaff), async (c) =>
      c.json({ organization: await createOrganization(organizations, actorOf(c), parseInput(OrganizationInput, await readJson(c))) }, 201),
    )
    .put("/directory/organizations/:id", guard(anyStaff), async (c) => {
      const { id } = parseInput(OrganizationPath, c.req.param());
      return c.json({ organization: await editOrganization(organizations, actorOf(c), id, parseInput(OrganizationEdit, await readJson(c))) });
    })
    // Suggestions from citizens ("Kender du et tilbud?"): anyone sends, the centre's staff handle them.
    .post("/directory/suggestions", guard(access.public), async (c) => {
      const input = await parseWithCentre(SuggestionInput, await readJson(c), centres, { field: "centre_id" });
      const suggestion = await suggestOffer(suggestions, input, { actor: c.get("actor"), clientAddress: clientAddress(c) });
      return c.json({ suggestion }, 201);
    })
    .get("/directory/centres/:centre/suggestions", guard(centreStaff), async (c) =>
      c.json({ items: await pendingSuggestions(suggestions, parseInput(CentrePath, c.req.param()).centre) }),
    )
    .post("/directory/centres/:centre/suggestions/:id/accept", guard(centreStaff), async (c) => {
      const { centre, id } = parseInput(CentreSuggestionPath, c.req.param());
      return c.json({ offer: await acceptSuggestion(suggestions, actorOf(c), centre, id) }, 201);
    })
    .post("/directory/centres/:centre/suggestions/:id/decline", guard(centreStaff), async (c) => {
      const { centre, id } = parseInput(CentreSuggestionPath, c.req.param());
      const { reason } = parseInput(DeclineInput, await readJson(c));
      return c.json({ suggestion: await declineSuggestion(suggestions, actorOf(c), centre, id, reason) });
    })
    // Open data: the published directory as Open Referral HSDS 3.0, read-only, and the OpenAPI document (hsds-routes.ts).
    .route("/", hsdsRoutes({ published: async () => (await searchIndex.get()).offers, organizations: () => store.listOrganizations(), store, centres }, config.siteUrl));
}

export type DirectoryRoutes = ReturnType<typeof directoryRoutes>;
