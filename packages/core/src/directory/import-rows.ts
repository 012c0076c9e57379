import { v5 as uuidv5 } from "uuid";
import * as v from "valibot";
import type { Centre } from "../organisation/centre.ts";
import { InvalidInputError } from "../shared/errors.ts";
import type { Language } from "../shared/language.ts";
import { message, type MessageKey } from "../shared/messages.ts";
import { parseInput } from "../shared/validation.ts";
import { accessibilityFacts } from "./accessibility.ts";
import { categories } from "./categories.ts";
import { HSDS_NAMESPACE, hsdsTaxonomyTerms } from "./hsds.ts";
import type { ImportItem } from "./import-file.ts";
import { rowProblemText } from "./import-messages.ts";
import { OfferId, OfferInput } from "./offer.ts";
import { weekdays } from "./schedule.ts";

/**
 * One row of an import file → an `OfferInput` for the importing staff member's centre, checked
 * like the editor checks a draft. The mapping back from the export lives here only: one
 * function from an HSDS service (`fromService`) and one from a CSV row (`fromCsvRow`), each the
 * mirror of hsds.ts / hsds-csv.ts. A new offer field is added in those two functions.
 */

export type RowProblem = { column: string; message: MessageKey };

/** A checked row: `input` (and an `id`) only when it has no problems. */
export type CheckedRow = {
  row: number;
  name?: string;
  id?: string;
  input?: OfferInput;
  problems: RowProblem[];
  organization?: OrganizationCandidate;
  foreignTerms?: ForeignTerm[];
  keptOut?: Record<string, number>;
};

/** Where each OfferInput field sits in the file (the CSV column, which is also the HSDS field name). */
const columnOf: Record<string, string> = {
  centre_id: "centre",
  category: "category",
  accessibility_notes: "accessibility",
  location: "address_1",
  "location.name": "location_name",
  "location.address_1": "address_1",
  "location.postal_code": "postal_code",
  "location.city": "city",
  "location.latitude": "latitude",
  "location.longitude": "longitude",
  "location.confidential": "confidential",
  accessibility: "accessibility_facts",
};
/** A list's item ("weekly.0.closes_at") is named by the list's column: the file holds the list in one cell. */
const LIST_FIELDS = new Set(["accessibility", "weekly", "sessions", "languages"]);
const column = (field: string) => {
  const list = field.split(".")[0]!;
  return columnOf[field] ?? (LIST_FIELDS.has(list) ? (columnOf[list] ?? list) : field);
};

/** Texts the export guarded against spreadsheet formulas start with an apostrophe (hsds-csv.ts `csvField`). */
const unguard = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const given = (value: unknown) => (typeof value === "string" ? value.trim() !== "" : value !== undefined && value !== null);

function age(value: unknown, name: string, problems: RowProblem[]): unknown {
  if (!given(value)) return undefined;
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\s*\d{1,3}\s*$/.test(value)) return Number(value);
  problems.push({ column: name, message: "age_invalid" });
  return undefined;
}

const YES = new Set(["ja", "yes", "true", "1"]);
const NO = new Set(["nej", "no", "false", "0"]);

function yesNo(value: string, name: string, problems: RowProblem[]): boolean | undefined {
  const word = value.trim().toLowerCase();
  if (word === "") return undefined;
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  problems.push({ column: name, message: "import_free_invalid" });
  return undefined;
}

/** The importer's own centre, and every stored centre, by which a row may name its centre. */
export type ImportCentres = { own: string; known: readonly Pick<Centre, "id" | "name">[] };

/** A centre by its id or its Danish or English name; an empty value means the importer's own centre. */
function centreFrom(value: string, centres: ImportCentres): string {
  const text = value.trim().toLowerCase();
  if (text === "") return centres.own;
  return centres.known.find((c) => c.id === text || c.name.da.toLowerCase() === text || c.name.en?.toLowerCase() === text)?.id ?? text;
}

/** A category by its HSDS term id, or by its id or its Danish or English name. */
function categoryFrom(termId: string, name: string, problems: RowProblem[]): string | undefined {
  if (termId.trim() !== "") {
    const term = hsdsTaxonomyTerms.find((t) => t.id === termId.trim().toLowerCase());
    if (!term) problems.push({ column: "taxonomy_term_id", message: "category_invalid" });
    return term?.code;
  }
  const text = name.trim().toLowerCase();
  if (text === "") return undefined;
  return categories.find((c) => c.id === text || c.name.da.toLowerCase() === text || c.name.en.toLowerCase() === text)?.id ?? text;
}

type PlaceParts = { name?: unknown; address_1?: unknown; postal_code?: unknown; city?: unknown; latitude?: unknown; longitude?: unknown; confidential?: unknown };

/**
 * The place, when any part of it is given (then every required part must be). The export never
 * holds a confidential address, so such a row says so instead of just "the address is missing".
 */
function locationFrom(parts: PlaceParts, problems: RowProblem[]) {
  if (!Object.values(parts).some((value) => given(value) && value !== false)) return undefined;
  if (parts.confidential === true && !given(parts.address_1)) problems.push({ column: "address_1", message: "import_confidential_address" });
  return Object.fromEntries(Object.entries(parts).filter(([key, value]) => given(value) && !(key === "confidential" && value === false)));
}

/** "7,5" or "55.56" → a number; anything else is left for the schema to name. */
function decimal(value: string): unknown {
  if (value === "") return undefined;
  const number = Number(value.replace(",", "."));
  return Number.isFinite(number) ? number : value;
}

/** A list in one CSV cell, separated by semicolons (hsds-csv.ts). */
const list = (value: string) =>
  value
    .split(";")
    .map((item) => item.trim())
    .filter(Boolean);

/** Danish only is the default the export writes for an offer without languages: that reads back as no languages. */
const languagesFrom = (codes: string[]) => (codes.length === 0 || (codes.length === 1 && codes[0] === "da") ? undefined : codes);

const TIMES = /^(\S+) (\d\d:\d\d)-(\d\d:\d\d)$/;

/** "tu 14:00-16:00;th 10:00-12:00" → weekly times, "2026-12-05 10:00-13:00" → sessions; the schema checks the values. */
function timesFrom<K extends "weekday" | "date">(value: string, key: K, name: string, problems: RowProblem[]) {
  const times: ({ opens_at: string; closes_at: string } & Record<K, string>)[] = [];
  for (const item of list(value)) {
    const match = TIMES.exec(item);
    if (!match) {
      problems.push({ column: name, message: "import_times_invalid" });
      return undefined;
    }
    times.push({ [key]: match[1]!, opens_at: match[2]!, closes_at: match[3]! } as { opens_at: string; closes_at: string } & Record<K, string>);
  }
  return times.length > 0 ? times : undefined;
}

/** Mirror of hsds-csv.ts `columns`: a row of the CSV export → the offer's fields. */
export function fromCsvRow(header: readonly string[], record: readonly string[], centres: ImportCentres, context: ImportContext = {}): Candidate {
  const problems: RowProblem[] = [];
  if (record.length !== header.length) problems.push({ column: "", message: "import_row_columns" });
  const cell = (name: string) => unguard(record[header.indexOf(name)] ?? "").trim();
  const text = (name: string) => cell(name) || undefined;
  const candidate: Candidate = {
    id: text("id"),
    problems,
    fields: {
      name: text("name"),
      alternate_name: text("alternate_name"),
      description: text("description"),
      organization_name: text("organization_name"),
      status: text("status"),
      url: webAddress(text("url"), "url", problems),
      email: text("email"),
      phone: phoneOf(text("phone"), problems),
      category: categoryFrom(cell("taxonomy_term_id"), cell("category"), problems),
      centre_id: centreFrom(cell("centre"), centres),
      area: text("area"),
      free: yesNo(cell("free"), "free", problems),
      fees_description: text("fees_description"),
      eligibility_description: text("eligibility_description"),
      application_process: text("application_process"),
      minimum_age: age(cell("minimum_age"), "minimum_age", problems),
      maximum_age: age(cell("maximum_age"), "maximum_age", problems),
      schedule_description: text("schedule_description"),
      location: locationFrom(
        {
          name: text("location_name"),
          address_1: text("address_1"),
          postal_code: text("postal_code"),
          city: text("city"),
          latitude: decimal(cell("latitude")),
          longitude: decimal(cell("longitude")),
          confidential: yesNo(cell("confidential"), "confidential", problems),
        },
        problems,
      ),
      accessibility_notes: text("accessibility"),
      accessibility: list(cell("accessibility_facts")).length > 0 ? list(cell("accessibility_facts")) : undefined,
      weekly: timesFrom(cell("weekly"), "weekday", "weekly", problems),
      sessions: pastSessions(timesFrom(cell("sessions"), "date", "sessions", problems), context, problems),
      languages: languagesFrom(list(cell("languages"))),
    },
  };
  const place = candidate.fields.location as Json | undefined;
  coordinateProblems(place?.latitude, place?.longitude, problems);
  return candidate;
}

/** Dated sessions, with a problem when one of them is before today. */
function pastSessions<T extends { date: string }>(sessions: T[] | undefined, context: ImportContext, problems: RowProblem[]) {
  if (context.today && sessions?.some((session) => session.date < context.today!)) problems.push({ column: "sessions", message: "import_session_past" });
  return sessions;
}

type Json = Record<string, unknown>;
const object = (value: unknown): Json | undefined => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined);
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.map(object).filter((item) => item !== undefined) : []);
const first = (value: unknown): Json | undefined => objects(value)[0];
/** A JSON value as the schema should see it: null and blank text are "not given"; anything else is checked as it is. */
const str = (value: unknown) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value);
/** A number in JSON, or (the tabular form) in text. */
const numeric = (value: unknown) => (typeof value === "string" ? decimal(value.trim()) : (str(value) as unknown));

/** The centre in a service area's description, which the export writes as "<area>, <centre's Danish name>". */
function centreOfArea(area: Json | undefined, centres: ImportCentres): string {
  const description = typeof area?.description === "string" ? area.description : "";
  return centres.known.find((c) => description.endsWith(`, ${c.name.da}`))?.id ?? centres.own;
}

/**
 * A taxonomy term of another publisher, found on a service. `key` is what a mapping remembers it
 * by: the term's id (HSDS requires one), else its taxonomy and code.
 */
export type ForeignTerm = { key: string; taxonomy: string; code?: string; name: string; mapped?: string };

/** The organisation a row names, with the HSDS fields Nærhed keeps (checked by the import with OrganizationInput). */
export type OrganizationCandidate = {
  name: string;
  description?: string;
  website?: string;
  email?: string;
  phone?: string;
  legal_status?: string;
  identifiers?: { identifier_scheme?: string; identifier_type: string; identifier: string }[];
};

/** What the import knows besides the row: the term mapping staff confirmed, and today (for sessions in the past). */
export type ImportContext = { terms?: Readonly<Record<string, string>>; today?: string };

/** What a mapping makes of a row before the schema checks it. */
type Candidate = {
  id?: string;
  fields: Record<string, unknown>;
  problems: RowProblem[];
  organization?: OrganizationCandidate;
  foreignTerms?: ForeignTerm[];
  keptOut?: Record<string, number>;
};

/** Denmark with its islands, Bornholm and Ertholmene included, with a little sea around. */
const DENMARK = { south: 54.4, north: 57.9, west: 7.9, east: 15.3 };

/** Plausible coordinates: in range (else the schema names them) and in Denmark. */
function coordinateProblems(latitude: unknown, longitude: unknown, problems: RowProblem[]) {
  if (typeof latitude !== "number" || typeof longitude !== "number") return;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    problems.push({ column: Math.abs(latitude) > 90 ? "latitude" : "longitude", message: "import_coordinates_out_of_range" });
    return;
  }
  const inDenmark = latitude >= DENMARK.south && latitude <= DENMARK.north && longitude >= DENMARK.west && longitude <= DENMARK.east;
  if (!inDenmark) problems.push({ column: "latitude", message: "import_coordinates_outside_denmark" });
}

const ZONES = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
/** HSDS 3.0 writes `timezone` as a UTC offset number; a place's clock is a zone name (Europe/Copenhagen), which knows summer time. */
const isZoneName = (value: unknown) => typeof value === "string" && ZONES.has(value);

/** The phone number as given, or a problem: a quote inside is left from a spreadsheet's quoting. */
function phoneOf(value: unknown, problems: RowProblem[]): unknown {
  const phone = str(value);
  if (typeof phone === "string" && /["'“”‘’]/.test(phone)) problems.push({ column: "phone", message: "import_phone_quotes" });
  return phone;
}

/** Only web pages: an address of another scheme (javascript:, ftp:, mailto:) is no link for a citizen. */
function webAddress(value: unknown, column: string, problems: RowProblem[]): unknown {
  const url = str(value);
  if (typeof url === "string" && !/^https?:\/\//i.test(url.trim())) problems.push({ column, message: "import_url_not_web" });
  return url;
}

function foreignTermOf(attribute: Json): ForeignTerm | undefined {
  const term = object(attribute.taxonomy_term);
  const id = str(term?.id) ?? str(attribute.taxonomy_term_id);
  const taxonomy = String(str(object(term?.taxonomy_detail)?.name) ?? str(term?.taxonomy) ?? str(term?.taxonomy_id) ?? "");
  const code = str(term?.code) as string | undefined;
  const key = typeof id === "string" ? id.toLowerCase() : code ? `${taxonomy}:${code}` : undefined;
  if (!key) return undefined;
  return { key, taxonomy, ...(code ? { code } : {}), name: String(str(term?.name) ?? code ?? key) };
}

/** "MO,WE" → our weekdays; undefined when a day is not one. */
const weekdaysOf = (byday: unknown) =>
  typeof byday === "string" ? byday.split(",").map((day) => weekdays.find((w) => w.ical === day.trim().toUpperCase())?.id ?? day) : undefined;

/**
 * One HSDS service → the offer's fields. Reads the nested form of any publisher (and so the
 * export, hsds.ts `toHsdsService`, whose every field it gives back): our own taxonomy terms
 * directly, another publisher's through the mapping staff confirmed (`context.terms`); what
 * Nærhed has no field for is counted in `keptOut`.
 */
export function fromService(value: unknown, centres: ImportCentres, context: ImportContext = {}): Candidate {
  const service = object(value);
  if (!service) return { fields: {}, problems: [{ column: "", message: "import_service_invalid" }] };
  const problems: RowProblem[] = [];
  const keptOut: Record<string, number> = {};
  const keep = (what: string, count: number) => {
    if (count > 0) keptOut[what] = (keptOut[what] ?? 0) + count;
  };
  const areas = objects(service.service_areas);
  const area = areas[0];
  const links = objects(service.service_at_locations);
  const location = object(links[0]?.location);
  const addresses = objects(location?.addresses);
  const address = addresses.find((a) => a.address_type === "physical") ?? addresses[0];

  // Taxonomy terms: ours by id; another publisher's through the confirmed mapping.
  const codes: string[] = [];
  const foreignTerms: ForeignTerm[] = [];
  for (const attribute of objects(service.attributes)) {
    const ours = hsdsTaxonomyTerms.find((t) => t.id === String(attribute.taxonomy_term_id ?? "").toLowerCase());
    if (ours) {
      codes.push(ours.code);
      continue;
    }
    const foreign = foreignTermOf(attribute);
    if (!foreign) continue;
    const mapped = context.terms?.[foreign.key];
    foreignTerms.push(mapped === undefined ? foreign : { ...foreign, mapped });
    if (mapped === "none") keep("attributes", 1);
    else if (mapped !== undefined) codes.push(mapped);
  }
  const category = codes.find((code) => categories.some((c) => c.id === code));
  const facts = [...new Set(codes.filter((code) => accessibilityFacts.some((fact) => fact.id === code)))];

  // Schedules: the free text, weekly times (one a day of byday), dated sessions; anything else (monthly, …) is kept out.
  const schedules = objects(service.schedules);
  for (const schedule of schedules) if (str(schedule.timezone) !== undefined && !isZoneName(schedule.timezone)) problems.push({ column: "schedules", message: "import_timezone_invalid" });
  const weekly = schedules
    .filter((s) => s.freq === "WEEKLY" && s.byday)
    .flatMap((s) => (weekdaysOf(s.byday) ?? []).map((weekday) => ({ weekday, opens_at: s.opens_at, closes_at: s.closes_at })));
  const dated = schedules.filter((s) => s.freq === undefined && (s.valid_from !== undefined || s.dtstart !== undefined) && s.opens_at !== undefined);
  const sessions = dated.map((s) => ({ date: String(s.dtstart ?? s.valid_from).slice(0, 10), opens_at: s.opens_at, closes_at: s.closes_at }));
  const described = schedules.find((s) => s.freq === undefined && s.valid_from === undefined && s.dtstart === undefined && str(s.description) !== undefined);
  keep("schedules", schedules.length - schedules.filter((s) => (s.freq === "WEEKLY" && s.byday) || dated.includes(s) || s === described).length);

  const languageCodes = objects(service.languages).map((language) => String(language.code ?? "").toLowerCase());
  const languages = languageCodes.filter((code) => /^[a-z]{2}$/.test(code));
  keep("languages", languageCodes.length - languages.length);

  // The export writes a free offer as a cost option of 0 kroner, and "Gratis." as its fee text when it had none.
  const costs = Array.isArray(service.cost_options) ? objects(service.cost_options) : undefined;
  const free = costs ? costs.some((cost) => Number(cost.amount) === 0 && str(cost.amount) !== undefined) : undefined;
  const costText = costs?.map((cost) => str(cost.amount_description) ?? (str(cost.amount) !== undefined ? `${cost.amount} ${cost.currency ?? ""}`.trim() : undefined)).find((text) => text !== undefined);
  const fees = str(service.fees_description) ?? (free ? undefined : costText);
  keep("cost_options", Math.max(0, (costs?.length ?? 0) - 1));

  const organization = object(service.organization);
  const contacts = objects(service.contacts);
  const email = str(service.email) ?? str(contacts.find((contact) => str(contact.email) !== undefined)?.email);
  // The export's one contact is the organisation's name with the service's email: nothing more to keep.
  keep("contacts", contacts.filter((contact) => !(contact.email === email && (contact.name === organization?.name || contact.name === undefined))).length);
  keep("phones", Math.max(0, objects(service.phones).length - 1));
  keep("service_at_locations", Math.max(0, links.length - 1));
  keep("service_areas", Math.max(0, areas.length - 1));
  keep("funding", objects(service.funding).length);
  keep("required_documents", objects(service.required_documents).length);
  keep("programs", object(service.program) ? 1 : 0);

  const latitude = numeric(location?.latitude);
  const longitude = numeric(location?.longitude);
  coordinateProblems(latitude, longitude, problems);
  // The export gives a confidential place no address, only a description saying so.
  const confidential = location !== undefined && Array.isArray(location.addresses) && location.addresses.length === 0 ? true : undefined;
  const notes = objects(location?.accessibility)
    .map((a) => str(a.description))
    .filter((text): text is string => typeof text === "string");
  const sessionsList = pastSessions(sessions.length > 0 ? sessions : undefined, context, problems);

  return {
    id: typeof service.id === "string" ? service.id : undefined,
    problems,
    ...(organization && str(organization.name) !== undefined ? { organization: organizationFrom(organization, problems) } : {}),
    ...(foreignTerms.length > 0 ? { foreignTerms } : {}),
    keptOut,
    fields: {
      name: str(service.name),
      alternate_name: str(service.alternate_name),
      description: str(service.description),
      organization_name: str(organization?.name),
      status: str(service.status),
      url: webAddress(service.url, "url", problems),
      email,
      phone: phoneOf(first(service.phones)?.number, problems),
      category,
      centre_id: centreOfArea(area, centres),
      area: str(area?.name) ?? str(address?.city),
      free,
      fees_description: free && fees === "Gratis." ? undefined : fees,
      eligibility_description: str(service.eligibility_description),
      application_process: str(service.application_process),
      minimum_age: age(service.minimum_age, "minimum_age", problems),
      maximum_age: age(service.maximum_age, "maximum_age", problems),
      schedule_description: str(described?.description),
      location:
        location &&
        locationFrom(
          {
            name: str(location.name),
            address_1: str(address?.address_1),
            postal_code: str(address?.postal_code),
            city: str(address?.city),
            latitude,
            longitude,
            confidential,
          },
          problems,
        ),
      accessibility_notes: notes.length > 0 ? notes.join(" ") : undefined,
      accessibility: facts.length > 0 ? facts : undefined,
      weekly: weekly.length > 0 ? weekly : undefined,
      sessions: sessionsList,
      languages: languagesFrom(languages),
    },
  };
}

/** The organisation's own text, unless it is the sentence the export writes for one without (hsds.ts `toHsdsOrganization`). */
const ownDescription = (text: unknown) => (typeof text === "string" && !text.endsWith("står bag et eller flere tilbud i Nærhed.") ? text : undefined);

function organizationFrom(organization: Json, problems: RowProblem[]): OrganizationCandidate {
  const website = webAddress(organization.website, "organization.website", problems);
  const identifiers = objects(organization.organization_identifiers).map((identifier) => ({
    ...(typeof str(identifier.identifier_scheme) === "string" ? { identifier_scheme: String(identifier.identifier_scheme) } : {}),
    identifier_type: String(str(identifier.identifier_type) ?? ""),
    identifier: String(str(identifier.identifier) ?? ""),
  }));
  const candidate = {
    name: String(organization.name).trim(),
    description: ownDescription(str(organization.description)),
    website: typeof website === "string" ? website : undefined,
    email: str(organization.email) as string | undefined,
    phone: str(first(organization.phones)?.number) as string | undefined,
    legal_status: str(organization.legal_status) as string | undefined,
    identifiers: identifiers.length > 0 ? identifiers : undefined,
  };
  return Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)) as OrganizationCandidate;
}

/** The fields in one order, so equal offers give equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Json).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * A row without an id gets one made from its content and centre: importing the same file
 * again finds the same offers instead of making copies. Never change this namespace.
 */
const IMPORT_NAMESPACE = uuidv5("naerhed:import", HSDS_NAMESPACE);
const contentId = (input: OfferInput) => uuidv5(canonical(input), IMPORT_NAMESPACE);

const valueAt = (fields: Json, path: string): unknown =>
  path.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Json)[key] : undefined), fields);

/** Checks one item of the file for the importer's centre. */
export function checkItem(item: ImportItem, header: readonly string[], centres: ImportCentres, context: ImportContext = {}): CheckedRow {
  const candidate = item.record ? fromCsvRow(header, item.record, centres, context) : fromService(item.service, centres, context);
  const problems = [...candidate.problems];
  if (candidate.id !== undefined && !v.is(OfferId, candidate.id)) problems.push({ column: "id", message: "import_id_invalid" });
  const centre = candidate.fields.centre_id;
  let input: OfferInput | undefined;
  try {
    // Something that is not a service at all has no fields to check.
    if (Object.keys(candidate.fields).length > 0) input = parseInput(OfferInput, candidate.fields);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    for (const problem of error.problems) {
      const name = column(problem.field);
      // An empty cell is "must not be empty", whatever check it failed first.
      const empty = problem.message === "invalid_value" && !given(valueAt(candidate.fields, problem.field));
      // A value already reported (an age that is not a number) is not reported twice.
      if (!problems.some((p) => p.column === name)) problems.push({ column: name, message: empty ? "text_required" : problem.message });
    }
  }
  // Another centre's row is refused as such, whatever else is wrong with it (an unknown centre is already named).
  if (centre !== undefined && centre !== centres.own && !problems.some((p) => p.column === "centre")) problems.push({ column: "centre", message: "import_other_centre" });
  const name = typeof candidate.fields.name === "string" ? candidate.fields.name.trim() : undefined;
  const extra = {
    ...(candidate.organization ? { organization: candidate.organization } : {}),
    ...(candidate.foreignTerms ? { foreignTerms: candidate.foreignTerms } : {}),
    ...(candidate.keptOut && Object.keys(candidate.keptOut).length > 0 ? { keptOut: candidate.keptOut } : {}),
  };
  if (problems.length > 0 || !input) return { row: item.row, ...(name ? { name } : {}), ...(candidate.id ? { id: candidate.id } : {}), problems, ...extra };
  return { row: item.row, name: input.name, id: candidate.id?.toLowerCase() ?? contentId(input), input, problems, ...extra };
}

/** The same offer twice in one file would make one transaction write one item twice; both rows are refused. */
export function markDuplicates(rows: CheckedRow[]): CheckedRow[] {
  const count = new Map<string, number>();
  for (const row of rows) if (row.id) count.set(row.id, (count.get(row.id) ?? 0) + 1);
  return rows.map((row) =>
    row.id && count.get(row.id)! > 1 ? { ...row, input: undefined, problems: [...row.problems, { column: "id", message: "import_duplicate_id" }] } : row,
  );
}

export function describeProblem(row: number, problem: RowProblem, language: Language): string {
  return rowProblemText(language, row, problem.column, message(problem.message, language));
}
