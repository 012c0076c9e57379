import { categories } from "./categories.ts";
import { organizationIdOf, taxonomyTermId, type CentreOf } from "./hsds.ts";
import type { Offer } from "./offer.ts";
import { publicOffer } from "./public-offers.ts";

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

const categoryOf = (offer: Offer) => categories.find((category) => category.id === offer.category);

const columnsFor = (centreOf: CentreOf): readonly Column[] => [
  ["id", (o) => o.id],
  ["name", (o) => o.name],
  ["alternate_name", (o) => o.alternate_name],
  ["description", (o) => o.description],
  ["organization_id", organizationIdOf],
  ["organization_name", (o) => o.organization_name],
  ["status", (o) => o.status],
  ["url", (o) => o.url],
  ["email", (o) => o.email],
  ["phone", (o) => o.phone],
  ["taxonomy_term_id", (o) => taxonomyTermId(o.category)],
  ["category", (o) => categoryOf(o)?.name.da],
  ["centre", (o) => centreOf(o.centre_id)?.name.da],
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
  ["state_province", (o) => (o.location ? centreOf(o.centre_id)?.region : undefined)],
  ["country", (o) => (o.location ? "DK" : undefined)],
  ["latitude", (o) => o.location?.latitude],
  ["longitude", (o) => o.location?.longitude],
  ["confidential", (o) => (o.location ? (o.location.confidential ? "ja" : "nej") : undefined)],
  ["accessibility", (o) => o.accessibility_notes],
  // Lists inside one cell: codes separated by semicolons; times as "tu 14:00-16:00".
  ["accessibility_facts", (o) => o.accessibility?.join(";")],
  ["weekly", (o) => o.weekly?.map((w) => `${w.weekday} ${w.opens_at}-${w.closes_at}`).join(";")],
  ["sessions", (o) => o.sessions?.map((s) => `${s.date} ${s.opens_at}-${s.closes_at}`).join(";")],
  ["languages", (o) => (o.languages ?? ["da"]).join(";")],
  ["assured_date", (o) => o.assured_date],
  ["last_modified", (o) => o.last_modified],
];

export const HSDS_CSV_HEADERS: readonly string[] = columnsFor(() => undefined).map(([header]) => header);

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[\d ]+([.,]\d+)?$/;

export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole CSV file as text, starting with the byte order mark. A confidential place shows only its town. */
export function offersToCsv(offers: readonly Offer[], centreOf: CentreOf): string {
  const columns = columnsFor(centreOf);
  const rows = offers.map(publicOffer).map((offer) => columns.map(([, value]) => csvField(value(offer))).join(","));
  const lines = [HSDS_CSV_HEADERS.join(","), ...rows];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
