import { NotFoundError } from "../shared/errors.ts";
import {
  filterOffers,
  hsdsTaxonomies as hsdsTaxonomyList,
  hsdsTaxonomyTerms,
  matchesSearch,
  organizationsOf,
  toHsdsService,
  toHsdsServiceListItem,
  toPage,
  type HsdsListQuery,
  type HsdsOrganization,
  type HsdsPage,
  type HsdsService,
  type HsdsServiceListItem,
  type HsdsServicesQuery,
  type HsdsTaxonomy,
  type HsdsTaxonomyTerm,
  type CentreOf,
} from "./hsds.ts";
import { offersToCsv } from "./hsds-csv.ts";
import type { Offer } from "./offer.ts";
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

async function publishedOffer(store: DirectoryStore, id: string): Promise<Offer> {
  const offer = await store.getOffer(id);
  if (!offer || offer.publication !== "published") throw new NotFoundError("hsds_service_not_found");
  return offer;
}

export async function hsdsServices(published: PublishedOffers, query: HsdsServicesQuery): Promise<HsdsPage<HsdsServiceListItem>> {
  const { page, per_page, ...filters } = query;
  // Page first, then map: only the page's offers become HSDS services.
  const offers = toPage(filterOffers(await published(), filters), page, per_page);
  return { ...offers, contents: offers.contents.map(toHsdsServiceListItem) };
}

export async function hsdsService(store: DirectoryStore, id: string, centreOf: CentreOf): Promise<HsdsService> {
  return toHsdsService(await publishedOffer(store, id), centreOf);
}

export async function hsdsOrganizations(published: PublishedOffers, query: HsdsListQuery): Promise<HsdsPage<HsdsOrganization>> {
  const organizations = organizationsOf(await published()).filter((o) => matchesSearch(query.search, o.name));
  return toPage(organizations, query.page, query.per_page);
}

/** An organisation that has at least one published offer. */
export async function hsdsOrganization(published: PublishedOffers, id: string): Promise<HsdsOrganization> {
  const organization = organizationsOf(await published()).find((o) => o.id === id);
  if (!organization) throw new NotFoundError("hsds_organization_not_found");
  return organization;
}

export function hsdsTaxonomies(query: HsdsListQuery): HsdsPage<HsdsTaxonomy> {
  return toPage(
    hsdsTaxonomyList.filter((t) => matchesSearch(query.search, t.name, t.description)),
    query.page,
    query.per_page,
  );
}

export function hsdsTaxonomyById(id: string): HsdsTaxonomy {
  const taxonomy = hsdsTaxonomyList.find((t) => t.id === id);
  if (!taxonomy) throw new NotFoundError("hsds_taxonomy_not_found");
  return taxonomy;
}

export function hsdsTaxonomyTermList(query: HsdsListQuery): HsdsPage<HsdsTaxonomyTerm> {
  return toPage(
    hsdsTaxonomyTerms.filter((t) => matchesSearch(query.search, t.name, t.description)),
    query.page,
    query.per_page,
  );
}

export function hsdsTaxonomyTerm(id: string): HsdsTaxonomyTerm {
  const term = hsdsTaxonomyTerms.find((t) => t.id === id);
  if (!term) throw new NotFoundError("hsds_taxonomy_term_not_found");
  return term;
}

/** The whole published directory as fully nested HSDS services. */
export async function hsdsExport(published: PublishedOffers, centreOf: CentreOf): Promise<HsdsService[]> {
  return (await published()).map((offer) => toHsdsService(offer, centreOf));
}

/** The whole published directory as a CSV file (text with a byte order mark). */
export async function hsdsCsvExport(published: PublishedOffers, centreOf: CentreOf): Promise<string> {
  return offersToCsv(await published(), centreOf);
}
