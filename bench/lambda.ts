/**
 * Lambda cold-start proxy: `node --import tsx bench/lambda.ts` (also a part of `npm run bench`).
 *
 * Builds every module's production bundle with the settings the stacks deploy with: the stacks'
 * default function props (`functionDefaults`, stacks/function-defaults.ts) plus the fixed esbuild options SST
 * adds (mirrored below from node_modules/sst/runtime/handlers/node.js; an infra test checks that the
 * result is byte-identical to what synthesis builds). For each module it reports:
 * - the bundle's size, minified (target ≤ 250 KB) and gzipped (for information);
 * - the time to `import()` the bundle in a fresh Node process, measured with performance.now()
 *   inside that process, over several processes (target: median ≤ 100 ms locally). The import runs
 *   the module's top level, as a cold start does: Hono app, configuration, SDK clients;
 * - a smoke request: the handler answers a minimal API Gateway v2 event (no database: DynamoDB is
 *   pointed at a closed local port, so data routes answer 503), which proves the bundle runs.
 *
 * For comparison (not deployed) the same is measured with `@aws-sdk/*` left out of the bundle, as
 * if the stacks relied on the SDK that the nodejs22.x runtime ships. The bundles go under
 * `.bench/lambda/` inside the repo, so Node resolves such external imports from the repo's
 * node_modules the way Lambda resolves them from the runtime's.
 *
 * Environment: BENCH_IMPORT_RUNS (fresh processes per bundle, default 5).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type BuildOptions } from "esbuild";
import type { FunctionProps } from "sst/constructs";
// Not stacks/index.ts: that would load SST's constructs and the CDK into this process.
import { functionDefaults } from "../stacks/function-defaults.ts";
import { manifests } from "../packages/core/src/manifests.ts";
import type { ModuleManifest } from "../packages/core/src/shared/manifest.ts";
import { handlerOf } from "../stacks/wiring.ts";
import { formatRows, kb, median, ms, type BenchRow } from "./report.ts";
import { repoRoot } from "../packages/local/src/paths.ts";


export const BUNDLE_TARGET_BYTES = 250 * 1024;
export const IMPORT_TARGET_MS = 100;

/** SST's handler file lookup: the handler path without its export name, with the first extension that exists. */
const HANDLER_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

export function handlerFile(handler: string, root = repoRoot): string {
  const parsed = path.parse(handler);
  const file = HANDLER_EXTENSIONS.map((ext) => path.join(root, parsed.dir, parsed.name + ext)).find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`Could not find file for handler "${handler}"`);
  return file;
}

/** Where SST writes a handler's bundle inside the function's output folder ("lambda.handler" → "lambda.mjs"). */
export function bundlePath(outDir: string, handler: string, props: FunctionProps = functionDefaults): string {
  const parsed = path.parse(handler);
  const isESM = (props.nodejs?.format ?? "esm") === "esm";
  return path.join(outDir, parsed.dir, parsed.name.replace(".", "-") + (isESM ? ".mjs" : ".cjs"));
}

/**
 * The esbuild options SST v2 (2.49.8) uses for `sst deploy`/`sst build` (mode "deploy"), copied
 * from `build` in node_modules/sst/runtime/handlers/node.js (about lines 115-170). Keep in step
 * with that file; infra-tests/app-invariants.ts compares the output with SST's own bundles.
 */
export function sstEsbuildOptions(entry: string, outfile: string, props: FunctionProps = functionDefaults): BuildOptions {
  const nodejs = props.nodejs ?? {};
  const isESM = (nodejs.format ?? "esm") === "esm";
  const forceExternal = ["sharp", "pg-native", ...(isESM || props.runtime !== "nodejs16.x" ? [] : ["aws-sdk"])];
  const { external, ...override } = nodejs.esbuild ?? {};
  return {
    entryPoints: [entry],
    platform: "node",
    external: [...forceExternal, ...(nodejs.install ?? []), ...(external ?? [])],
    loader: nodejs.loader,
    keepNames: true,
    bundle: true,
    logLevel: "silent",
    splitting: nodejs.splitting,
    metafile: true,
    outExtension: nodejs.splitting ? { ".js": ".mjs" } : undefined,
    ...(isESM
      ? {
          format: "esm",
          target: "esnext",
          mainFields: ["module", "main"],
          banner: {
            js: [
              `import { createRequire as topLevelCreateRequire } from 'module';`,
              `const require = topLevelCreateRequire(import.meta.url);`,
              `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
              `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
              nodejs.banner ?? "",
            ].join("\n"),
          },
        }
      : {
          format: "cjs",
          target: "node14",
          banner: nodejs.banner ? { js: nodejs.banner } : undefined,
        }),
    outfile: !nodejs.splitting ? outfile : undefined,
    outdir: nodejs.splitting ? path.dirname(outfile) : undefined,
    // Mode "deploy": a source map unless explicitly turned off.
    sourcemap: nodejs.sourcemap === false ? false : true,
    minify: nodejs.minify,
    ...override,
  };
}

/** The stacks' function props with the AWS SDK left to the runtime (the variant that is measured, not deployed). */
export function withRuntimeSdk(props: FunctionProps = functionDefaults): FunctionProps {
  const external = props.nodejs?.esbuild?.external ?? [];
  return { ...props, nodejs: { ...props.nodejs, esbuild: { ...props.nodejs?.esbuild, external: [...external, "@aws-sdk/*"] } } };
}

export type Bundle = { module: string; file: string; bytes: number; gzipBytes: number };

/** Bundles one module's handler into `outDir` as SST would; returns the bundle's path and sizes. */
export async function buildModuleBundle(module: Pick<ModuleManifest, "name">, outDir: string, props: FunctionProps = functionDefaults): Promise<Bundle> {
  const handler = handlerOf(module);
  const file = bundlePath(outDir, handler, props);
  await build(sstEsbuildOptions(handlerFile(handler), file, props));
  const code = readFileSync(file);
  return { module: module.name, file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/** A GET request per module that must work without a database; 503 means the SDK was called and found no database. */
const SMOKE: Record<string, { path: string; status: number }> = {
  identity: { path: "/api/identity/session", status: 200 },
  directory: { path: "/api/directory/offers", status: 503 },
  panel: { path: "/api/panel/results", status: 503 },
  mentor: { path: "/api/mentor/me", status: 401 },
  council: { path: "/api/council/centres/nord", status: 503 },
};

function smokeRequest(module: ModuleManifest): { path: string; status: number } {
  // A module added later: any path under its prefix reaches its Hono app, which answers 404 as JSON.
  return SMOKE[module.name] ?? { path: `/api/${module.prefixes[0]}/bench-smoke-no-such-route`, status: 404 };
}

/** Runs in the fresh process: times the import, then (optionally) sends one API Gateway v2 event to the handler. */
const CHILD = `
const [url, smokePath] = process.argv.slice(1);
const cpu = process.cpuUsage();
const started = performance.now();
const mod = await import(url);
const importMs = performance.now() - started;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
if (typeof mod.handler !== "function") throw new Error("the bundle exports no handler function");
let smoke = null;
if (smokePath) {
  const now = new Date();
  const event = {
    version: "2.0", routeKey: "$default", rawPath: smokePath, rawQueryString: "", cookies: [],
    // As CloudFront sends it (stacks/Web.ts): the origin secret and the viewer's address.
    headers: { host: "bench.example", "user-agent": "bench", accept: "application/json", "x-naerhed-origin-verify": process.env.ORIGIN_VERIFY_SECRET, "cloudfront-viewer-address": "127.0.0.1:50000" },
    requestContext: {
      accountId: "123456789012", apiId: "bench", domainName: "bench.example", domainPrefix: "bench",
      http: { method: "GET", path: smokePath, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" },
      requestId: "bench", routeKey: "$default", stage: "$default", time: now.toISOString(), timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
  };
  const context = { awsRequestId: "bench", functionName: "bench", getRemainingTimeInMillis: () => 10000 };
  const t = performance.now();
  const response = await mod.handler(event, context);
  smoke = { status: response?.statusCode, ms: performance.now() - t, body: String(response?.body ?? "").slice(0, 200) };
}
process.stdout.write(JSON.stringify({ importMs, cpuMs, smoke }));
`;

type ChildResult = { importMs: number; cpuMs: number; smoke: { status: number; ms: number; body: string } | null };

/** A port nothing listens on: DynamoDB requests fail at once with ECONNREFUSED instead of reaching AWS. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The fresh process's environment: this one's minus anything that could reach real AWS or slow
 * the import down (NODE_OPTIONS such as `--import tsx`), plus what Lambda would set.
 */
function childEnv(dynamoPort: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === "NODE_OPTIONS" || key.startsWith("AWS_")) continue;
    env[key] = value;
  }
  return {
    ...env,
    AWS_REGION: "eu-north-1",
    AWS_ACCESS_KEY_ID: "bench",
    AWS_SECRET_ACCESS_KEY: "bench",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${dynamoPort}`,
    SITE_URL: "https://naerhed.example.dk",
    ORIGIN_VERIFY_SECRET: "bench-origin-secret",
  };
}

function runChild(bundle: string, env: NodeJS.ProcessEnv, smokePath?: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const args = ["--input-type=module", "-e", CHILD, pathToFileURL(bundle).href, ...(smokePath ? [smokePath] : [])];
    const child = spawn(process.execPath, args, { cwd: path.dirname(bundle), env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code) => {
      if (code !== 0) return reject(new Error(`importing ${bundle} failed (exit ${code}):\n${stderr.trim()}`));
      try {
        // The result is the last line: the handler's own log lines (Powertools Logger, as on Lambda) come before it.
        resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as ChildResult);
      } catch {
        reject(new Error(`importing ${bundle} printed no result:\n${stdout}\n${stderr.trim()}`));
      }
    });
  });
}

/** Wall-clock import times (what the target is about) and the CPU time the import used (less sensitive to other work on the machine). */
export type ImportTimes = { median: number; worst: number; medianCpu: number; runs: number[]; smoke: ChildResult["smoke"] };

const summarize = (results: ChildResult[]): ImportTimes => {
  const times = results.map((result) => result.importMs);
  return { median: median(times), worst: Math.max(...times), medianCpu: median(results.map((result) => result.cpuMs)), runs: times, smoke: results[0]!.smoke };
};

/**
 * Imports each bundle in `runs` fresh processes, taking turns between the bundles so that load
 * from other work on the machine falls on all of them alike. Each bundle's first process also
 * sends the smoke request (after its import was timed).
 */
export async function measureImports(bundles: readonly string[], runs: number, env: NodeJS.ProcessEnv, smokePath?: string): Promise<ImportTimes[]> {
  const results: ChildResult[][] = bundles.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [index, bundle] of bundles.entries()) results[index]!.push(await runChild(bundle, env, i === 0 ? smokePath : undefined));
  }
  return results.map(summarize);
}

export type LambdaBenchOptions = {
  /** Where the bundles go; must be inside the repo so that external packages resolve. Default `.bench/lambda`. */
  outDir?: string;
  /** Fresh processes per bundle. Default BENCH_IMPORT_RUNS or 5. */
  runs?: number;
  /** Also measure the variant with `@aws-sdk/*` external (not deployed). Default true. */
  compareRuntimeSdk?: boolean;
};

export async function runLambdaBench(options: LambdaBenchOptions = {}): Promise<BenchRow[]> {
  const outDir = path.resolve(options.outDir ?? path.join(repoRoot, ".bench", "lambda"));
  const runs = options.runs ?? (Number(process.env.BENCH_IMPORT_RUNS) || 5);
  const compare = options.compareRuntimeSdk ?? true;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const env = childEnv(await closedPort());
  const section = "lambda";
  const rows: BenchRow[] = [
    {
      section,
      name: "machine load (1-minute average) at start",
      value: `${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
      note: "timings are wall-clock; under load compare the CPU times in the notes",
    },
  ];

  for (const module of manifests) {
    const smoke = smokeRequest(module);
    const deployed = await buildModuleBundle(module, path.join(outDir, "deployed", module.name));
    const external = compare ? await buildModuleBundle(module, path.join(outDir, "runtime-sdk", module.name), withRuntimeSdk()) : undefined;
    const measured = await measureImports(external ? [deployed.file, external.file] : [deployed.file], runs, env, smoke.path);
    const times = measured[0]!;
    const externalTimes = measured[1];

    let sizeNote = `gzip ${kb(deployed.gzipBytes)}; AWS SDK bundled, as deployed`;
    let importNote = `worst ${ms(times.worst)} of ${runs} fresh processes, CPU ${ms(times.medianCpu)}`;
    if (external && externalTimes) {
      if (externalTimes.smoke?.status !== smoke.status) {
        throw new Error(`${module.name} with @aws-sdk/* external answered ${externalTimes.smoke?.status} to GET ${smoke.path}, expected ${smoke.status}`);
      }
      sizeNote += `; with @aws-sdk/* external (not deployed): ${kb(external.bytes)}`;
      importNote += `; with @aws-sdk/* external (not deployed): median ${ms(externalTimes.median)}, worst ${ms(externalTimes.worst)}, CPU ${ms(externalTimes.medianCpu)}`;
    }

    rows.push(
      {
        section,
        name: `${module.name}: bundle (minified)`,
        value: kb(deployed.bytes),
        target: `≤ ${kb(BUNDLE_TARGET_BYTES)}`,
        met: deployed.bytes <= BUNDLE_TARGET_BYTES,
        note: sizeNote,
      },
      {
        section,
        name: `${module.name}: import in a fresh node (median)`,
        value: ms(times.median),
        target: `≤ ${IMPORT_TARGET_MS} ms`,
        met: times.median <= IMPORT_TARGET_MS,
        note: importNote,
      },
      {
        section,
        name: `${module.name}: handler answers GET ${smoke.path}`,
        value: `${times.smoke?.status ?? "no answer"} in ${ms(times.smoke?.ms ?? Number.NaN)}`,
        target: String(smoke.status),
        met: times.smoke?.status === smoke.status,
        note: times.smoke?.status === smoke.status ? "no database: DynamoDB points at a closed local port" : times.smoke?.body,
      },
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runLambdaBench();
  console.log(formatRows(rows));
}
