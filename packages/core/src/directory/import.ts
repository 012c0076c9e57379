import { createHash } from "node:crypto";
import * as v from "valibot";
import type { Actor } from "../identity/person.ts";
import type { AuditLog } from "../shared/audit.ts";
import type { CentreDirectory, CentreId } from "../shared/centres.ts";
import { ConflictError, InvalidInputError } from "../shared/errors.ts";
import type { Language } from "../shared/language.ts";
import { isMessageKey } from "../shared/messages.ts";
import { organizationId } from "./hsds.ts";
import { keptOutText, nestTables, readTables } from "./hsds-dataset.ts";
import { IMPORT_BATCH_ROWS, readImportFile, type ImportFile } from "./import-file.ts";
import { canonical, checkItem, describeProblem, markDuplicates, type CheckedRow, type ForeignTerm, type RowProblem } from "./import-rows.ts";
import type { CuratedOffer, OfferInput } from "./offer.ts";
import { matchOrganization, OrganizationInput, type Organization } from "./organization.ts";
import type { DirectoryStore } from "./store.ts";
import { MappingInput, publisherKey, suggestMapping } from "./term-mapping.ts";

/**
 * Staff import a file of offers (the export's CSV or HSDS JSON) into their centre: first a
 * preview that writes nothing, then, when they confirm, every row at once or none.
 *
 * - A row with the id of an offer of this centre updates it; any other row makes a new offer.
 *   What an import writes is a draft: new offers, and changed ones too (a published offer
 *   leaves the public list until staff have looked at it and publish it again). A row equal to
 *   its stored offer is "unchanged" and not written, so importing the same file again writes
 *   nothing new, and a published offer that did not change stays published.
 * - Preview and import work on one part of a file (at most IMPORT_BATCH_ROWS rows, inside the
 *   API's 64 KB body limit); the page cuts large files up (import-file.ts `splitImportFile`),
 *   previews every part, and only offers to import when no part has an error.
 * - The preview gives a `plan`: a fingerprint of what each row would do and of the version of
 *   each offer it would change. The import refuses a different plan, so nothing is written
 *   that the person did not see; and each write is conditional on the version that was read.
 * - One part is written in DynamoDB transactions of at most 100 items: each offer and each new
 *   organisation counts twice, with its audit line, so one transaction holds 50 of them and a part
 *   (IMPORT_BATCH_ROWS = 50 rows) at most two. The new organisations go first, before the offers
 *   that point at them. When a transaction fails, the ones before it stay written (and audited);
 *   importing the same file again is safe: those rows now show as unchanged, organisations as
 *   existing, and nothing is made twice.
 * - Any valid HSDS 3.0 dataset comes in: the nested JSON of any publisher, or the tabular form
 *   (hsds-dataset.ts). Each row's organisation is matched to a stored one (identifier, then name)
 *   or becomes a new one, written with the offers; another publisher's taxonomy terms go through
 *   the mapping staff confirmed for that publisher (term-mapping.ts), and the import refuses a
 *   part while any of its terms is unconfirmed. What Nærhed has no field for is counted as
 *   kept out. Rows are also checked for being plausible, not just valid (import-rows.ts).
 */

export type ImportServices = { store: DirectoryStore; audit: AuditLog; now: () => Date; centres: CentreDirectory };

export type ImportAction = "create" | "update" | "unchanged" | "error";
/** The organisation a row will point at: one already stored (found by identifier or by name), or a new one the import creates. */
export type RowOrganization = { id: string; name: string; status: "existing" | "new"; by?: "identifier" | "name" };
export type PreviewRow = { row: number; name?: string; id?: string; action: ImportAction; problems: RowProblem[]; organization?: RowOrganization };
/** A foreign term in the part, how often it is used, what it is mapped to (if confirmed) and what the words suggest. */
export type PreviewTerm = ForeignTerm & { count: number; suggestion?: string };
export type ImportPreview = { rows: PreviewRow[]; plan: string; terms: PreviewTerm[]; kept_out: Record<string, number>; publisher?: string };
export type ImportRequest = (
  | { format: "csv" | "json"; text: string }
  /** HSDS's tabular form: the CSV tables (and datapackage.json) by file name. */
  | { format: "tabular"; files: Record<string, string> }
) & { firstRow: number; publisher?: string };

/** TransactWriteItems holds at most 100 items: 50 writes (an offer or a new organisation), each with its audit line. */
const TRANSACTION_WRITES = 50;

/** The fields an import sets: an offer's own fields, without its state, id and bookkeeping. */
function inputOf(offer: CuratedOffer): OfferInput {
  const { id: _id, publication: _p, assured_date: _a, last_modified: _l, version: _v, ...input } = offer;
  return input;
}

type PlannedRow = PreviewRow & { input?: OfferInput; before?: CuratedOffer; newOrganization?: Organization; foreignTerms?: ForeignTerm[]; keptOut?: Record<string, number> };
type Plan = { rows: PlannedRow[]; keptOut: Record<string, number>; publisher?: string };

/** The items of the request: a file as it is, or the tables of the tabular form nested into services first. */
function readRequest(request: ImportRequest): ImportFile & { keptOut?: Record<string, number>; publisher?: string } {
  if (request.format !== "tabular") return readImportFile(request.text, request.format, request.firstRow);
  const read = readTables(request.files);
  if (!read.ok) return { ok: false, problem: read.problem };
  const nested = nestTables(read.tables, read.publisher);
  return {
    ok: true,
    header: [],
    items: nested.services.map((service, index) => ({ row: request.firstRow + index, service })),
    keptOut: nested.keptOut,
    ...(nested.publisher ? { publisher: nested.publisher } : {}),
  };
}

const addCounts = (into: Record<string, number>, counts: Record<string, number> | undefined) => {
  for (const [what, count] of Object.entries(counts ?? {})) into[what] = (into[what] ?? 0) + count;
  return into;
};

/**
 * Points each row at its organisation: a stored one (same identifier, else same name), or a new
 * record made from the row's organisation (id: its name's UUIDv5, the id open data already gave
 * that name). A row whose organisation details are not valid gets them as problems.
 */
function linkOrganization(row: CheckedRow, stored: readonly Organization[], now: string): { row: CheckedRow; organization?: RowOrganization; created?: Organization } {
  const candidate = row.organization ?? (row.input?.organization_name ? { name: row.input.organization_name } : undefined);
  if (!row.input || !candidate) return { row };
  const match = matchOrganization(candidate, stored);
  if (match) {
    const { organization, by } = match;
    return {
      row: { ...row, input: { ...row.input, organization_id: organization.id, organization_name: organization.name } },
      organization: { id: organization.id, name: organization.name, status: "existing", by },
    };
  }
  const checked = v.safeParse(OrganizationInput, candidate);
  if (!checked.success) {
    const problems = checked.issues
      .map((issue): RowProblem => ({ column: `organization.${v.getDotPath(issue) ?? ""}`, message: isMessageKey(issue.message) ? issue.message : "invalid_value" }))
      // A field the plausibility check already named (a website that is no web page) is not named twice.
      .filter((problem) => !row.problems.some((known) => known.column === problem.column));
    return { row: { ...row, input: undefined, problems: [...row.problems, ...problems] } };
  }
  const id = organizationId(checked.output.name);
  return {
    row: { ...row, input: { ...row.input, organization_id: id, organization_name: checked.output.name } },
    organization: { id, name: checked.output.name, status: "new" },
    created: { ...checked.output, id, version: 1, last_modified: now },
  };
}

async function plan(services: ImportServices, centre: CentreId, request: ImportRequest): Promise<Plan> {
  const file = readRequest(request);
  if (!file.ok) throw new InvalidInputError([{ field: "file", message: file.problem }]);
  if (file.items.length > IMPORT_BATCH_ROWS) throw new InvalidInputError([{ field: "file", message: "import_too_many_rows" }]);
  const publisher = request.publisher ?? file.publisher;
  const mapping = publisher ? await services.store.getTermMapping(centre, publisherKey(publisher)) : undefined;
  const now = services.now().toISOString();
  const centres = { own: centre, known: await services.centres.all() };
  const checked = markDuplicates(file.items.map((item) => checkItem(item, file.header, centres, { terms: mapping?.terms ?? {}, today: now.slice(0, 10) })));
  const organizations = await services.store.listOrganizations();
  const linked = checked.map((row) => linkOrganization(row, organizations, now));
  const rows = linked.map(({ row }) => row);
  const stored = await services.store.getCuratedOffers(rows.filter((row) => row.input).map((row) => row.id!));
  const keptOut: Record<string, number> = { ...file.keptOut };
  for (const row of rows) addCounts(keptOut, row.keptOut);
  const planned = linked.map(({ row, organization, created }): PlannedRow => {
    const { input, problems, organization: _candidate, ...shown } = row;
    const extra = { ...(organization ? { organization } : {}), ...(created ? { newOrganization: created } : {}) };
    if (!input) return { ...shown, action: "error", problems };
    const before = stored.get(row.id!);
    if (!before) return { ...shown, action: "create", problems, input, ...extra };
    if (before.centre_id !== centre) return { ...shown, action: "error", problems: [{ column: "id", message: "import_offer_other_centre" }] };
    if (before.publication === "archived") return { ...shown, action: "error", problems: [{ column: "id", message: "import_offer_archived" }] };
    if (canonical(inputOf(before)) === canonical(input)) return { ...shown, action: "unchanged", problems, input, before, ...extra };
    return { ...shown, action: "update", problems, input, before, ...extra };
  });
  return { rows: planned, keptOut, ...(publisher ? { publisher } : {}) };
}

/** What each row would do to which version; the organisations are not in it (a part before may have made them). */
const fingerprint = (rows: readonly PlannedRow[]) =>
  createHash("sha256")
    .update(canonical(rows.map((row) => [row.row, row.id ?? null, row.action, row.before?.version ?? null, row.input ?? null])))
    .digest("base64url");

const shown = (rows: readonly PlannedRow[]): PreviewRow[] =>
  rows.map(({ input: _i, before: _b, newOrganization: _n, foreignTerms: _f, keptOut: _k, ...row }) => row);

/** The foreign terms of the part, once each with how many rows use them. */
function termsOf(rows: readonly PlannedRow[]): PreviewTerm[] {
  const byKey = new Map<string, PreviewTerm>();
  for (const term of rows.flatMap((row) => row.foreignTerms ?? [])) {
    const seen = byKey.get(term.key);
    if (seen) seen.count++;
    else {
      const suggestion = suggestMapping(term);
      byKey.set(term.key, { ...term, count: 1, ...(suggestion ? { suggestion } : {}) });
    }
  }
  return [...byKey.values()];
}

function previewOf(planned: Plan): ImportPreview {
  return {
    rows: shown(planned.rows),
    plan: fingerprint(planned.rows),
    terms: termsOf(planned.rows),
    kept_out: planned.keptOut,
    ...(planned.publisher ? { publisher: planned.publisher } : {}),
  };
}

/** What the file would do, row by row. Writes nothing. */
export async function previewImport(services: ImportServices, centre: CentreId, request: ImportRequest): Promise<ImportPreview> {
  return previewOf(await plan(services, centre, request));
}

/** Staff confirm how a publisher's terms map to ours; kept for the centre's next import from that publisher. */
export async function confirmMapping(services: ImportServices, actor: Actor, centre: CentreId, input: v.InferOutput<typeof MappingInput>): Promise<void> {
  const key = publisherKey(input.publisher);
  const before = await services.store.getTermMapping(centre, key);
  const line = services.audit.line({
    actor,
    action: "directory.import.mapping",
    item: `directory:import_mapping:${centre}:${key}`,
    summary: JSON.stringify({ publisher: input.publisher, terms: Object.keys(input.terms).length }),
  });
  await services.store.putTermMapping(centre, key, { publisher: input.publisher, terms: { ...before?.terms, ...input.terms } }, line);
}

export type ImportResult = { created: number; updated: number; unchanged: number; rows: PreviewRow[] };

/**
 * Writes the previewed part when it still is exactly what the preview showed (`expectedPlan`)
 * and no row has an error; otherwise writes nothing and says why, row by row.
 */
export async function runImport(
  services: ImportServices,
  actor: Actor,
  centre: CentreId,
  request: ImportRequest,
  expectedPlan: string,
): Promise<ImportResult> {
  const planned = await plan(services, centre, request);
  const { rows } = planned;
  const problems = rows.flatMap((row) =>
    row.problems.map((problem) => ({ field: `rows.${row.row}${problem.column ? `.${problem.column}` : ""}`, message: problem.message })),
  );
  if (problems.length > 0) throw new InvalidInputError(problems);
  if (termsOf(rows).some((term) => term.mapped === undefined)) throw new InvalidInputError([{ field: "mapping", message: "import_mapping_unconfirmed" }]);
  if (fingerprint(rows) !== expectedPlan) throw new ConflictError("import_changed", { preview: previewOf(planned) });

  const last_modified = services.now().toISOString();
  // Only the organisations of rows that write: an unchanged row's organisation is already stored.
  const newOrganizations = [
    ...new Map(rows.filter((row) => row.action === "create" || row.action === "update").flatMap((row) => (row.newOrganization ? [[row.newOrganization.id, row.newOrganization] as const] : []))).values(),
  ];
  const writes = rows
    .filter((row) => row.action === "create" || row.action === "update")
    .map((row) => {
      const offer = {
        ...row.input!,
        id: row.id!,
        publication: "draft",
        ...(row.before?.assured_date ? { assured_date: row.before.assured_date } : {}),
        version: (row.before?.version ?? 0) + 1,
        last_modified,
      } satisfies CuratedOffer;
      const line = services.audit.line({
        actor,
        action: `directory.offer.import_${row.action}`,
        item: `directory:offer:${offer.id}`,
        summary: JSON.stringify({ name: offer.name, publication: offer.publication, row: row.row }),
      });
      return { previousVersion: row.before?.version ?? null, offer, line };
    });
  const organizationWrites = newOrganizations.map((organization) => ({
    organization,
    line: services.audit.line({
      actor,
      action: "directory.organization.import_create",
      item: `directory:organization:${organization.id}`,
      summary: JSON.stringify({ name: organization.name }),
    }),
  }));
  // The new organisations go in the first transactions, before the offers that point at them.
  const offset = organizationWrites.length;
  for (let start = 0; start < offset + writes.length; start += TRANSACTION_WRITES) {
    const end = start + TRANSACTION_WRITES;
    const organizations = organizationWrites.slice(start, end);
    const offers = writes.slice(Math.max(0, start - offset), Math.max(0, end - offset));
    if (!(await services.store.saveOffersTogether(offers, organizations))) {
      throw new ConflictError("import_changed", { preview: previewOf(await plan(services, centre, request)) });
    }
  }
  const count = (action: ImportAction) => rows.filter((row) => row.action === action).length;
  return { created: count("create"), updated: count("update"), unchanged: count("unchanged"), rows: shown(rows) };
}

/** Each row's problems as whole sentences in the reader's language: "Række 4, kolonnen postal_code: …". */
export function inLanguage<T extends { rows: PreviewRow[]; kept_out?: Record<string, number> }>(result: T, language: Language) {
  return {
    ...result,
    ...(result.kept_out ? { kept_out_text: keptOutText(result.kept_out, language) } : {}),
    rows: result.rows.map((row) => ({
      ...row,
      problems: row.problems.map((problem) => ({ ...problem, text: describeProblem(row.row, problem, language) })),
    })),
  };
}
