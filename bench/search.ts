/**
 * Search benchmark: `npm run bench:search` (not part of `npm test`).
 *
 * Starts DynamoDB Local in memory, seeds 1,000 / 5,000 / 20,000 published offers (made from the
 * demo offers with varied names, areas and organisations), and measures in one run:
 * - search latency through the Hono app (`createApi(...).request`, warm index) for typical queries,
 *   twice: "cached" (the default app: the index remembers recent searches, so after the first
 *   request of a query every timed one is a cache hit) and "first time" (an app with
 *   `directorySearchResultCacheSize: 0`: every request ranks from the index, as the first citizen
 *   to type a query gets it). The targets are checked for both, and both are printed;
 * - the refresh ahead: searches sent one after another while the index rebuilds in the
 *   background (the clock moved past half the maximum age), until a newly published offer shows
 *   up, with their worst latency (the synchronous in-memory build holds the event loop);
 * - the cold index build (the first search in a process: one gsi1 Query over every page + MiniSearch);
 * - raw DynamoDB Local GetItem and Query (the list's page of 20) latencies, as the floor to compare with.
 * Targets: search p99 ≤ 50 ms; search p50 ≤ 2 × raw Query p50; growth 1k → 20k ≤ 3 ×.
 *
 * The offers come from bench/seed.ts (makeOffers): over the three centres, 10 areas each.
 */
import { performance } from "node:perf_hooks";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { buildSearchIndex } from "@naerhed/core/directory/search";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import { tables } from "@naerhed/core/shared/tables";
import { createApi } from "../packages/functions/src/app.ts";
import { viaCloudFront } from "../packages/local/src/gateway.ts";
import { createServices } from "../packages/functions/src/shared/services.ts";
import { directoryModule } from "../packages/functions/src/directory/routes.ts";
import { createMissingTables } from "../packages/local/src/bootstrap.ts";
import { localConfig } from "../packages/local/src/config.ts";
import { startDynamoLocal } from "../packages/local/src/dynamo-local.ts";
import { ITERATIONS, measure, percentile, WARMUP, type Stats } from "./report.ts";
import { inParallel, makeOffers } from "./seed.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const SIZES = [1_000, 5_000, 20_000];

const QUERIES: { name: string; query: string }[] = [
  { name: "word: svøm", query: "q=sv%C3%B8m" },
  { name: "common word: kaffe", query: "q=kaffe" },
  { name: "two words + filter", query: "q=tur%20skoven&free=true" },
  { name: "typo: bocia", query: "q=bocia" },
  { name: "filters only", query: "centre=nord&category=sport&age=40" },
  { name: "nothing found → suggestions", query: "q=sv%C3%B8m&free=true&centre=syd" },
];


const ms = (value: number) => value.toFixed(2).padStart(8);

type SizeResult = {
  size: number;
  seedSeconds: number;
  cold: { firstSearch: number; load: number; build: number };
  search: Record<string, Stats>;
  firstTime: Record<string, Stats>;
  refresh: { requests: number; p50: number; p99: number; max: number; windowMs: number };
  get: Stats;
  query: Stats;
};

async function main() {
  const dynamo = await startDynamoLocal({ dataDir: null });
  const results: SizeResult[] = [];
  try {
    for (const size of SIZES) {
      const config = localConfig(dynamo.endpoint, `bench${size}-`);
      const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: config.region, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
      await createMissingTables(client, tables, config.tableNames);
      client.destroy();
      const db = createDocumentClient(config);
      const tableName = config.tableNames.directory!;
      const store = createDirectoryStore(db, tableName);

      const offers = makeOffers(size);
      const seedStart = performance.now();
      await inParallel(offers, 32, (offer) => store.putOffer(offer));
      const seedSeconds = (performance.now() - seedStart) / 1000;
      process.stderr.write(`seeded ${size} offers in ${seedSeconds.toFixed(1)} s\n`);

      // Cold: the first search of a fresh app (= a fresh Lambda container), then its two parts apart.
      const behind = (app: ReturnType<typeof createApi>, appConfig: typeof config) => viaCloudFront(app, appConfig.originVerifySecret);
      const api = behind(createApi([directoryModule], config), config);
      const coldStart = performance.now();
      const first = await api.request("/api/directory/search?q=kaffe");
      if (first.status !== 200) throw new Error(`search answered ${first.status}: ${await first.text()}`);
      const firstSearch = performance.now() - coldStart;
      const loadStart = performance.now();
      const all = await store.listAllPublishedOffers();
      const load = performance.now() - loadStart;
      const buildStart = performance.now();
      buildSearchIndex(all);
      const build = performance.now() - buildStart;
      if (all.length !== size) throw new Error(`expected ${size} published offers, found ${all.length}`);

      const timeQueries = async (app: ReturnType<typeof behind>) => {
        const stats: Record<string, Stats> = {};
        for (const { name, query } of QUERIES) {
          stats[name] = await measure(async () => {
            const response = await app.request(`/api/directory/search?${query}`);
            if (response.status !== 200) throw new Error(`${query}: ${response.status}`);
            await response.json();
          });
        }
        return stats;
      };
      const search = await timeQueries(api);
      const uncachedConfig = { ...config, directorySearchResultCacheSize: 0 };
      const firstTimeApi = behind(createApi([directoryModule], uncachedConfig), uncachedConfig);
      if ((await firstTimeApi.request("/api/directory/search?q=kaffe")).status !== 200) throw new Error("first-time app failed");
      const firstTime = await timeQueries(firstTimeApi);

      // Refresh ahead: build, publish one more offer, move the clock past half the maximum age, then
      // search one request after another (first-time app, so every request ranks) until the new
      // offer is found, i.e. the background rebuild is done. A request's time counts from when the
      // previous one ended, so a rebuild step that holds the event loop between two requests counts.
      const clock = { now: Date.now() };
      const refreshApi = behind(createApi([directoryModule], uncachedConfig, createServices(uncachedConfig, { now: () => new Date(clock.now) })), uncachedConfig);
      await refreshApi.request("/api/directory/search?q=kaffe");
      await store.putOffer({ ...offers[0]!, id: "0190b000-0000-7000-8000-999999999999", name: "Zebrafinker i Havnen" });
      clock.now += 31_000;
      const during: number[] = [];
      const refreshStart = performance.now();
      for (let i = 0; ; i++) {
        const start = performance.now();
        await new Promise((resolve) => setImmediate(resolve));
        const response = await refreshApi.request(`/api/directory/search?${QUERIES[i % QUERIES.length]!.query}`);
        await response.json();
        during.push(performance.now() - start);
        if (i % 10 === 0) {
          const probe = (await (await refreshApi.request("/api/directory/search?q=zebrafinker")).json()) as { total: number };
          if (probe.total === 1) break;
        }
        if (performance.now() - refreshStart > 120_000) throw new Error("the background rebuild did not finish in 2 minutes");
      }
      const windowMs = performance.now() - refreshStart;
      during.sort((a, b) => a - b);
      const refresh = { requests: during.length, p50: percentile(during, 50), p99: percentile(during, 99), max: during.at(-1)!, windowMs };
      const get = await measure((i) => db.send(new GetCommand({ TableName: tableName, Key: { pk: `OFFER#${offers[(i * 7919) % size]!.id}`, sk: "OFFER" } })));
      const query = await measure(() =>
        db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: "gsi1",
            KeyConditionExpression: "gsi1pk = :p",
            ExpressionAttributeValues: { ":p": "PUBLISHED_OFFERS" },
            Limit: 20,
          }),
        ),
      );
      results.push({ size, seedSeconds, cold: { firstSearch, load, build }, search, firstTime, refresh, get, query });
      db.destroy();
    }
  } finally {
    await dynamo.stop();
  }

  const lines: string[] = [];
  const say = (line = "") => lines.push(line);
  say(`Search benchmark: DynamoDB Local in memory, ${ITERATIONS} timed requests per row after ${WARMUP} warm-up, Node ${process.version}`);
  for (const r of results) {
    say();
    say(`── ${r.size.toLocaleString("en")} published offers (seeded in ${r.seedSeconds.toFixed(1)} s) ──`);
    say(`cold index: first search ${r.cold.firstSearch.toFixed(0)} ms = load (gsi1 Query, all pages) ${r.cold.load.toFixed(0)} ms + build ${r.cold.build.toFixed(0)} ms`);
    say(
      `refresh ahead: ${r.refresh.requests} searches during ${(r.refresh.windowMs / 1000).toFixed(1)} s of background rebuild: ` +
        `p50 ${r.refresh.p50.toFixed(2)} ms, p99 ${r.refresh.p99.toFixed(2)} ms, worst ${r.refresh.max.toFixed(0)} ms (the in-memory build holding the event loop)`,
    );
    say(`${"".padEnd(34)}     p50      p95      p99   p50 / raw Query p50`);
    for (const [variant, stats] of [["cached", r.search], ["first time", r.firstTime]] as const) {
      say(`(${variant})`);
      for (const [name, s] of Object.entries(stats)) say(`search ${name.padEnd(27)}${ms(s.p50)} ${ms(s.p95)} ${ms(s.p99)}   ${(s.p50 / r.query.p50).toFixed(2)} ×`);
    }
    say(`raw DynamoDB GetItem${"".padEnd(14)}${ms(r.get.p50)} ${ms(r.get.p95)} ${ms(r.get.p99)}`);
    say(`raw DynamoDB Query (gsi1, 20)${"".padEnd(5)}${ms(r.query.p50)} ${ms(r.query.p95)} ${ms(r.query.p99)}`);
  }
  const smallest = results[0]!;
  const largest = results.at(-1)!;
  say();
  say(`── targets ──`);
  let ok = true;
  const check = (label: string, pass: boolean) => {
    ok &&= pass;
    say(`${pass ? "ok  " : "MISS"} ${label}`);
  };
  for (const variant of ["cached", "first time"] as const) {
    const of = (r: SizeResult) => (variant === "cached" ? r.search : r.firstTime);
    for (const r of results) {
      const worstP99 = Math.max(...Object.values(of(r)).map((s) => s.p99));
      const worstRatio = Math.max(...Object.values(of(r)).map((s) => s.p50 / r.query.p50));
      check(`(${variant}) ${r.size}: search p99 ≤ 50 ms (worst ${worstP99.toFixed(2)} ms)`, worstP99 <= 50);
      check(`(${variant}) ${r.size}: search p50 ≤ 2 × raw Query p50 (worst ${worstRatio.toFixed(2)} ×, raw Query p50 ${r.query.p50.toFixed(2)} ms)`, worstRatio <= 2);
    }
    for (const name of Object.keys(of(smallest))) {
      const growth = of(largest)[name]!.p50 / of(smallest)[name]!.p50;
      check(`(${variant}) growth ${smallest.size} → ${largest.size}, p50 of "${name}": ${growth.toFixed(2)} × ≤ 3 ×`, growth <= 3);
    }
  }
  console.log(lines.join("\n"));
  process.exitCode = ok ? 0 : 1;
}

await main();
