/**
 * Site size and Lighthouse: `node --import tsx bench/web.ts` (also a part of `npm run bench`).
 *
 * - measureWebSize(): builds the site (`npm run build -w web`) and reports the initial JavaScript:
 *   the entry script(s) web/dist/index.html loads plus the chunks it modulepreloads, gzipped at
 *   level 9 (target ≤ 35 KB). Route chunks load later and are not counted.
 * - runLighthouse(baseUrl, pages): Lighthouse 12 through its Node API, one Chromium for all pages
 *   (Debian's, CHROME_PATH or /usr/bin/chromium, `--headless=new --no-sandbox`), and reports per
 *   page LCP (target ≤ 500 ms locally), total blocking time, and the performance and
 *   accessibility scores (target 100 each). See LIGHTHOUSE_SETTINGS for how "locally" is measured.
 *
 * Alone, this file starts the whole platform itself (DynamoDB Local with the demo data, API and
 * built site, as `npm start` does) in a separate process (api.ts startPlatformProcess: a server in
 * Lighthouse's own process answers late) and finds an offer and a council proposal through the API.
 * Environment: BENCH_LIGHTHOUSE_RUNS (runs per page, default 3), BENCH_SKIP_WEB_BUILD=1
 * (measure the existing web/dist), CHROME_PATH.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { startPlatformProcess } from "./api.ts";
import { formatRows, kb, median, ms, type BenchRow } from "./report.ts";
import { repoRoot } from "../packages/local/src/paths.ts";

const webDist = path.join(repoRoot, "web", "dist");

export const INITIAL_JS_TARGET_BYTES = 35 * 1024;
export const LCP_TARGET_MS = 500;
export const SCORE_TARGET = 100;

export type WebSizeOptions = { build?: boolean; distDir?: string };

/** The JavaScript a first visit loads before any route code: module entry scripts and modulepreload links. */
export function initialScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)]
    .map((match) => match[0])
    .filter((tag) => /\btype=["']?module\b/i.test(tag))
    .map((tag) => /\bsrc=["']([^"']+)["']/i.exec(tag)?.[1]);
  const preloads = [...html.matchAll(/<link\b[^>]*>/gi)]
    .map((match) => match[0])
    .filter((tag) => /\brel=["']?modulepreload\b/i.test(tag))
    .map((tag) => /\bhref=["']([^"']+)["']/i.exec(tag)?.[1]);
  return [...new Set([...scripts, ...preloads].filter((src): src is string => !!src && src.startsWith("/")))];
}

const gzip9 = (data: Buffer) => gzipSync(data, { level: 9 }).length;

/** Builds the site (unless `build: false`) and reports its initial JavaScript, gzipped at level 9. */
export async function measureWebSize(options: WebSizeOptions = {}): Promise<BenchRow[]> {
  const dist = options.distDir ?? webDist;
  if (options.build ?? true) {
    const result = spawnSync("npm", ["run", "build", "-w", "web"], { cwd: repoRoot, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`npm run build -w web failed:\n${result.stdout}\n${result.stderr}`);
  }
  const indexFile = path.join(dist, "index.html");
  if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: build the site first (npm run build -w web)`);
  const html = readFileSync(indexFile, "utf8");

  const files = initialScripts(html).map((src) => {
    const data = readFileSync(path.join(dist, src.split(/[?#]/)[0]!));
    return { name: path.basename(src), bytes: data.length, gzip: gzip9(data) };
  });
  if (files.length === 0) throw new Error("web/dist/index.html loads no module script");
  const total = files.reduce((sum, file) => sum + file.gzip, 0);
  const css = [...html.matchAll(/<link\b[^>]*\brel=["']?stylesheet\b[^>]*>/gi)]
    .map((match) => /\bhref=["']([^"']+)["']/i.exec(match[0])?.[1])
    .filter((href): href is string => !!href && href.startsWith("/"))
    .reduce((sum, href) => sum + gzip9(readFileSync(path.join(dist, href))), 0);

  return [
    {
      section: "web",
      name: "initial JavaScript (gzip -9)",
      value: kb(total),
      target: `≤ ${kb(INITIAL_JS_TARGET_BYTES)}`,
      met: total <= INITIAL_JS_TARGET_BYTES,
      note: `${files.map((file) => `${file.name} ${kb(file.bytes)} raw`).join(", ")}; CSS ${kb(css)} gzip not counted`,
    },
  ];
}

export type LighthousePage = { name: string; path: string };

/**
 * "Locally" in the targets: Lighthouse's desktop preset (desktop form factor and user agent,
 * 1350×940 screen at device pixel ratio 1) and no simulated throttling (throttlingMethod
 * "provided": the page is measured as this machine loads it, with what it observed, not
 * Lantern's model of a slower network and CPU). Each run starts with an empty cache (a first visit); one unreported run first warms up Chromium itself.
 */
export const LIGHTHOUSE_SETTINGS = "desktop preset, throttlingMethod provided (none), cold cache";

type RunResult = {
  lcp: number;
  tbt: number;
  fcp: number;
  cls: number;
  scores: Record<string, number>;
  /** Per category (performance, accessibility): the audits that scored below 0.9. */
  failing: Record<string, string[]>;
};

type LighthouseResult = NonNullable<Awaited<ReturnType<(typeof import("lighthouse"))["default"]>>>["lhr"];

const FAILING_CATEGORIES = ["performance", "accessibility"];

function summarizeRun(lhr: LighthouseResult): RunResult {
  if (lhr.runtimeError) throw new Error(`Lighthouse could not measure ${lhr.requestedUrl}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const scores = Object.fromEntries(Object.values(lhr.categories).map((category) => [category.id, Math.round((category.score ?? 0) * 100)]));
  const failing: Record<string, string[]> = {};
  for (const categoryId of FAILING_CATEGORIES) {
    failing[categoryId] = (lhr.categories[categoryId]?.auditRefs ?? [])
      .filter((ref) => {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 0.9) return false;
        // Informative, manual and not-applicable audits have no pass or fail. In performance only
        // the weighted metrics make the score; of the rest, those that estimate savings are shown.
        if (audit.scoreDisplayMode === "metricSavings") return true;
        return ["binary", "numeric"].includes(audit.scoreDisplayMode) && (categoryId !== "performance" || ref.weight > 0);
      })
      .map((ref) => ref.id);
  }
  return { lcp: metric("largest-contentful-paint"), tbt: metric("total-blocking-time"), fcp: metric("first-contentful-paint"), cls: metric("cumulative-layout-shift"), scores, failing };
}

/** A category's audits that fell short, with how many of the runs they did so in. */
function failingSummary(runs: RunResult[], categoryId: string): string {
  const counts = new Map<string, number>();
  for (const run of runs) for (const id of run.failing[categoryId] ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, count]) => `${id} (${count}/${runs.length} runs)`).join(", ");
}

export type LighthouseOptions = {
  runs?: number;
  chromePath?: string;
  /** One unreported run first: a fresh Chromium's first page load is slower than any later one. Default true. */
  warmup?: boolean;
};

/** Runs Lighthouse on each page (`runs` times, reporting medians) with one Chromium for all of them. */
export async function runLighthouse(baseUrl: string, pages: readonly LighthousePage[], options: LighthouseOptions = {}): Promise<BenchRow[]> {
  const runs = options.runs ?? (Number(process.env.BENCH_LIGHTHOUSE_RUNS) || 3);
  const { default: lighthouse, desktopConfig } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: options.chromePath ?? process.env.CHROME_PATH ?? "/usr/bin/chromium",
    // Both are needed for Debian's Chromium here: the new headless mode, and no sandbox as root.
    chromeFlags: ["--headless=new", "--no-sandbox"],
    logLevel: "silent",
  });
  const rows: BenchRow[] = [
    {
      section: "lighthouse",
      name: "machine load (1-minute average) at start",
      value: `${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
      note: "no simulated throttling: other work on the machine slows the pages down as much as it slows Lighthouse",
    },
  ];
  const warmup = (options.warmup ?? true) && pages.length > 0;
  const settings = `${LIGHTHOUSE_SETTINGS}, median of ${runs} run${runs === 1 ? "" : "s"}${warmup ? " after a warm-up run" : ""}`;
  const measure = async (url: string): Promise<RunResult> => {
    // On a busy machine Lighthouse now and then fails to record the trace (NO_NAVSTART, "Please run
    // Lighthouse again"): such a run measured nothing, so it is run again, at most twice.
    for (let attempt = 1; ; attempt++) {
      const result = await lighthouse(
        url,
        { port: chrome.port, logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"], throttlingMethod: "provided" },
        desktopConfig,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (result.lhr.runtimeError && attempt < 3) continue;
      return summarizeRun(result.lhr);
    }
  };
  try {
    if (warmup) await measure(new URL(pages[0]!.path, baseUrl).href);
    for (const page of pages) {
      const url = new URL(page.path, baseUrl).href;
      const results: RunResult[] = [];
      for (let i = 0; i < runs; i++) results.push(await measure(url));
      const lcp = median(results.map((run) => run.lcp));
      const tbt = median(results.map((run) => run.tbt));
      const score = (id: string) => median(results.map((run) => run.scores[id] ?? 0));
      const performance = score("performance");
      const accessibility = score("accessibility");
      const failingPerformance = failingSummary(results, "performance");
      const failingAccessibility = failingSummary(results, "accessibility");
      const section = `lighthouse: ${page.name}`;
      rows.push(
        {
          section,
          name: "largest contentful paint",
          value: ms(lcp),
          target: `≤ ${LCP_TARGET_MS} ms`,
          met: lcp <= LCP_TARGET_MS,
          note: `${page.path}; runs ${results.map((run) => Math.round(run.lcp)).join(", ")} ms; ${settings}`,
        },
        {
          section,
          name: "total blocking time",
          value: ms(tbt),
          note: `no target in the issue; first contentful paint ${ms(median(results.map((run) => run.fcp)))}, CLS ${median(results.map((run) => run.cls)).toFixed(3)}`,
        },
        {
          section,
          name: "performance score",
          value: String(performance),
          target: String(SCORE_TARGET),
          met: performance >= SCORE_TARGET,
          note: [`best practices ${score("best-practices")}, SEO ${score("seo")}`, failingPerformance && `below 0.9: ${failingPerformance}`].filter(Boolean).join("; "),
        },
        {
          section,
          name: "accessibility score",
          value: String(accessibility),
          target: String(SCORE_TARGET),
          met: accessibility >= SCORE_TARGET,
          ...(failingAccessibility ? { note: `failed: ${failingAccessibility}` } : {}),
        },
      );
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The front page, the search page, and an offer and a council proposal found through the API (web/src/App.tsx routes). */
export async function demoPages(baseUrl: string, centre = "nord"): Promise<LighthousePage[]> {
  const offers = await getJson<{ items: { id: string }[] }>(new URL("/api/directory/offers?limit=1", baseUrl).href);
  const council = await getJson<{ proposals: { id: string }[] }>(new URL(`/api/council/centres/${centre}`, baseUrl).href);
  const offer = offers.items[0];
  const proposal = council.proposals[0];
  if (!offer) throw new Error("the directory has no published offer to measure");
  if (!proposal) throw new Error(`centre ${centre}'s council has no proposal to measure`);
  return [
    { name: "front page", path: "/" },
    { name: "search", path: "/tilbud/soeg" },
    { name: "offer", path: `/tilbud/${offer.id}` },
    { name: "council proposal", path: `/borgerraadet/${centre}/forslag/${proposal.id}` },
  ];
}

/** Runs in the platform's own process (tsx loads the TypeScript): starts it, prints its URL, stops on SIGTERM or when stdin closes. */
export type WebBenchOptions = { baseUrl?: string; pages?: readonly LighthousePage[]; build?: boolean; runs?: number };

/** Size, then Lighthouse; without `baseUrl` it starts (and stops) the local platform with the demo data in its own process. */
export async function runWebBench(options: WebBenchOptions = {}): Promise<BenchRow[]> {
  const rows = await measureWebSize({ build: options.build ?? process.env.BENCH_SKIP_WEB_BUILD !== "1" });
  const platform = options.baseUrl ? undefined : await startPlatformProcess();
  const baseUrl = options.baseUrl ?? platform!.url;
  try {
    const pages = options.pages ?? (await demoPages(baseUrl));
    return [...rows, ...(await runLighthouse(baseUrl, pages, { runs: options.runs }))];
  } finally {
    await platform?.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runWebBench();
  console.log(formatRows(rows));
}
