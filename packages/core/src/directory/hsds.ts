import * as v from "valibot";
import { queryInteger } from "../shared/validation.ts";
import { v5 as uuidv5 } from "uuid";
import type { Centre } from "../organisation/centre.ts";
import { accessibilityFacts } from "./accessibility.ts";
import { categories, categoryGroups } from "./categories.ts";
import type { Offer } from "./offer.ts";
import type { Organization } from "./organization.ts";
import { postcodePoint, distanceKm, pointOf } from "./places.ts";
import { weekdays } from "./schedule.ts";
import { danishSortKey } from "./store.ts";

/**
 * The published directory as Open Referral HSDS 3.0 (schemas: ../shared/reference/hsds-3.0/, from the repository root): pure
 * mapping from `Offer` to HSDS objects, the filters of `GET /api/hsds/services` and the HSDS
 * `Page` object. No DynamoDB here; open-data.ts loads the offers.
 *
 * Ids. HSDS requires a UUID for every id. An offer's id is the service id. Everything else is
 * derived, so the same thing always gets the same id and other systems can keep their links:
 * - one namespace per kind of object: UUIDv5(`naerhed:hsds:<kind>`, HSDS_NAMESPACE);
 * - an organisation is its record's id (organization.ts), which is UUIDv5(the name it was made
 *   with, organization namespace): the id an offer without a record still gets from its
 *   organisation name, so links made before records existed keep working, also after a rename;
 * - the taxonomy "Nærhed kategorier" is UUIDv5("naerhed-kategorier", taxonomy namespace), each
 *   category term and each group term (the upper level, the categories' `parent_id`)
 *   UUIDv5(its id, taxonomy_term namespace); likewise "Nærhed tilgængelighed" and its facts;
 * - the parts of one offer (its location, address, phone, ...) are UUIDv5(offer id, kind's namespace).
 * Never change HSDS_NAMESPACE or a kind's name: every published id would change.
 */

export const HSDS_NAMESPACE = "9ad3ee38-d30b-4af8-b398-a36fa404aa75";

const kinds = [
  "organization",
  "taxonomy",
  "taxonomy_term",
  "service_at_location",
  "location",
  "address",
  "accessibility",
  "phone",
  "contact",
  "schedule",
  "service_area",
  "language",
  "cost_option",
  "attribute",
  "organization_identifier",
] as const;
type Kind = (typeof kinds)[number];
const namespaces = Object.fromEntries(kinds.map((kind) => [kind, uuidv5(`naerhed:hsds:${kind}`, HSDS_NAMESPACE)])) as Record<Kind, string>;

/** The id of a part of one offer (its location, phone, ...). */
const partId = (kind: Kind, offerId: string) => uuidv5(offerId, namespaces[kind]);

export const organizationId = (name: string) => uuidv5(name.normalize("NFC"), namespaces.organization);
export const TAXONOMY_ID = uuidv5("naerhed-kategorier", namespaces.taxonomy);
export const ACCESSIBILITY_TAXONOMY_ID = uuidv5("naerhed-tilgaengelighed", namespaces.taxonomy);
/** The term id of a category, a category group or an accessibility fact (their ids never collide). */
export const taxonomyTermId = (code: string) => uuidv5(code, namespaces.taxonomy_term);

// HSDS objects, as far as Nærhed fills them (field names and required fields as in the schemas).

export type HsdsTaxonomy = { id: string; name: string; description: string; version: string };
export type HsdsTaxonomyTerm = {
  id: string;
  parent_id?: string;
  code: string;
  name: string;
  description: string;
  language: string;
  taxonomy: string;
  taxonomy_id: string;
  taxonomy_detail: HsdsTaxonomy;
};
export type HsdsOrganization = {
  id: string;
  name: string;
  description: string;
  website?: string;
  email?: string;
  legal_status?: string;
  phones?: { id: string; organization_id: string; number: string; type: "voice" }[];
  organization_identifiers?: { id: string; organization_id: string; identifier_scheme?: string; identifier_type: string; identifier: string }[];
};
export type HsdsAddress = {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: "physical";
};
export type HsdsLocation = {
  id: string;
  location_type: "physical";
  name?: string;
  description?: string;
  latitude?: number;
  longitude?: number;
  addresses: HsdsAddress[];
  accessibility: { id: string; location_id: string; description: string }[];
};
export type HsdsAttribute = {
  id: string;
  link_id: string;
  link_entity: "service";
  taxonomy_term_id: string;
  taxonomy_term: HsdsTaxonomyTerm;
};

export type HsdsSchedule = {
  id: string;
  service_id: string;
  description?: string;
  freq?: "WEEKLY";
  byday?: string;
  wkst?: "MO";
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  opens_at?: string;
  closes_at?: string;
};

/** A service with its one-to-one fields only: an item of the `/services` page (service_list.json). */
export type HsdsServiceListItem = {
  id: string;
  organization_id: string;
  name: string;
  alternate_name?: string;
  description: string;
  url?: string;
  email?: string;
  status: Offer["status"];
  application_process?: string;
  fees_description?: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date: string;
  last_modified: string;
  organization: HsdsOrganization;
};

/** A fully nested service (service_with_definitions.json). */
export type HsdsService = HsdsServiceListItem & {
  phones: { id: string; service_id: string; number: string; type: "voice" }[];
  schedules: HsdsSchedule[];
  service_areas: { id: string; service_id: string; name: string; description: string }[];
  service_at_locations: { id: string; service_id: string; location_id: string; location: HsdsLocation }[];
  languages: { id: string; service_id: string; name: string; code: string }[];
  cost_options: { id: string; service_id: string; currency: "DKK"; option?: string; amount?: number; amount_description?: string }[];
  contacts: { id: string; service_id: string; name: string; email: string }[];
  attributes: HsdsAttribute[];
};

/** A service at its place, as a list item (the service's one-to-one fields) or fully nested (`full`, `/service_at_locations/{id}`). */
export type HsdsServiceAtLocation = {
  id: string;
  service_id: string;
  location_id: string;
  location: HsdsLocation;
  service: HsdsServiceListItem | Omit<HsdsService, "service_at_locations">;
};

/** HSDS `Page` (openapi.json `#/components/schemas/Page`) with its `contents`. */
export type HsdsPage<T> = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
};

// The taxonomies: the categories in two levels (groups, then categories with the group as
// `parent_id`), and the accessibility facts. Names in Danish; the English in the description.

export const hsdsTaxonomy: HsdsTaxonomy = {
  id: TAXONOMY_ID,
  name: "Nærhed kategorier",
  description: "De kategorier, som Nærhed sorterer lokale tilbud i. (English: the categories Nærhed sorts local offers into.)",
  version: "2",
};

export const hsdsAccessibilityTaxonomy: HsdsTaxonomy = {
  id: ACCESSIBILITY_TAXONOMY_ID,
  name: "Nærhed tilgængelighed",
  description: "Hvad et tilbud gør for, at alle kan komme og være med. (English: what an offer does so everyone can come and take part.)",
  version: "1",
};

export const hsdsTaxonomies: readonly HsdsTaxonomy[] = [hsdsTaxonomy, hsdsAccessibilityTaxonomy];

const term = (code: string, name: { da: string; en: string }, taxonomy: HsdsTaxonomy, parent?: string): HsdsTaxonomyTerm => ({
  id: taxonomyTermId(code),
  ...(parent !== undefined && { parent_id: taxonomyTermId(parent) }),
  code,
  name: name.da,
  description: `${name.da} (English: ${name.en})`,
  language: "da",
  taxonomy: taxonomy.name,
  taxonomy_id: taxonomy.id,
  taxonomy_detail: taxonomy,
});

export const hsdsTaxonomyTerms: readonly HsdsTaxonomyTerm[] = [
  ...categoryGroups.map((group) => term(group.id, group.name, hsdsTaxonomy)),
  ...categories.map((category) => term(category.id, category.name, hsdsTaxonomy, category.group)),
  ...accessibilityFacts.map((fact) => term(fact.id, fact.name, hsdsAccessibilityTaxonomy)),
];

const termByCode = new Map(hsdsTaxonomyTerms.map((term) => [term.code, term]));
const termFor = (code: string) => termByCode.get(code)!;

/** The organisation of an offer: its stored record, or (an offer from before records) what the directory knows from the name. */
export function toHsdsOrganization(name: string, record?: Organization): HsdsOrganization {
  if (!record) return { id: organizationId(name), name, description: `${name} står bag et eller flere tilbud i Nærhed.` };
  const id = record.id;
  return {
    id,
    name: record.name,
    description: record.description ?? `${record.name} står bag et eller flere tilbud i Nærhed.`,
    ...(record.website !== undefined && { website: record.website }),
    ...(record.email !== undefined && { email: record.email }),
    ...(record.legal_status !== undefined && { legal_status: record.legal_status }),
    phones: record.phone ? [{ id: partId("phone", id), organization_id: id, number: record.phone, type: "voice" }] : [],
    organization_identifiers: (record.identifiers ?? []).map((identifier, index) => ({
      id: uuidv5(`${id}#${index}`, namespaces.organization_identifier),
      organization_id: id,
      ...identifier,
    })),
  };
}

/** The id of the organisation behind an offer: its record's, or (older offers) its name's. */
export const organizationIdOf = (offer: Pick<Offer, "organization_id" | "organization_name">) => offer.organization_id ?? organizationId(offer.organization_name);

/** Finds the stored organisation of an offer; undefined for an offer whose organisation is only a name. */
export type OrganizationLookup = (offer: Offer) => Organization | undefined;
export const lookupIn = (records: readonly Organization[]): OrganizationLookup => {
  const byId = new Map(records.map((record) => [record.id, record]));
  return (offer) => byId.get(organizationIdOf(offer));
};
const noRecords: OrganizationLookup = () => undefined;

/** Free offers have no fee text of their own; HSDS has no yes/no field for it, so the text says so. */
const feesDescription = (offer: Offer) => offer.fees_description ?? (offer.free ? "Gratis." : undefined);

export function toHsdsServiceListItem(offer: Offer, organizations: OrganizationLookup = noRecords): HsdsServiceListItem {
  return {
    id: offer.id,
    organization_id: organizationIdOf(offer),
    name: offer.name,
    ...(offer.alternate_name !== undefined && { alternate_name: offer.alternate_name }),
    description: offer.description,
    ...(offer.url !== undefined && { url: offer.url }),
    ...(offer.email !== undefined && { email: offer.email }),
    status: offer.status,
    ...(offer.application_process !== undefined && { application_process: offer.application_process }),
    ...(feesDescription(offer) !== undefined && { fees_description: feesDescription(offer) }),
    ...(offer.eligibility_description !== undefined && { eligibility_description: offer.eligibility_description }),
    ...(offer.minimum_age !== undefined && { minimum_age: offer.minimum_age }),
    ...(offer.maximum_age !== undefined && { maximum_age: offer.maximum_age }),
    assured_date: offer.assured_date,
    last_modified: offer.last_modified,
    organization: toHsdsOrganization(offer.organization_name, organizations(offer)),
  };
}

/** The public never learns a confidential place: no street, no name, no coordinates — only that it exists. */
function toHsdsLocation(offer: Offer, location: NonNullable<Offer["location"]>, centreOf: CentreOf): HsdsLocation {
  const id = partId("location", offer.id);
  const accessibility = offer.accessibility_notes ? [{ id: partId("accessibility", offer.id), location_id: id, description: offer.accessibility_notes }] : [];
  if (location.confidential) {
    return { id, location_type: "physical", description: "Adressen får du, når du kontakter tilbuddet.", addresses: [], accessibility };
  }
  return {
    id,
    location_type: "physical",
    ...(location.name !== undefined && { name: location.name }),
    ...(location.latitude !== undefined && { latitude: location.latitude, longitude: location.longitude }),
    addresses: [
      {
        id: partId("address", offer.id),
        location_id: id,
        address_1: location.address_1,
        city: location.city,
        // The region of the offer's centre: HSDS requires one, and the centres know theirs.
        state_province: centreOf(offer.centre_id)?.region ?? "",
        postal_code: location.postal_code,
        country: "DK",
        address_type: "physical",
      },
    ],
    // HSDS keeps accessibility on the location; an offer without a place has nowhere to put it.
    accessibility,
  };
}

const icalDay = (weekday: string) => weekdays.find((day) => day.id === weekday)!.ical;

/**
 * HSDS schedules: the free text (if any), each weekly time (freq WEEKLY, byday), each dated
 * session (valid_from = valid_to = dtstart = its date). Ids follow the order, so they are stable
 * as long as staff do not reorder the times.
 */
function toHsdsSchedules(offer: Offer): HsdsSchedule[] {
  const service_id = offer.id;
  const id = (index: number) => (index === 0 ? partId("schedule", service_id) : uuidv5(`${service_id}#${index}`, namespaces.schedule));
  const schedules: Omit<HsdsSchedule, "id" | "service_id">[] = [
    ...(offer.schedule_description ? [{ description: offer.schedule_description }] : []),
    ...(offer.weekly ?? []).map((opening) => ({
      freq: "WEEKLY" as const,
      wkst: "MO" as const,
      byday: icalDay(opening.weekday),
      opens_at: opening.opens_at,
      closes_at: opening.closes_at,
    })),
    ...(offer.sessions ?? []).map((session) => ({
      valid_from: session.date,
      valid_to: session.date,
      dtstart: session.date,
      opens_at: session.opens_at,
      closes_at: session.closes_at,
    })),
  ];
  return schedules.map((schedule, index) => ({ id: id(index), service_id, ...schedule }));
}

const languageNames = new Intl.DisplayNames(["da"], { type: "language" });
const languageName = (code: string) => {
  const name = languageNames.of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase("da") + name.slice(1);
};

/** The stored centre of an offer (shared/centres.ts), for its name and region. */
export type CentreOf = (id: string) => Pick<Centre, "name" | "region"> | undefined;

export const centreLookup =
  (centres: readonly Centre[]): CentreOf =>
  (id) =>
    centres.find((centre) => centre.id === id);

export function toHsdsService(offer: Offer, centreOf: CentreOf, organizations: OrganizationLookup = noRecords): HsdsService {
  const service_id = offer.id;
  const terms = [termFor(offer.category), ...(offer.accessibility ?? []).map(termFor)];
  const centre = centreOf(offer.centre_id);
  const fees = feesDescription(offer);
  return {
    ...toHsdsServiceListItem(offer, organizations),
    phones: offer.phone ? [{ id: partId("phone", service_id), service_id, number: offer.phone, type: "voice" }] : [],
    schedules: toHsdsSchedules(offer),
    service_areas: [
      {
        id: partId("service_area", service_id),
        service_id,
        name: offer.area,
        description: centre ? `${offer.area}, ${centre.name.da}` : offer.area,
      },
    ],
    service_at_locations: offer.location
      ? [
          {
            id: partId("service_at_location", service_id),
            service_id,
            location_id: partId("location", service_id),
            location: toHsdsLocation(offer, offer.location, centreOf),
          },
        ]
      : [],
    languages: (offer.languages ?? ["da"]).map((code, index) => ({
      id: index === 0 ? partId("language", service_id) : uuidv5(`${service_id}#${index}`, namespaces.language),
      service_id,
      name: languageName(code),
      code,
    })),
    cost_options: offer.free
      ? [{ id: partId("cost_option", service_id), service_id, currency: "DKK", option: "Gratis", amount: 0 }]
      : fees
        ? [{ id: partId("cost_option", service_id), service_id, currency: "DKK", amount_description: fees }]
        : [],
    contacts: offer.email ? [{ id: partId("contact", service_id), service_id, name: offer.organization_name, email: offer.email }] : [],
    attributes: terms.map((term, index) => ({
      id: index === 0 ? partId("attribute", service_id) : uuidv5(`${service_id}#${term.code}`, namespaces.attribute),
      link_id: service_id,
      link_entity: "service" as const,
      taxonomy_term_id: term.id,
      taxonomy_term: term,
    })),
  };
}

/** The offer at its place; undefined for an offer without a place (a phone line, a visiting service). */
export function toHsdsServiceAtLocation(offer: Offer, centreOf: CentreOf, organizations: OrganizationLookup, full: boolean): HsdsServiceAtLocation | undefined {
  if (!offer.location) return undefined;
  const service_id = offer.id;
  const location = toHsdsLocation(offer, offer.location, centreOf);
  const { service_at_locations: _nested, ...nested } = toHsdsService(offer, centreOf, organizations);
  return {
    id: partId("service_at_location", service_id),
    service_id,
    location_id: location.id,
    location,
    service: full ? nested : toHsdsServiceListItem(offer, organizations),
  };
}

/** Every organisation behind the given offers, once each, in Danish alphabetical order. */
export function organizationsOf(offers: readonly Offer[], organizations: OrganizationLookup = noRecords): HsdsOrganization[] {
  const byId = new Map<string, HsdsOrganization>();
  for (const offer of offers) {
    const organization = toHsdsOrganization(offer.organization_name, organizations(offer));
    if (!byId.has(organization.id)) byId.set(organization.id, organization);
  }
  return [...byId.values()].sort((a, b) => (danishSortKey(a.name) < danishSortKey(b.name) ? -1 : danishSortKey(a.name) > danishSortKey(b.name) ? 1 : 0));
}

// Queries. Each list takes exactly the parameters the official openapi.json gives it; one it gives
// that Nærhed does not offer, and any other, is a 400 that names it (strict objects).

export const HSDS_MAX_PER_PAGE = 200;
export const HSDS_DEFAULT_PER_PAGE = 50;

const page = v.optional(queryInteger("hsds_page_invalid", 1, 999_999), "1");
/** Without a default: `minimal=true` without `per_page` gives every service on one page, as the openapi asks. */
const perPage = v.optional(queryInteger("hsds_per_page_invalid", 1, HSDS_MAX_PER_PAGE));
const search = v.optional(v.pipe(v.string("hsds_search_invalid"), v.trim(), v.maxLength(200, "hsds_search_invalid")));
const uuidParam = (
  key: "hsds_taxonomy_term_id_invalid" | "hsds_taxonomy_id_invalid" | "hsds_organization_id_invalid" | "hsds_parent_id_invalid",
) => v.optional(v.pipe(v.string(key), v.trim(), v.toLowerCase(), v.uuid(key)));
const yesNo = v.optional(
  v.pipe(
    v.picklist(["true", "false"], "hsds_boolean_invalid"),
    v.transform((text) => text === "true"),
  ),
  "false",
);
/** `ndjson`: every result, one JSON object a line, without pages. */
const format = v.optional(v.picklist(["json", "ndjson"], "hsds_format_invalid"), "json");
/** An official parameter Nærhed does not offer on this path: refused by name, with what to use instead. */
const notOffered = v.optional(v.never("hsds_parameter_not_offered"));
const strict = <const Entries extends v.ObjectEntries>(entries: Entries) => v.strictObject(entries, "hsds_parameter_unknown");

/** A date (2026-11-01, midnight UTC) or a date-time with Z or an offset (in a URL write `+` as %2B). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;
const modifiedAfter = v.optional(
  v.pipe(
    v.string("hsds_modified_after_invalid"),
    v.trim(),
    v.check((text) => DATE_TIME.test(text) && Number.isFinite(Date.parse(text)), "hsds_modified_after_invalid"),
    v.transform((text) => new Date(text).toISOString()),
  ),
);

const listEntries = { page, per_page: perPage, search, format };

/** `/taxonomies`. */
export const HsdsTaxonomiesQuery = strict(listEntries);
export type HsdsTaxonomiesQuery = v.InferOutput<typeof HsdsTaxonomiesQuery>;

/** `/taxonomy_terms`: `top_only` gives the terms without a parent (the groups and the accessibility facts). */
export const HsdsTaxonomyTermsQuery = strict({
  ...listEntries,
  taxonomy_id: uuidParam("hsds_taxonomy_id_invalid"),
  parent_id: uuidParam("hsds_parent_id_invalid"),
  top_only: yesNo,
});
export type HsdsTaxonomyTermsQuery = v.InferOutput<typeof HsdsTaxonomyTermsQuery>;

/** `/organizations`: services are read with `/services?organization_id=…`, not nested here. */
export const HsdsOrganizationsQuery = strict({ ...listEntries, full: notOffered, full_service: notOffered });
export type HsdsOrganizationsQuery = v.InferOutput<typeof HsdsOrganizationsQuery>;
export const HsdsOrganizationQuery = strict({ full_service: notOffered });

/** A path with an id takes no query parameters. */
export const HsdsNoQuery = strict({});

/**
 * The filters of `/services` and `/service_at_locations`. `search` is a plain case-insensitive
 * text match on name and description. `taxonomy_term_id` matches a category, a group (all its
 * categories) or an accessibility fact. `postcode` alone matches the offer's postcode; with
 * `proximity` (metres) it matches offers within that distance of the postcode's middle point
 * (places.ts). `full=true` nests each item fully.
 */
const serviceFilters = {
  ...listEntries,
  taxonomy_term_id: uuidParam("hsds_taxonomy_term_id_invalid"),
  taxonomy_id: uuidParam("hsds_taxonomy_id_invalid"),
  organization_id: uuidParam("hsds_organization_id_invalid"),
  modified_after: modifiedAfter,
  postcode: v.optional(v.pipe(v.string("hsds_postcode_invalid"), v.trim(), v.regex(/^\d{4}$/, "hsds_postcode_invalid"))),
  proximity: v.optional(
    v.pipe(
      v.string("hsds_proximity_invalid"),
      v.regex(/^\d{1,6}(\.\d{1,3})?$/, "hsds_proximity_invalid"),
      v.transform(Number),
      v.minValue(1, "hsds_proximity_invalid"),
      v.maxValue(100_000, "hsds_proximity_invalid"),
    ),
  ),
  full: yesNo,
};

/** `GET /api/hsds/services`; `minimal=true` gives only each service's id and last_modified. */
export const HsdsServicesQuery = v.pipe(
  strict({ ...serviceFilters, minimal: yesNo }),
  v.forward(
    v.check((query) => !(query.minimal && query.full), "hsds_minimal_full"),
    ["minimal"],
  ),
);
export type HsdsServicesQuery = v.InferOutput<typeof HsdsServicesQuery>;

/** `GET /api/hsds/service_at_locations`. */
export const HsdsServiceAtLocationsQuery = strict(serviceFilters);
export type HsdsServiceAtLocationsQuery = v.InferOutput<typeof HsdsServiceAtLocationsQuery>;

/** What the filters of an offer list read (paging, format and nesting are the list's own business). */
export type HsdsOfferFilters = Omit<HsdsServiceAtLocationsQuery, "page" | "per_page" | "format" | "full">;

export const HsdsId = v.object({ id: v.pipe(v.string("hsds_id_invalid"), v.toLowerCase(), v.uuid("hsds_id_invalid")) });

const fold = (text: string) => text.normalize("NFC").toLocaleLowerCase("da");

/** True when `text` contains the search words as typed (ignoring case), or there is no search. */
export function matchesSearch(search: string | undefined, ...texts: (string | undefined)[]): boolean {
  if (!search) return true;
  const needle = fold(search);
  return texts.some((text) => text !== undefined && fold(text).includes(needle));
}

/** The offers that pass every filter of the query, in the order given. */
export function filterOffers(offers: readonly Offer[], query: HsdsOfferFilters): Offer[] {
  return offers.filter(
    (offer) =>
      matchesSearch(query.search, offer.name, offer.description) &&
      (query.taxonomy_term_id === undefined || termsOf(offer).includes(query.taxonomy_term_id)) &&
      (query.taxonomy_id === undefined || hsdsTaxonomies.some((taxonomy) => taxonomy.id === query.taxonomy_id)) &&
      (query.organization_id === undefined || organizationIdOf(offer) === query.organization_id) &&
      // Stored times are ISO-8601 UTC with milliseconds, so they compare as text.
      (query.modified_after === undefined || new Date(offer.last_modified).toISOString() >= query.modified_after) &&
      nearPostcode(offer, query.postcode, query.proximity),
  );
}

/** The term ids an offer carries: its category, that category's group, its accessibility facts. */
function termsOf(offer: Offer): string[] {
  const group = categories.find((category) => category.id === offer.category)?.group;
  return [offer.category, ...(group ? [group] : []), ...(offer.accessibility ?? [])].map(taxonomyTermId);
}

function nearPostcode(offer: Offer, postcode: string | undefined, proximity: number | undefined): boolean {
  if (postcode === undefined) return true;
  const centre = postcodePoint(postcode);
  const point = pointOf(offer.location);
  if (proximity === undefined || !centre) return offer.location?.postal_code === postcode;
  return point !== undefined && distanceKm(centre, point) * 1000 <= proximity;
}

/** One page of `items` as an HSDS `Page` (page numbers start at 1; past the end the page is empty). */
export function toPage<T>(items: readonly T[], pageNumber: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.ceil(items.length / perPage);
  const contents = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
