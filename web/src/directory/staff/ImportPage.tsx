import { isTabular, keptOutText, nestTables, readTables, unzipText } from "@naerhed/core/directory/hsds-dataset";
import { formatOf, readImportFile, splitImportFile, type ImportBatch, type ImportFile, type ImportFormat } from "@naerhed/core/directory/import-file";
import { A } from "@solidjs/router";
import { batch, createSignal, For, Match, Show, Switch } from "solid-js";
import { Button } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import type { SummaryError } from "../../lib/forms.ts";
import { describedBy, FieldParts } from "../../components/FieldParts.tsx";
import { Notice } from "../../components/Notice.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { PageSection } from "../../components/PageSection.tsx";
import { centreQuery, WithCentre } from "./centres.tsx";
import { centreName } from "../../lib/site.ts";
import { ImportMapping, type ImportTerm } from "./ImportMapping.tsx";
import { NoAccess } from "../../components/NoAccess.tsx";
import { RequireSignIn } from "../../components/RequireSignIn.tsx";
import { importMessages, rowProblemText } from "@naerhed/core/directory/import-messages";
import { api, ApiError, apiUrl, useCall, type Answer } from "../../lib/api.ts";
import { focusElement, usePageTitle } from "../../lib/navigation.ts";
import type { SessionPerson } from "../../lib/session.tsx";
import { useSignInRedirect } from "../../lib/sign-in.ts";
import { useTexts } from "../../lib/texts.ts";
import { siteTexts } from "../../lib/texts/index.ts";
import { directoryTexts, type DirectoryKey } from "../texts/index.ts";

/**
 * /personale/import: export the directory, and import a file of offers into the centre.
 * The file is read here and sent in parts that fit the API's body limit (core
 * directory/import-file.ts); every part is previewed before anything is written, and the
 * import button stays off while any row has an error. HSDS's tabular form (the CSV tables and
 * datapackage.json, or a zip of them) is nested into services here first (core
 * directory/hsds-dataset.ts) and sent as JSON parts. Another publisher's taxonomy terms are
 * matched to ours in ImportMapping before the import can start.
 */

type PreviewRow = Answer<(typeof api.directory.centres)[":centre"]["import"]["preview"]["$post"]>["rows"][number];
/** A row of the preview as shown: the API's, or marked here when its id comes twice in different parts. */
type Row = Omit<PreviewRow, "problems"> & { problems: { column: string; text: string }[] };
type Action = Row["action"];

type Phase = "idle" | "checking" | "ready" | "saving" | "done" | "failed";

const actionKey = (action: Action): DirectoryKey => `directory.import.action.${action}`;
const rowId = (row: number) => `import-row-${row}`;
const FILE_ID = "import-file";

export default function ImportPage() {
  const { t } = useTexts(directoryTexts);
  usePageTitle(() => t("directory.import.title"));
  return (
    <RequireSignIn roles={["staff", "admin"]}>
      {(person) => <WithCentre person={person()}>{(centre) => <ImportPanel person={person()} centre={centre} />}</WithCentre>}
    </RequireSignIn>
  );
}

function ImportPanel(props: { person: SessionPerson; centre: string }) {
  const { t, lang } = useTexts(directoryTexts);
  const site = useTexts(siteTexts);
  const redirect = useSignInRedirect();
  const call = useCall();
  const [forbidden, setForbidden] = createSignal(false);
  const [phase, setPhase] = createSignal<Phase>("idle");
  const [fileError, setFileError] = createSignal("");
  const [rows, setRows] = createSignal<Row[]>([]);
  const [progress, setProgress] = createSignal({ done: 0, total: 0 });
  const [news, setNews] = createSignal("");
  const [problem, setProblem] = createSignal("");
  const [rowProblems, setRowProblems] = createSignal<string[]>([]);
  const rowProblem = (field: string, message: string) => {
    const [, row, column] = /^rows\.(\d+)(?:\.(.+))?$/.exec(field) ?? [];
    return row ? [rowProblemText(lang(), Number(row), column ?? "", message)] : [];
  };
  const [terms, setTerms] = createSignal<ImportTerm[]>([]);
  const [keptOut, setKeptOut] = createSignal<string[]>([]);
  const [publisher, setPublisher] = createSignal("");

  let parts: { batch: ImportBatch; plan: string }[] = [];
  let batches: ImportBatch[] = [];
  let fileRows = 0;
  let format: ImportFormat = "csv";
  /** Rows the tabular form had that no service holds (by table), counted here; the API counts the rest. */
  let unattached: Record<string, number> = {};

  const centre = () => ({ centre: props.centre });
  const number = (n: number) => n.toLocaleString(lang() === "da" ? "da-DK" : "en-GB");
  const count = (action: Action) => rows().filter((row) => row.action === action).length;
  const toWrite = () => count("create") + count("update");

  /** A problem that stops the work: sign-in again, no access, or the API's own words. */
  function stop(error: unknown): void {
    if (redirect(error)) return;
    if (error instanceof ApiError && error.status === 403) {
      setForbidden(true);
      return;
    }
    batch(() => {
      setProblem(error instanceof ApiError ? error.message : site.t("site.error.offline"));
      // An import refused row by row ("rows.4.postal_code"): the same problems as in a preview.
      if (error instanceof ApiError) setRowProblems(error.fields.flatMap((field) => rowProblem(field.field, field.message)));
      setPhase("failed");
    });
  }

  /** The chosen file(s) as one import file: a CSV or JSON file as it is, HSDS tables nested into services. */
  async function read(files: File[]): Promise<{ file: ImportFile; format: ImportFormat; publisher?: string; unattached?: Record<string, number> }> {
    const isZip = files.length === 1 && /\.zip$/i.test(files[0]!.name);
    const zip = isZip ? unzipText(new Uint8Array(await files[0]!.arrayBuffer())) : undefined;
    if (isZip && !zip) return { file: { ok: false, problem: "import_zip_invalid" }, format: "json" };
    const texts = zip ?? Object.fromEntries(await Promise.all(files.map(async (file) => [file.name, await file.text()] as const)));
    if (zip || files.length > 1 || isTabular(Object.keys(texts))) {
      const tables = readTables(texts);
      if (!tables.ok) return { file: { ok: false, problem: tables.problem }, format: "json" };
      const nested = nestTables(tables.tables, tables.publisher);
      return {
        file: { ok: true, header: [], items: nested.services.map((service, index) => ({ row: index + 1, service })) },
        format: "json",
        ...(nested.publisher ? { publisher: nested.publisher } : {}),
        unattached: nested.keptOut,
      };
    }
    const text = Object.values(texts)[0]!;
    const single = formatOf(text);
    return { file: readImportFile(text, single), format: single };
  }

  /** The organisation most services of the file name: who a file without a datapackage most likely comes from. */
  const likelyPublisher = (file: Extract<ImportFile, { ok: true }>) => {
    const counts = new Map<string, number>();
    for (const item of file.items) {
      const name = (item.service as { organization?: { name?: unknown } } | undefined)?.organization?.name;
      if (typeof name === "string") counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  };

  async function choose(files: File[]) {
    batch(() => {
      setRows([]);
      setNews("");
      setProblem("");
      setRowProblems([]);
      setFileError("");
      setTerms([]);
      setKeptOut([]);
      setPhase("idle");
    });
    if (files.length === 0) return;
    const chosen = await read(files);
    if (!chosen.file.ok) {
      setFileError(importMessages[lang()][chosen.file.problem]);
      return;
    }
    format = chosen.format;
    batches = splitImportFile(chosen.file, format);
    fileRows = chosen.file.items.length;
    unattached = chosen.unattached ?? {};
    setPublisher(chosen.publisher ?? likelyPublisher(chosen.file));
    await check();
  }

  /** The publisher goes along with every part: its confirmed term mapping is kept under it. */
  const publisherQuery = () => (publisher() ? { publisher: publisher() } : {});

  /** Previews every part (again, after the mapping was confirmed). */
  async function check() {
    parts = [];
    setProgress({ done: 0, total: fileRows });
    setPhase("checking");
    const seen: Row[] = [];
    const found = new Map<string, ImportTerm>();
    const kept: Record<string, number> = { ...unattached };
    try {
      for (const part of batches) {
        const preview = await call(
          api.directory.centres[":centre"].import.preview.$post,
          { param: centre() },
          { text: { type: contentType(), content: part.body }, query: { first_row: part.firstRow, ...publisherQuery() } },
        );
        parts.push({ batch: part, plan: preview.plan });
        seen.push(...preview.rows);
        for (const term of preview.terms) {
          const known = found.get(term.key);
          found.set(term.key, known ? { ...known, count: known.count + term.count } : term);
        }
        for (const [what, count] of Object.entries(preview.kept_out)) kept[what] = (kept[what] ?? 0) + count;
        setProgress({ done: part.firstRow + part.rows - 1, total: fileRows });
      }
    } catch (error) {
      stop(error);
      return;
    }
    batch(() => {
      setRows(markDuplicatesAcrossParts(seen));
      setTerms([...found.values()]);
      setKeptOut(Object.keys(kept).length > 0 ? [t("directory.import.keptOut", { list: keptOutText(kept, lang()).join(", ") })] : []);
      setPhase("ready");
      // Read out when the check is done (an error summary, if any, takes focus as well).
      setNews(summary());
    });
  }

  const contentType = () => (format === "csv" ? "text/csv" : "application/json");

  /** Each part is checked on its own; the same id in two parts is caught here. */
  function markDuplicatesAcrossParts(all: Row[]): Row[] {
    const firstRowOf = new Map<string, number>();
    const twice = new Set<string>();
    for (const row of all) {
      if (!row.id) continue;
      if (firstRowOf.has(row.id)) twice.add(row.id);
      else firstRowOf.set(row.id, row.row);
    }
    return all.map((row) =>
      row.id && twice.has(row.id) && !row.problems.length
        ? { ...row, action: "error", problems: [{ column: "id", text: t("directory.import.duplicate", { row: number(row.row) }) }] }
        : row,
    );
  }

  const unmapped = () => terms().filter((term) => term.mapped === undefined);

  /** Keeps the confirmed mapping for the publisher, then checks the file again with it. */
  async function confirmMapping(chosen: { publisher: string; terms: Record<string, string> }) {
    await call(api.directory.centres[":centre"].import.mapping.$put, { param: centre() }, { body: chosen });
    setPublisher(chosen.publisher);
    await check();
  }

  async function confirm() {
    if (phase() !== "ready" || count("error") > 0 || toWrite() === 0 || unmapped().length > 0) return;
    setPhase("saving");
    setProgress({ done: 0, total: rows().length });
    const total = { created: 0, updated: 0, unchanged: 0 };
    let saved = 0;
    try {
      for (const { batch: part, plan } of parts) {
        const result = await call(api.directory.centres[":centre"].import.$post, { param: centre() }, { text: { type: contentType(), content: part.body }, query: { first_row: part.firstRow, plan, ...publisherQuery() } });
        total.created += result.created;
        total.updated += result.updated;
        total.unchanged += result.unchanged;
        saved += part.rows;
        setProgress({ done: saved, total: rows().length });
      }
    } catch (error) {
      stop(error);
      // Earlier parts are written; say how far it got and that trying again is safe.
      if (saved > 0) setNews(t("directory.import.partial", { saved: number(saved), total: number(rows().length) }));
      return;
    }
    batch(() => {
      setNews(t("directory.import.done", { create: number(total.created), update: number(total.updated) }));
      setPhase("done");
    });
  }

  const summary = () =>
    t("directory.import.summary", {
      create: number(count("create")),
      update: number(count("update")),
      unchanged: number(count("unchanged")),
      error: number(count("error")),
    });

  const errors = (): SummaryError[] =>
    rows().flatMap((row) => row.problems.map((p) => ({ field: rowId(row.row), message: p.text })));

  const progressText = () =>
    t(phase() === "saving" ? "directory.import.progressSave" : "directory.import.progressCheck", { done: number(progress().done), total: number(progress().total) });

  return (
    <Show when={!forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("directory.import.title")} lead={t("directory.import.lead", { centre: centreName(props.centre, lang()) })} />

      <PageSection title={t("directory.import.exportTitle")} id="export-title">
        <p>{t("directory.import.exportText")}</p>
        <ul class="link-list">
          <li>
            <a class="big-link" href={apiUrl(api.hsds["export.csv"].$path())} download="naerhed-tilbud.csv">
              {t("directory.import.exportCsv")}
            </a>
          </li>
          <li>
            <a class="big-link" href={apiUrl(api.hsds["export.json"].$path())} download="naerhed-tilbud.json">
              {t("directory.import.exportJson")}
            </a>
          </li>
        </ul>
      </PageSection>

      <PageSection title={t("directory.import.importTitle")} id="import-title">
        <p>{t("directory.import.importText")}</p>
        <div class="form-group field" classList={{ "field--error": Boolean(fileError()) }}>
          <FieldParts id={FILE_ID} label={t("directory.import.file")} hint={t("directory.import.fileHint")} error={fileError() || undefined} />
          <input
            class="form-input field__input"
            id={FILE_ID}
            type="file"
            multiple
            accept=".csv,.json,.zip,text/csv,application/json,application/zip"
            aria-describedby={describedBy({ id: FILE_ID, hint: t("directory.import.fileHint"), error: fileError() || undefined })}
            aria-invalid={fileError() ? "true" : undefined}
            disabled={phase() === "checking" || phase() === "saving"}
            // Choosing the same file again (corrected since) must count as a new choice.
            onClick={(event) => (event.currentTarget.value = "")}
            onChange={(event) => void choose([...(event.currentTarget.files ?? [])])}
          />
        </div>

        <Show when={phase() === "checking" || phase() === "saving"}>
          <div class="form-group field">
            <label class="form-label field__label" for="import-progress">
              {progressText()}
            </label>
            <progress id="import-progress" max={progress().total} value={progress().done}>
              {progressText()}
            </progress>
          </div>
        </Show>
        <p class="status" role="status">
          {news()}
        </p>
        <Show when={problem()}>
          <Notice kind="warning" announce="assertive" title={t("directory.import.failed")}>
            <p>{problem()}</p>
            <Show when={rowProblems().length > 0}>
              <ul>
                <For each={rowProblems()}>{(text) => <li>{text}</li>}</For>
              </ul>
            </Show>
            <p>{t("directory.import.retry")}</p>
          </Notice>
        </Show>
        <Show when={phase() === "done"}>
          <p>
            <A href={`/personale/tilbud${centreQuery(props.person, props.centre)}`} class="big-link">
              {t("directory.import.seeOffers")}
            </A>
          </p>
        </Show>

        <Show when={rows().length > 0 && phase() !== "done"}>
          <ErrorSummary errors={errors()} title={t("directory.import.errorsTitle")} />
          <Show when={unmapped().length > 0 && phase() === "ready"}>
            <ImportMapping publisher={publisher()} terms={terms()} onConfirm={confirmMapping} />
          </Show>
          <h3 id="import-caption">{t("directory.import.previewTitle")}</h3>
          <For each={keptOut()}>{(text) => <p>{text}</p>}</For>
          {/* One next step, never a button that cannot be pressed: correct the file, match the categories, import, or nothing to do. */}
          <Switch>
            <Match when={count("error") > 0}>
              <p>{t("directory.import.errorsText")}</p>
              <p>
                <Button variant="secondary" onClick={() => focusElement(document.getElementById(FILE_ID))}>
                  {t("directory.import.chooseAgain")}
                </Button>
              </p>
            </Match>
            <Match when={unmapped().length > 0}>{null}</Match>
            <Match when={toWrite() === 0 && phase() === "ready"}>
              <Notice kind="info">
                <p>{t("directory.import.nothingNew")}</p>
              </Notice>
              <p>
                <A href={`/personale/tilbud${centreQuery(props.person, props.centre)}`} class="big-link">
                  {t("directory.import.toOffers")}
                </A>
              </p>
            </Match>
            <Match when={toWrite() > 0}>
              <p>
                <Button disabled={phase() !== "ready"} busy={phase() === "saving"} onClick={() => void confirm()}>
                  {t("directory.import.confirm", { count: number(toWrite()) })}
                </Button>
              </p>
            </Match>
          </Switch>
          <div class="table-wrap" role="region" aria-labelledby="import-caption" tabindex="0">
            <table class="table" aria-labelledby="import-caption">
              <thead>
                <tr>
                  <th scope="col">{t("directory.import.row")}</th>
                  <th scope="col">{t("directory.import.name")}</th>
                  <th scope="col">{t("directory.import.organization")}</th>
                  <th scope="col">{t("directory.import.action")}</th>
                  <th scope="col">{t("directory.import.problems")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(row) => (
                    <tr>
                      <th scope="row" id={rowId(row.row)} tabindex="-1">
                        {number(row.row)}
                      </th>
                      <td>{row.name ?? t("directory.import.noName")}</td>
                      <td>
                        {row.organization
                          ? t(row.organization.status === "new" ? "directory.import.organization.new" : "directory.import.organization.existing", { name: row.organization.name })
                          : ""}
                      </td>
                      <td>{t(actionKey(row.action))}</td>
                      <td>
                        <For each={row.problems}>{(p) => <p class="form-error-message field__error">{p.text}</p>}</For>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </PageSection>
    </Show>
  );
}
