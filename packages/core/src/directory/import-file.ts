import { csvRecord, parseCsv, separatorOf } from "./csv.ts";
import type { TabularProblem } from "./hsds-dataset.ts";

/**
 * An import file: CSV with a header line as the export writes it (hsds-csv.ts), or HSDS JSON of
 * any publisher (an array of services, an HSDS `Page` with them in `contents`, or one service). Read here
 * into one list of items, so the API checks them and the page can cut a large file into
 * parts that fit the API's body limit. Pure and free of server code: the site uses it too.
 */

export type ImportFormat = "csv" | "json";

/** One item of the file: a CSV record (its fields in the header's order), or one HSDS service as parsed JSON. */
export type ImportItem = { row: number; record?: string[]; service?: unknown };

export type FileProblem = "import_file_empty" | "import_csv_invalid" | "import_json_invalid" | "import_header_missing" | TabularProblem;
export type ImportFile = { ok: true; header: string[]; items: ImportItem[] } | { ok: false; problem: FileProblem };

/** JSON when the text starts like JSON, CSV otherwise (a CSV export starts with its header line). */
export function formatOf(text: string): ImportFormat {
  return /^\uFEFF?\s*[[{]/.test(text) ? "json" : "csv";
}

/** The items of `text`; row numbers count the items from `firstRow` (the first offer of the file is row 1). */
export function readImportFile(text: string, format: ImportFormat, firstRow = 1): ImportFile {
  return format === "csv" ? readCsv(text, firstRow) : readJson(text, firstRow);
}

function readCsv(text: string, firstRow: number): ImportFile {
  const parsed = parseCsv(text, separatorOf(text.replace(/^\uFEFF/, "")));
  if (!parsed.ok) return { ok: false, problem: "import_csv_invalid" };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, problem: "import_file_empty" };
  const names = header.map((name) => name.trim());
  if (!names.includes("name")) return { ok: false, problem: "import_header_missing" };
  if (records.length === 0) return { ok: false, problem: "import_file_empty" };
  return {
    ok: true,
    header: names,
    items: records.map((record, index) => ({ row: firstRow + index, record })),
  };
}

function readJson(text: string, firstRow: number): ImportFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, problem: "import_json_invalid" };
  }
  // An array of services, an HSDS Page with them in `contents`, or one service on its own.
  const page = parsed as { contents?: unknown; name?: unknown } | null;
  const services = Array.isArray(parsed) ? parsed : Array.isArray(page?.contents) ? page.contents : page && typeof page === "object" && "name" in page ? [page] : undefined;
  if (!Array.isArray(services)) return { ok: false, problem: "import_json_invalid" };
  if (services.length === 0) return { ok: false, problem: "import_file_empty" };
  return { ok: true, header: [], items: services.map((service: unknown, index) => ({ row: firstRow + index, service })) };
}

/** One request's worth of a large file: itself a valid file of the same format. */
export type ImportBatch = { firstRow: number; rows: number; body: string };

/** At most this many offers per request: one DynamoDB transaction holds at most 100 writes, each offer and its audit line. */
export const IMPORT_BATCH_ROWS = 50;
/** Below the API's 64 KB body limit, with room to spare. */
export const IMPORT_BATCH_BYTES = 48 * 1024;

const bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * Cuts a read file into parts of at most IMPORT_BATCH_ROWS items and about IMPORT_BATCH_BYTES
 * each (an item bigger than that on its own still gets its own part, and the API says it is
 * too large). CSV parts repeat the header line; every field is quoted, so each value arrives
 * exactly as the file held it (a leading apostrophe included).
 */
export function splitImportFile(file: Extract<ImportFile, { ok: true }>, format: ImportFormat): ImportBatch[] {
  const headerLine = csvRecord(file.header);
  const encode = (item: ImportItem) => (format === "csv" ? csvRecord(item.record ?? []) : JSON.stringify(item.service));
  const wrap = (parts: string[]) => (format === "csv" ? `${[headerLine, ...parts].join("\r\n")}\r\n` : `[${parts.join(",")}]`);
  const batches: ImportBatch[] = [];
  let parts: string[] = [];
  let size = bytes(wrap([]));
  let firstRow = file.items[0]?.row ?? 1;
  for (const item of file.items) {
    const part = encode(item);
    const partSize = bytes(part) + 2;
    if (parts.length > 0 && (parts.length >= IMPORT_BATCH_ROWS || size + partSize > IMPORT_BATCH_BYTES)) {
      batches.push({ firstRow, rows: parts.length, body: wrap(parts) });
      parts = [];
      size = bytes(wrap([]));
      firstRow = item.row;
    }
    parts.push(part);
    size += partSize;
  }
  if (parts.length > 0) batches.push({ firstRow, rows: parts.length, body: wrap(parts) });
  return batches;
}
