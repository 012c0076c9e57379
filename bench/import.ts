/**
 * Import benchmark: `npm run bench:import` (not part of `npm test`).
 *
 * Starts DynamoDB Local in memory and imports one CSV file of 5,000 new offers (made from the
 * demo offers with varied names) into centre nord through the Hono app, the way the page does:
 * the file is cut into parts (core directory/import-file.ts `splitImportFile`), each part is
 * previewed, then each part is imported with its plan. Then the same file is previewed and
 * imported again (every row unchanged: nothing written). Prints the file size, the number of
 * parts, the time per part (p50/p95/max) and in all, and checks the table holds 5,000 drafts.
 *
 * Then the same for another publisher's HSDS dataset of 5,000 services (made from the test
 * fixture's six clean services, packages/functions/test/fixtures/hsds-foreign/), in both forms:
 * the nested JSON, and the tabular CSV files, which the page nests into services in the browser
 * first (timed here too). Its taxonomy terms are confirmed once, as staff would, into centre midt.
 */
import { performance } from "node:perf_hooks";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { demoOffers } from "@naerhed/local/demo/offers";
import { offersToCsv } from "@naerhed/core/directory/hsds-csv";
import { centreLookup } from "@naerhed/core/directory/hsds";
import { createOrganisationStore } from "@naerhed/core/organisation/store";
import { demoCentres } from "@naerhed/local/demo/organisation";
import { readFileSync, readdirSync } from "node:fs";
import { nestTables, readTables } from "@naerhed/core/directory/hsds-dataset";
import { readImportFile, splitImportFile, type ImportBatch } from "@naerhed/core/directory/import-file";
import type { Offer } from "@naerhed/core/directory/offer";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import type { Person } from "@naerhed/core/identity/person";
import { startSession } from "@naerhed/core/identity/sessions";
import { organisationTable, tables } from "@naerhed/core/shared/tables";
import { createApi } from "../packages/functions/src/app.ts";
import { viaCloudFront } from "../packages/local/src/gateway.ts";
import { directoryModule } from "../packages/functions/src/directory/routes.ts";
import { SESSION_COOKIE } from "../packages/functions/src/shared/auth.ts";
import { createServices } from "../packages/functions/src/shared/services.ts";
import { createMissingTables } from "../packages/local/src/bootstrap.ts";
import { localConfig } from "../packages/local/src/config.ts";
import { startDynamoLocal } from "../packages/local/src/dynamo-local.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const SIZE = Number(process.env.BENCH_IMPORT_SIZE) || 5_000;

/**
 * The published demo offers over and over. Left out: a confidential place (the export never holds
 * its address, so its row asks for it) and dated sessions (the demo's dates pass, and the import
 * refuses a date in the past).
 */
function makeOffers(count: number): Offer[] {
  const published = demoOffers.filter((offer) => offer.publication === "published" && !offer.location?.confidential);
  return Array.from({ length: count }, (_, i) => {
    const { sessions: _dated, ...base } = published[i % published.length]!;
    const n = String(i).padStart(12, "0");
    return { ...base, id: `0190c000-0000-7000-8000-${n}`, name: `${base.name} ${i + 1}`, centre_id: "nord" };
  });
}

const FIXTURES = new URL("../packages/functions/test/fixtures/hsds-foreign/", import.meta.url);

/**
 * `count` services of another publisher: the fixture's services without a plausibility problem,
 * over and over with new ids and names, as nested services and as the tabular files (each table's
 * rows repeated with the same new ids).
 */
function foreignDataset(count: number) {
  const page = JSON.parse(readFileSync(new URL("services.json", FIXTURES), "utf8")) as { contents: { id: string; name: string }[] };
  const clean = page.contents.filter((service) => ["Motionshold for alle", "Åben café", "Rådgivning om hjælpemidler", "Gåtur ved fjorden", "Telefonvenner", "Kreativt værksted"].includes(service.name));
  const idOf = (base: string, i: number) => `${base.slice(0, 24)}${String(i).padStart(12, "0")}`;
  const services = Array.from({ length: count }, (_, i) => {
    const base = clean[i % clean.length]!;
    const text = JSON.stringify(base).replaceAll(base.id, idOf(base.id, i));
    return { ...(JSON.parse(text) as object), name: `${base.name} ${i + 1}` };
  });
  const files = Object.fromEntries(readdirSync(new URL("tabular/", FIXTURES)).map((name) => [name, readFileSync(new URL(`tabular/${name}`, FIXTURES), "utf8")]));
  // Rows that name a clean service (by its id) are repeated for each copy; the other rows stay as they are.
  const tables = Object.fromEntries(
    Object.entries(files).map(([name, text]) => {
      if (!name.endsWith(".csv")) return [name, text];
      const [header, ...lines] = text.trimEnd().split("\r\n");
      const out: string[] = [header!];
      for (const line of lines) {
        const service = clean.find((s) => line.includes(s.id));
        // A row of an implausible service is left out; a row of no service (organisations, places, terms) stays once.
        if (!service) {
          if (!page.contents.some((s) => line.includes(s.id))) out.push(line);
          continue;
        }
        for (let i = clean.indexOf(service); i < count; i += clean.length) {
          const copy = line.replaceAll(service.id, idOf(service.id, i));
          out.push(name === "services.csv" ? copy.replace(`,${service.name},`, `,${service.name} ${i + 1},`) : copy);
        }
      }
      return [name, `${out.join("\r\n")}\r\n`];
    }),
  );
  return { services, tables };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main() {
  const dynamo = await startDynamoLocal({ dataDir: null });
  try {
    const config = localConfig(dynamo.endpoint, "benchimport-");
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: config.region, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
    await createMissingTables(client, tables, config.tableNames);
    client.destroy();
    const services = createServices(config);
    // The demo's centres, as an administrator would have made them: the import goes to one of them.
    const organisation = createOrganisationStore(services.db, config.tableNames[organisationTable.id]!);
    await Promise.all(demoCentres.map((centre) => organisation.saveCentre(centre, 0, undefined)));
    const api = viaCloudFront(createApi([directoryModule], config, services), config.originVerifySecret);
    const person: Person = {
      id: "0190c000-0000-7000-8000-aaaaaaaaaaaa",
      email: "bench@example.dk",
      display_name: "Bench",
      language: "da",
      grants: [
        { role: "staff", centre_id: "nord" },
        { role: "staff", centre_id: "midt" },
      ],
      created_at: new Date().toISOString(),
    };
    await services.identity.store.createPerson(person);
    const cookie = `${SESSION_COOKIE}=${await startSession(services.identity, person)}`;

    const text = offersToCsv(makeOffers(SIZE), centreLookup(demoCentres));
    const file = readImportFile(text, "csv");
    if (!file.ok) throw new Error(file.problem);
    const parts = splitImportFile(file, "csv");
    console.log(`file: ${SIZE} offers, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB CSV, ${parts.length} parts`);

    const send = async (centre: string, path: string, body: string, type: string) => {
      const start = performance.now();
      const response = await api.request(`/api/directory/centres/${centre}/${path}`, { method: "POST", headers: { "content-type": type, cookie }, body });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 500)}`);
      return { time: performance.now() - start, body: (await response.json()) as { plan: string; created?: number; unchanged?: number } };
    };
    const round = async (label: string, centre: string, parts: ImportBatch[], type: string, query = "") => {
      const previewTimes: number[] = [];
      const importTimes: number[] = [];
      const plans: string[] = [];
      for (const part of parts) {
        const { time, body } = await send(centre, `import/preview?first_row=${part.firstRow}${query}`, part.body, type);
        previewTimes.push(time);
        plans.push(body.plan);
      }
      let created = 0;
      let unchanged = 0;
      for (const [i, part] of parts.entries()) {
        const { time, body } = await send(centre, `import?first_row=${part.firstRow}&plan=${plans[i]}${query}`, part.body, type);
        importTimes.push(time);
        created += body.created ?? 0;
        unchanged += body.unchanged ?? 0;
      }
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      for (const [what, times] of [["preview", previewTimes], ["import", importTimes]] as const) {
        console.log(
          `${label} ${what}: per part p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}; all ${(sum(times) / 1000).toFixed(1)} s`,
        );
      }
      console.log(`${label}: created ${created}, unchanged ${unchanged}`);
    };
    const drafts = async (centre: string, expected: number) => {
      const stored = await createDirectoryStore(services.db, config.tableNames.directory!).listCentreWorklist(centre);
      const count = stored.filter((offer) => offer.publication === "draft").length;
      console.log(`table: ${stored.length} offers in ${centre}, ${count} drafts`);
      if (stored.length !== expected || count !== expected) throw new Error(`expected ${expected} drafts in ${centre}`);
    };

    await round("first import", "nord", parts, "text/csv");
    await round("same file again", "nord", parts, "text/csv");
    await drafts("nord", SIZE);

    // Another publisher's dataset, nested and tabular.
    const foreign = foreignDataset(SIZE);
    const nestedText = JSON.stringify(foreign.services);
    const nested = readImportFile(nestedText, "json");
    if (!nested.ok) throw new Error(nested.problem);
    const nestedParts = splitImportFile(nested, "json");
    console.log(`foreign nested JSON: ${SIZE} services, ${(Buffer.byteLength(nestedText) / 1024 / 1024).toFixed(1)} MB, ${nestedParts.length} parts`);
    const publisher = "&publisher=Frivilligcenter%20Trekanten";
    const first = await send("midt", `import/preview?first_row=1${publisher}`, nestedParts[0]!.body, "application/json");
    const terms = (first.body as unknown as { terms: { key: string; suggestion?: string }[] }).terms;
    const mapped = await api.request("/api/directory/centres/midt/import/mapping", {
      method: "PUT",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ publisher: "Frivilligcenter Trekanten", terms: Object.fromEntries(terms.map((term) => [term.key, term.suggestion ?? "meeting_place"])) }),
    });
    if (mapped.status !== 204) throw new Error(`mapping: ${mapped.status}`);
    await round("foreign nested first import", "midt", nestedParts, "application/json", publisher);

    const nestStart = performance.now();
    const read = readTables(foreign.tables);
    if (!read.ok) throw new Error(read.problem);
    const fromTables = nestTables(read.tables, read.publisher).services;
    const tabular = readImportFile(JSON.stringify(fromTables), "json");
    if (!tabular.ok) throw new Error(tabular.problem);
    const tabularParts = splitImportFile(tabular, "json");
    const csvBytes = Object.values(foreign.tables).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    console.log(`foreign tabular: ${Object.keys(foreign.tables).length} files, ${(csvBytes / 1024 / 1024).toFixed(1)} MB; read and nested in ${ms(performance.now() - nestStart)}, ${tabularParts.length} parts`);
    await round("foreign tabular again (same services)", "midt", tabularParts, "application/json", publisher);
    await drafts("midt", SIZE);
    services.db.destroy();
  } finally {
    await dynamo.stop();
  }
}

await main();
