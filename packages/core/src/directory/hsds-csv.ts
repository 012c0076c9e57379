import { categories } from "./categories.ts";
import { centres, municipality } from "../shared/centres.ts";
import { organizationId, taxonomyTermId } from "./hsds.ts";
import type { Offer } from "./offer.ts";

/**
 * The published directory as one flat CSV table: one row per service (offer), for people who
 * open it in a spreadsheet. Column names are HSDS field names where HSDS has one.
 *
 * - RFC 4180: comma-separated, CRLF line ends, a field is quoted when it holds a comma, a quote,
 *   a semicolon or a line break, and a quote inside is doubled.
 * - UTF-8 with a byte order mark, so Excel shows æ, ø and å right. (Excel with Danish settings
 *   splits on semicolons when a file is double-clicked; Data → From Text/CSV reads it right.)
 * - A text that starts with =, +, -, @ or a tab would be run as a formula by a spreadsheet;
 *   such a text gets a leading apostrophe. Numbers and phone numbers (only digits, spaces, a
 *   sign) are left as they are.
 */

const BOM = "\uFEFF";

type Column = readonly [header: string, value: (offer: Offer) => string | number | boolean | undefined];

const centreName = (offer: Offer) => centres.find((centre) => centre.id === offer.centre_id)?.name.da;
const categoryOf = (offer: Offer) => categories.find((category) => category.id === offer.category);

const columns: readonly Column[] = [
  ["id", (o) => o.id],
  ["name", (o) => o.name],
  ["alternate_name", (o) => o.alternate_name],
  ["description", (o) => o.description],
  ["organization_id", (o) => organizationId(o.organization_name)],
  ["organization_name", (o) => o.organization_name],
  ["status", (o) => o.status],
  ["url", (o) => o.url],
  ["email", (o) => o.email],
  ["phone", (o) => o.phone],
  ["taxonomy_term_id", (o) => taxonomyTermId(o.category)],
  ["category", (o) => categoryOf(o)?.name.da],
  ["centre", centreName],
  ["area", (o) => o.area],
  ["free", (o) => (o.free ? "ja" : "nej")],
  ["fees_description", (o) => o.fees_description],
  ["eligibility_description", (o) => o.eligibility_description],
  ["application_process", (o) => o.application_process],
  ["minimum_age", (o) => o.minimum_age],
  ["maximum_age", (o) => o.maximum_age],
  ["schedule_description", (o) => o.schedule_description],
  ["location_name", (o) => o.location?.name],
  ["address_1", (o) => o.location?.address_1],
  ["postal_code", (o) => o.location?.postal_code],
  ["city", (o) => o.location?.city],
  ["state_province", (o) => (o.location ? municipality.region : undefined)],
  ["country", (o) => (o.location ? municipality.country : undefined)],
  ["accessibility", (o) => o.accessibility_notes],
  ["languages", () => "da"],
  ["assured_date", (o) => o.assured_date],
  ["last_modified", (o) => o.last_modified],
];

export const HSDS_CSV_HEADERS: readonly string[] = columns.map(([header]) => header);

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[\d ]+([.,]\d+)?$/;

export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole CSV file as text, starting with the byte order mark. */
export function offersToCsv(offers: readonly Offer[]): string {
  const lines = [HSDS_CSV_HEADERS.join(","), ...offers.map((offer) => columns.map(([, value]) => csvField(value(offer))).join(","))];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
