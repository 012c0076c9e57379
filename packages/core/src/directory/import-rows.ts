import { v5 as uuidv5 } from "uuid";
import * as v from "valibot";
import { centres, type CentreId } from "../shared/centres.ts";
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
export type CheckedRow = { row: number; name?: string; id?: string; input?: OfferInput; problems: RowProblem[] };

/** What a mapping makes of a row before the schema checks it. */
type Candidate = { id?: string; fields: Record<string, unknown>; problems: RowProblem[] };

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

/** A centre by its id or its Danish or English name; an empty value means the importer's own centre. */
function centreFrom(value: string, own: CentreId): string {
  const text = value.trim().toLowerCase();
  if (text === "") return own;
  return centres.find((c) => c.id === text || c.name.da.toLowerCase() === text || c.name.en.toLowerCase() === text)?.id ?? text;
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
export function fromCsvRow(header: readonly string[], record: readonly string[], own: CentreId): Candidate {
  const problems: RowProblem[] = [];
  if (record.length !== header.length) problems.push({ column: "", message: "import_row_columns" });
  const cell = (name: string) => unguard(record[header.indexOf(name)] ?? "").trim();
  const text = (name: string) => cell(name) || undefined;
  return {
    id: text("id"),
    problems,
    fields: {
      name: text("name"),
      alternate_name: text("alternate_name"),
      description: text("description"),
      organization_name: text("organization_name"),
      status: text("status"),
      url: text("url"),
      email: text("email"),
      phone: text("phone"),
      category: categoryFrom(cell("taxonomy_term_id"), cell("category"), problems),
      centre_id: centreFrom(cell("centre"), own),
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
      sessions: timesFrom(cell("sessions"), "date", "sessions", problems),
      languages: languagesFrom(list(cell("languages"))),
    },
  };
}

type Json = Record<string, unknown>;
const object = (value: unknown): Json | undefined => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined);
const first = (value: unknown): Json | undefined => (Array.isArray(value) ? object(value[0]) : undefined);
/** A JSON value as the schema should see it: null and blank text are "not given"; anything else is checked as it is. */
const str = (value: unknown) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value);

/** The centre in a service area's description, which the export writes as "<area>, <centre's Danish name>". */
function centreOfArea(area: Json | undefined, own: CentreId): string {
  const description = typeof area?.description === "string" ? area.description : "";
  return centres.find((c) => description.endsWith(`, ${c.name.da}`))?.id ?? own;
}

/** Mirror of hsds.ts `toHsdsService`: one HSDS service → the offer's fields. */
export function fromService(value: unknown, own: CentreId): Candidate {
  const service = object(value);
  if (!service) return { fields: {}, problems: [{ column: "", message: "import_service_invalid" }] };
  const problems: RowProblem[] = [];
  const area = first(service.service_areas);
  const location = object(first(service.service_at_locations)?.location);
  const address = first(location?.addresses);
  const terms = (Array.isArray(service.attributes) ? service.attributes.map(object) : [])
    .map((attribute) => hsdsTaxonomyTerms.find((t) => t.id === attribute?.taxonomy_term_id))
    .filter((t) => t !== undefined);
  const term = terms.find((t) => categories.some((category) => category.id === t.code));
  const facts = terms.filter((t) => accessibilityFacts.some((fact) => fact.id === t.code)).map((t) => t.code);
  const schedules = Array.isArray(service.schedules) ? service.schedules.map(object) : [];
  const weekly = schedules
    .filter((schedule) => schedule?.freq === "WEEKLY")
    .map((schedule) => ({
      weekday: weekdays.find((day) => day.ical === schedule!.byday)?.id ?? schedule!.byday,
      opens_at: schedule!.opens_at,
      closes_at: schedule!.closes_at,
    }));
  const sessions = schedules
    .filter((schedule) => schedule?.freq === undefined && schedule?.valid_from !== undefined)
    .map((schedule) => ({ date: schedule!.valid_from, opens_at: schedule!.opens_at, closes_at: schedule!.closes_at }));
  const languages = (Array.isArray(service.languages) ? service.languages.map(object) : []).map((language) => language?.code).filter((code) => typeof code === "string");
  // The export gives a confidential place no address, only a description saying so.
  const confidential = location !== undefined && Array.isArray(location.addresses) && location.addresses.length === 0 ? true : undefined;
  // The export writes a free offer as a cost option of 0 kroner, and "Gratis." as its fee text when it had none.
  const costs = Array.isArray(service.cost_options) ? service.cost_options.map(object) : undefined;
  const free = costs ? costs.some((cost) => cost?.amount === 0) : undefined;
  const fees = str(service.fees_description);
  return {
    id: typeof service.id === "string" ? service.id : undefined,
    problems,
    fields: {
      name: str(service.name),
      alternate_name: str(service.alternate_name),
      description: str(service.description),
      organization_name: str(object(service.organization)?.name),
      status: str(service.status),
      url: str(service.url),
      email: str(service.email),
      phone: str(first(service.phones)?.number),
      category: term?.code,
      centre_id: centreOfArea(area, own),
      area: str(area?.name),
      free,
      fees_description: free && fees === "Gratis." ? undefined : fees,
      eligibility_description: str(service.eligibility_description),
      application_process: str(service.application_process),
      minimum_age: age(service.minimum_age, "minimum_age", problems),
      maximum_age: age(service.maximum_age, "maximum_age", problems),
      schedule_description: str(first(service.schedules)?.description),
      location:
        location &&
        locationFrom(
          {
            name: str(location.name),
            address_1: str(address?.address_1),
            postal_code: str(address?.postal_code),
            city: str(address?.city),
            latitude: location.latitude,
            longitude: location.longitude,
            confidential,
          },
          problems,
        ),
      accessibility_notes: str(first(location?.accessibility)?.description),
      accessibility: facts.length > 0 ? facts : undefined,
      weekly: weekly.length > 0 ? weekly : undefined,
      sessions: sessions.length > 0 ? sessions : undefined,
      languages: languagesFrom(languages),
    },
  };
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
export function checkItem(item: ImportItem, header: readonly string[], own: CentreId): CheckedRow {
  const candidate = item.record ? fromCsvRow(header, item.record, own) : fromService(item.service, own);
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
  if (centre !== undefined && centre !== own && !problems.some((p) => p.column === "centre")) problems.push({ column: "centre", message: "import_other_centre" });
  const name = typeof candidate.fields.name === "string" ? candidate.fields.name.trim() : undefined;
  if (problems.length > 0 || !input) return { row: item.row, ...(name ? { name } : {}), ...(candidate.id ? { id: candidate.id } : {}), problems };
  return { row: item.row, name: input.name, id: candidate.id?.toLowerCase() ?? contentId(input), input, problems };
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
