import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The run's DynamoDB Local, for a test that starts a platform of its own beside it (unset with E2E_BASE_URL). */
    dynamoEndpoint?: string;
  }
}

const web = fileURLToPath(new URL("../", import.meta.url));

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * Builds the site when web/dist is missing or older than its sources (about 2-3 s), so the
 * tests never run against a stale build. E2E_BUILD=always forces it, E2E_BUILD=never skips it.
 */
function buildSiteIfNeeded(): void {
  const mode = process.env.E2E_BUILD ?? "auto";
  if (mode === "never") return;
  const built = join(web, "dist", "index.html");
  const sources = Math.max(
    ...["src", "public", "index.html", "vite.config.ts", "../packages/core/src"].map((p) => newest(join(web, p))),
  );
  if (mode !== "always" && existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const started = Date.now();
  const vite = join(web, "node_modules", "vite", "bin", "vite.js");
  execFileSync(process.execPath, [existsSync(vite) ? vite : join(web, "../node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], {
    cwd: web,
    stdio: "inherit",
  });
  console.log(`e2e: built the site in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export default async function setup(project: TestProject) {
  const given = process.env.E2E_BASE_URL;
  if (given) {
    project.provide("baseUrl", given.replace(/\/+$/, ""));
    return;
  }

  buildSiteIfNeeded();
  const started = Date.now();
  const { startPlatform } = await import("@naerhed/local/server");
  const platform = await startPlatform({ port: 0, dataDir: null, seedDemo: true, quiet: true, siteHost: "127.0.0.1" });
  console.log(`e2e: platform at ${platform.url} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  project.provide("baseUrl", platform.url);
  project.provide("dynamoEndpoint", platform.dynamo.endpoint);

  return async () => {
    await platform.stop();
  };
}
