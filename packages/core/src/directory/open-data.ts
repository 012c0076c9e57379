import { NotFoundError } from "../shared/errors.ts";
import type { CentreDirectory } from "../shared/centres.ts";
import {
  filterOffers,
  HSDS_DEFAULT_PER_PAGE,
  hsdsTaxonomies as hsdsTaxonomyList,
  hsdsTaxonomyTerms,
  centreLookup,
  lookupIn,
  matchesSearch,
  organizationsOf,
  toHsdsService,
  toHsdsServiceAtLocation,
  toHsdsServiceListItem,
  toPage,
  type HsdsOrganization,
  type HsdsOrganizationsQuery,
  type HsdsPage,
  type HsdsService,
  type HsdsServiceAtLocation,
  type HsdsServiceAtLocationsQuery,
  type HsdsServiceListItem,
  type HsdsServicesQuery,
  type HsdsTaxonomiesQuery,
  type HsdsTaxonomy,
  type HsdsTaxonomyTerm,
  type HsdsTaxonomyTermsQuery,
  type CentreOf,
  type OrganizationLookup,
} from "./hsds.ts";
import { offersToCsv } from "./hsds-csv.ts";
import type { Offer } from "./offer.ts";
import type { Organization } from "./organization.ts";
import type { DirectoryStore } from "./store.ts";

/**
 * Open data: other systems read the published directory as Open Referral HSDS 3.0
 * (`/api/hsds/...`). Read-only, public, published offers only (the sparse index gsi1 holds
 * nothing else). The mapping itself is in hsds.ts.
 */

/**
 * Every published offer, in Danish alphabetical order. The API passes the search index's copy
 * (directory/search.ts: one gsi1 read of the whole published partition per process at most every
 * `maxAgeSeconds`, refreshed ahead), so a list or export is served from memory instead of reading
 * a few MB from DynamoDB on every call. The cost is the same as search's: a just-published or
 * unpublished offer can take up to that age to show in the lists; a single service (`hsdsService`)
 * is always read fresh.
 */
export type PublishedOffers = () => Promise<Offer[]>;

/**
 * Where open data reads from: the published offers, the organisation records, one offer fresh by
 * id, and the stored centres and site organisation (each offer's centre name and region; the publisher).
 */
export type OpenDataSource = {
  published: PublishedOffers;
  organizations: () => Promise<Organization[]>;
  store: Pick<DirectoryStore, "getOffer">;
  centres: Pick<CentreDirectory, "all" | "site">;
};

/** A list as an HSDS `Page`, or (`format=ndjson`) every item without pages. */
export type HsdsList<T> = { page: HsdsPage<T> } | { lines: T[] };

type ListQuery = { page: number; per_page?: number | undefined; format: "json" | "ndjson" };

/** Pages first, then maps only that page's items (mapping all 5,000 offers per request is what cost time). */
function list<S, T>(items: readonly S[], query: ListQuery, map: (item: S) => T, perPage = query.per_page ?? HSDS_DEFAULT_PER_PAGE): HsdsList<T> {
  if (query.format === "ndjson") return { lines: items.map(map) };
  const page = toPage(items, query.page, perPage);
  return { page: { ...page, contents: page.contents.map(map) } };
}

/**
 * `GET /api/hsds`: what this API is, where its OpenAPI document and its HSDS profile are, and who
 * publishes it: the stored site organisation; before its first set-up, the site's host name.
 */
export async function hsdsAbout(source: OpenDataSource, siteUrl: string) {
  const site = await source.centres.site();
  return {
    version: "3.0",
    profile: `${siteUrl}/api/hsds/profile`,
    openapi_url: `${siteUrl}/api/openapi.json`,
    publisher: { name: site?.name ?? new URL(siteUrl).host, url: siteUrl, country: "DK" },
  };
}

async function publishedOffer(source: OpenDataSource, id: string): Promise<Offer> {
  const offer = await source.store.getOffer(id);
  if (!offer || offer.publication !== "published") throw new NotFoundError("hsds_service_not_found");
  return offer;
}

const lookup = async (source: OpenDataSource): Promise<OrganizationLookup> => lookupIn(await source.organizations());
/** Each offer's stored centre, for its name and its region (HSDS address.state_province). */
const centreOf = async (source: OpenDataSource): Promise<CentreOf> => centreLookup(await source.centres.all());

export type HsdsMinimalService = { id: string; last_modified: string };

export async function hsdsServices(
  source: OpenDataSource,
  query: HsdsServicesQuery,
): Promise<HsdsList<HsdsServiceListItem | HsdsService | HsdsMinimalService>> {
  const offers = filterOffers(await source.published(), query);
  if (query.minimal) return list(offers, query, (o) => ({ id: o.id, last_modified: o.last_modified }), query.per_page ?? Math.max(offers.length, 1));
  const [centres, organizations] = await Promise.all([centreOf(source), lookup(source)]);
  return list(offers, query, (o) => (query.full ? toHsdsService(o, centres, organizations) : toHsdsServiceListItem(o, organizations)));
}

export async function hsdsService(source: OpenDataSource, id: string): Promise<HsdsService> {
  const offer = await publishedOffer(source, id);
  return toHsdsService(offer, await centreOf(source), await lookup(source));
}

/** Published offers with a place, each as a service at that location (HSDS id: UUIDv5 of the offer). */
export async function hsdsServiceAtLocations(source: OpenDataSource, query: HsdsServiceAtLocationsQuery): Promise<HsdsList<HsdsServiceAtLocation>> {
  const offers = filterOffers(await source.published(), query).filter((offer) => offer.location);
  const [centres, organizations] = await Promise.all([centreOf(source), lookup(source)]);
  return list(offers, query, (o) => toHsdsServiceAtLocation(o, centres, organizations, query.full)!);
}

export async function hsdsServiceAtLocation(source: OpenDataSource, id: string): Promise<HsdsServiceAtLocation> {
  const [centres, organizations] = await Promise.all([centreOf(source), lookup(source)]);
  // The id is derived from the offer's, so the published list is searched; a fresh read follows to show the current offer.
  const listed = (await source.published()).find((offer) => offer.location && toHsdsServiceAtLocation(offer, centres, organizations, false)!.id === id);
  if (!listed) throw new NotFoundError("hsds_service_at_location_not_found");
  const offer = await source.store.getOffer(listed.id);
  const found = offer?.publication === "published" ? toHsdsServiceAtLocation(offer, centres, organizations, true) : undefined;
  if (!found) throw new NotFoundError("hsds_service_at_location_not_found");
  return found;
}

async function publishedOrganizations(source: OpenDataSource): Promise<HsdsOrganization[]> {
  return organizationsOf(await source.published(), await lookup(source));
}

export async function hsdsOrganizations(source: OpenDataSource, query: HsdsOrganizationsQuery): Promise<HsdsList<HsdsOrganization>> {
  const organizations = (await publishedOrganizations(source)).filter((o) => matchesSearch(query.search, o.name, o.description));
  return list(organizations, query, (o) => o);
}

/** An organisation that has at least one published offer. */
export async function hsdsOrganization(source: OpenDataSource, id: string): Promise<HsdsOrganization> {
  const organization = (await publishedOrganizations(source)).find((o) => o.id === id);
  if (!organization) throw new NotFoundError("hsds_organization_not_found");
  return organization;
}

export function hsdsTaxonomies(query: HsdsTaxonomiesQuery): HsdsList<HsdsTaxonomy> {
  return list(
    hsdsTaxonomyList.filter((t) => matchesSearch(query.search, t.name, t.description)),
    query,
    (t) => t,
  );
}

export function hsdsTaxonomyById(id: string): HsdsTaxonomy {
  const taxonomy = hsdsTaxonomyList.find((t) => t.id === id);
  if (!taxonomy) throw new NotFoundError("hsds_taxonomy_not_found");
  return taxonomy;
}

export function hsdsTaxonomyTermList(query: HsdsTaxonomyTermsQuery): HsdsList<HsdsTaxonomyTerm> {
  return list(
    hsdsTaxonomyTerms.filter(
      (t) =>
        matchesSearch(query.search, t.name, t.description) &&
        (query.taxonomy_id === undefined || t.taxonomy_id === query.taxonomy_id) &&
        (query.parent_id === undefined || t.parent_id === query.parent_id) &&
        (!query.top_only || t.parent_id === undefined),
    ),
    query,
    (t) => t,
  );
}

export function hsdsTaxonomyTerm(id: string): HsdsTaxonomyTerm {
  const term = hsdsTaxonomyTerms.find((t) => t.id === id);
  if (!term) throw new NotFoundError("hsds_taxonomy_term_not_found");
  return term;
}

/** The whole published directory as fully nested HSDS services. */
export async function hsdsExport(source: OpenDataSource): Promise<HsdsService[]> {
  const [centres, organizations] = await Promise.all([centreOf(source), lookup(source)]);
  return (await source.published()).map((offer) => toHsdsService(offer, centres, organizations));
}

/** The whole published directory as a CSV file (text with a byte order mark). */
export async function hsdsCsvExport(source: OpenDataSource): Promise<string> {
  return offersToCsv(await source.published(), await centreOf(source));
}
