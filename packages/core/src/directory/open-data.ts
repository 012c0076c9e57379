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
 * Every published offer, in Danish alphabetical order: reads every page of gsi1
 * (`store.listAllPublishedOffers`, which search uses too).
 * Cost: the whole published partition on each call. A municipality has thousands of offers,
 * about 1-2 KB each, so one call reads a few MB (a handful of 1 MB Query pages, roughly
 * 500-1000 read units at eventual consistency) and takes some hundred milliseconds. Fine for
 * open data read now and then; if it is read often, cache the list (e.g. in the Lambda for a
 * minute, as search does) or write an export file when an offer is published.
 */
export function allPublishedOffers(store: DirectoryStore): Promise<Offer[]> {
  return store.listAllPublishedOffers();
}

async function publishedOffer(store: DirectoryStore, id: string): Promise<Offer> {
  const offer = await store.getOffer(id);
  if (!offer || offer.publication !== "published") throw new NotFoundError("hsds_service_not_found");
  return offer;
}

export async function hsdsServices(store: DirectoryStore, query: HsdsServicesQuery): Promise<HsdsPage<HsdsServiceListItem>> {
  const { page, per_page, ...filters } = query;
  const offers = filterOffers(await allPublishedOffers(store), filters);
  return toPage(offers.map(toHsdsServiceListItem), page, per_page);
}

export async function hsdsService(store: DirectoryStore, id: string): Promise<HsdsService> {
  return toHsdsService(await publishedOffer(store, id));
}

export async function hsdsOrganizations(store: DirectoryStore, query: HsdsListQuery): Promise<HsdsPage<HsdsOrganization>> {
  const organizations = organizationsOf(await allPublishedOffers(store)).filter((o) => matchesSearch(query.search, o.name));
  return toPage(organizations, query.page, query.per_page);
}

/** An organisation that has at least one published offer. */
export async function hsdsOrganization(store: DirectoryStore, id: string): Promise<HsdsOrganization> {
  const organization = organizationsOf(await allPublishedOffers(store)).find((o) => o.id === id);
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
export async function hsdsExport(store: DirectoryStore): Promise<HsdsService[]> {
  return (await allPublishedOffers(store)).map(toHsdsService);
}

/** The whole published directory as a CSV file (text with a byte order mark). */
export async function hsdsCsvExport(store: DirectoryStore): Promise<string> {
  return offersToCsv(await allPublishedOffers(store));
}
