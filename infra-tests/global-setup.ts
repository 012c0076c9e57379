import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export default function setup(): void {
  // SST resolves handler paths, `web/` and `.sst/` from the working directory.
  if (path.resolve(process.cwd()) !== path.resolve(repoRoot)) {
    throw new Error(`Run infra-tests from the repo root (${repoRoot}): npx vitest run --config infra-tests/vitest.config.ts`);
  }

  // StaticSite packages `web/dist` during synthesis, so it has to exist before any test runs.
  if (existsSync("web/dist/index.html")) return;
  console.log("infra-tests: web/dist/index.html is missing, running `npm run build -w web`");
  try {
    execSync("npm run build -w web", { stdio: "inherit" });
  } catch {
    throw new Error(
      "infra-tests need the built site: `npm run build -w web` failed, so web/dist cannot be packaged. Fix the web build first.",
    );
  }
  if (!existsSync("web/dist/index.html")) {
    throw new Error("infra-tests: `npm run build -w web` succeeded but web/dist/index.html is still missing.");
  }
}
