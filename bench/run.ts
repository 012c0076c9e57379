/**
 * `npm run bench`: every benchmark of the issue, one table, each target marked met or missed.
 * Not part of `npm test` (it takes several minutes and its numbers depend on the machine).
 * Order: what needs a quiet machine first (bundles and their import times, the site build),
 * then the platform with the seeded volume: read latencies, Lighthouse, the load, the vote race.
 * Exits 0 when it ran through, even with missed targets: the table is the report.
 */
import { cpus, totalmem } from "node:os";
import { measureLoad, measureReads, measureVotes, sitePages, startBenchPlatform } from "./api.ts";
import { runLambdaBench } from "./lambda.ts";
import { formatRows, type BenchRow } from "./report.ts";
import { measureWebSize, runLighthouse } from "./web.ts";
import { measureWorklist } from "./worklist.ts";

const started = Date.now();
const rows: BenchRow[] = [];
rows.push(...(await runLambdaBench()));
rows.push(...(await measureWebSize({ build: true })));
const platform = await startBenchPlatform();
try {
  rows.push(...(await measureReads(platform)));
  rows.push(...(await measureWorklist(platform)));
  rows.push(...(await runLighthouse(platform.url, sitePages(platform.seeded))));
  rows.push(...(await measureLoad(platform)));
  rows.push(...(await measureVotes(platform)));
} finally {
  await platform.stop();
}

const targets = rows.filter((row) => row.met !== undefined);
const missed = targets.filter((row) => !row.met);
console.log(formatRows(rows));
console.log(
  `\n${targets.length - missed.length} of ${targets.length} targets met` +
    `${missed.length > 0 ? `; missed: ${missed.map((row) => `${row.section} / ${row.name}`).join("; ")}` : ""}`,
);
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, ${process.platform}. ` +
    `Took ${((Date.now() - started) / 60_000).toFixed(1)} min.`,
);
