/**
 * Import benchmark: `npm run bench:import` (not part of `npm test`).
 *
 * Starts DynamoDB Local in memory and imports one CSV file of 5,000 new offers (made from the
 * demo offers with varied names) into centre nord through the Hono app, the way the page does:
 * the file is cut into parts (core directory/import-file.ts `splitImportFile`), each part is
 * previewed, then each part is imported with its plan. Then the same file is previewed and
 * imported again (every row unchanged: nothing written). Prints the file size, the number of
 * parts, the time per part (p50/p95/max) and in all, and checks the table holds 5,000 drafts.
 */
import { performance } from "node:perf_hooks";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { demoOffers } from "@naerhed/core/directory/demo-offers";
import { offersToCsv } from "@naerhed/core/directory/hsds-csv";
import { readImportFile, splitImportFile } from "@naerhed/core/directory/import-file";
import type { Offer } from "@naerhed/core/directory/offer";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import type { Person } from "@naerhed/core/identity/person";
import { startSession } from "@naerhed/core/identity/sessions";
import { tables } from "@naerhed/core/shared/tables";
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

function makeOffers(count: number): Offer[] {
  const published = demoOffers.filter((offer) => offer.publication === "published");
  return Array.from({ length: count }, (_, i) => {
    const base = published[i % published.length]!;
    const n = String(i).padStart(12, "0");
    return { ...base, id: `0190c000-0000-7000-8000-${n}`, name: `${base.name} ${i + 1}`, centre_id: "nord" };
  });
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
    const api = viaCloudFront(createApi([directoryModule], config, services), config.originVerifySecret);
    const person: Person = {
      id: "0190c000-0000-7000-8000-aaaaaaaaaaaa",
      email: "bench@example.dk",
      display_name: "Bench",
      language: "da",
      grants: [{ role: "staff", centre_id: "nord" }],
      created_at: new Date().toISOString(),
    };
    await services.identity.store.createPerson(person);
    const cookie = `${SESSION_COOKIE}=${await startSession(services.identity, person)}`;

    const text = offersToCsv(makeOffers(SIZE));
    const file = readImportFile(text, "csv");
    if (!file.ok) throw new Error(file.problem);
    const parts = splitImportFile(file, "csv");
    console.log(`file: ${SIZE} offers, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB CSV, ${parts.length} parts`);

    const send = async (path: string, body: string) => {
      const start = performance.now();
      const response = await api.request(`/api/directory/centres/nord/${path}`, { method: "POST", headers: { "content-type": "text/csv", cookie }, body });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return { time: performance.now() - start, body: (await response.json()) as { plan: string; created?: number; unchanged?: number } };
    };
    const round = async (label: string) => {
      const previewTimes: number[] = [];
      const importTimes: number[] = [];
      const plans: string[] = [];
      for (const part of parts) {
        const { time, body } = await send(`import/preview?first_row=${part.firstRow}`, part.body);
        previewTimes.push(time);
        plans.push(body.plan);
      }
      let created = 0;
      let unchanged = 0;
      for (const [i, part] of parts.entries()) {
        const { time, body } = await send(`import?first_row=${part.firstRow}&plan=${plans[i]}`, part.body);
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
    await round("first import");
    await round("same file again");
    const stored = await createDirectoryStore(services.db, config.tableNames.directory!).listCentreWorklist("nord");
    const drafts = stored.filter((offer) => offer.publication === "draft").length;
    console.log(`table: ${stored.length} offers in nord, ${drafts} drafts`);
    if (stored.length !== SIZE || drafts !== SIZE) throw new Error(`expected ${SIZE} drafts`);
    services.db.destroy();
  } finally {
    await dynamo.stop();
  }
}

await main();
