import { createHash } from "node:crypto";
import type { Actor } from "../identity/person.ts";
import type { AuditLog } from "../shared/audit.ts";
import type { CentreId } from "../shared/centres.ts";
import { ConflictError, InvalidInputError } from "../shared/errors.ts";
import type { Language } from "../shared/language.ts";
import { IMPORT_BATCH_ROWS, readImportFile, type ImportFormat } from "./import-file.ts";
import { canonical, checkItem, describeProblem, markDuplicates, type RowProblem } from "./import-rows.ts";
import type { CuratedOffer, OfferInput } from "./offer.ts";
import type { DirectoryStore } from "./store.ts";

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
 * - One part is one DynamoDB transaction (≤ 100 writes: each offer and its audit line, so at most
 *   IMPORT_BATCH_ROWS = 50 offers): all of it is written, each change with its line, or none.
 *   When a later part fails, the parts before it stay written (and audited); importing the same
 *   file again is safe: those rows now show as unchanged, and no offer is made twice.
 */

export type ImportServices = { store: DirectoryStore; audit: AuditLog; now: () => Date };

export type ImportAction = "create" | "update" | "unchanged" | "error";
export type PreviewRow = { row: number; name?: string; id?: string; action: ImportAction; problems: RowProblem[] };
export type ImportPreview = { rows: PreviewRow[]; plan: string };
export type ImportRequest = { format: ImportFormat; text: string; firstRow: number };

/** TransactWriteItems holds at most 100 items: 50 offers, each with its audit line. */
const TRANSACTION_OFFERS = 50;

/** The fields an import sets: an offer's own fields, without its state, id and bookkeeping. */
function inputOf(offer: CuratedOffer): OfferInput {
  const { id: _id, publication: _p, assured_date: _a, last_modified: _l, version: _v, ...input } = offer;
  return input;
}

type PlannedRow = PreviewRow & { input?: OfferInput; before?: CuratedOffer };

async function plan(services: ImportServices, centre: CentreId, request: ImportRequest): Promise<PlannedRow[]> {
  const file = readImportFile(request.text, request.format, request.firstRow);
  if (!file.ok) throw new InvalidInputError([{ field: "file", message: file.problem }]);
  if (file.items.length > IMPORT_BATCH_ROWS) throw new InvalidInputError([{ field: "file", message: "import_too_many_rows" }]);
  const rows = markDuplicates(file.items.map((item) => checkItem(item, file.header, centre)));
  const stored = await services.store.getCuratedOffers(rows.filter((row) => row.input).map((row) => row.id!));
  return rows.map((row): PlannedRow => {
    const { input, problems, ...shown } = row;
    if (!input) return { ...shown, action: "error", problems };
    const before = stored.get(row.id!);
    if (!before) return { ...shown, action: "create", problems, input };
    if (before.centre_id !== centre) return { ...shown, action: "error", problems: [{ column: "id", message: "import_offer_other_centre" }] };
    if (before.publication === "archived") return { ...shown, action: "error", problems: [{ column: "id", message: "import_offer_archived" }] };
    if (canonical(inputOf(before)) === canonical(input)) return { ...shown, action: "unchanged", problems, input, before };
    return { ...shown, action: "update", problems, input, before };
  });
}

const fingerprint = (rows: readonly PlannedRow[]) =>
  createHash("sha256")
    .update(canonical(rows.map((row) => [row.row, row.id ?? null, row.action, row.before?.version ?? null, row.input ?? null])))
    .digest("base64url");

const shown = (rows: readonly PlannedRow[]): PreviewRow[] => rows.map(({ input: _i, before: _b, ...row }) => row);

/** What the file would do, row by row. Writes nothing. */
export async function previewImport(services: ImportServices, centre: CentreId, request: ImportRequest): Promise<ImportPreview> {
  const rows = await plan(services, centre, request);
  return { rows: shown(rows), plan: fingerprint(rows) };
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
  const rows = await plan(services, centre, request);
  const problems = rows.flatMap((row) =>
    row.problems.map((problem) => ({ field: `rows.${row.row}${problem.column ? `.${problem.column}` : ""}`, message: problem.message })),
  );
  if (problems.length > 0) throw new InvalidInputError(problems);
  if (fingerprint(rows) !== expectedPlan) throw new ConflictError("import_changed", { preview: { rows: shown(rows), plan: fingerprint(rows) } });

  const last_modified = services.now().toISOString();
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
  for (let start = 0; start < writes.length; start += TRANSACTION_OFFERS) {
    if (!(await services.store.saveOffersTogether(writes.slice(start, start + TRANSACTION_OFFERS)))) {
      const fresh = await plan(services, centre, request);
      throw new ConflictError("import_changed", { preview: { rows: shown(fresh), plan: fingerprint(fresh) } });
    }
  }
  const count = (action: ImportAction) => rows.filter((row) => row.action === action).length;
  return { created: count("create"), updated: count("update"), unchanged: count("unchanged"), rows: shown(rows) };
}

/** Each row's problems as whole sentences in the reader's language: "Række 4, kolonnen postal_code: …". */
export function inLanguage<T extends { rows: PreviewRow[] }>(result: T, language: Language) {
  return {
    ...result,
    rows: result.rows.map((row) => ({
      ...row,
      problems: row.problems.map((problem) => ({ ...problem, text: describeProblem(row.row, problem, language) })),
    })),
  };
}
