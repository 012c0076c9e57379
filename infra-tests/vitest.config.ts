import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Run from the repo root: SST resolves handler paths, `web/` and `.sst/` from the working directory.
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["infra-tests/**/*.test.ts"],
    globalSetup: ["infra-tests/global-setup.ts"],
    // SST keeps app-wide state and writes into .sst/: one App per file, one file at a time.
    fileParallelism: false,
    // Synthesis bundles every Lambda with esbuild and packages the site.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // See stacks/Web.ts: package the existing web/dist instead of rebuilding it with placeholders.
    env: { NAERHED_SKIP_SITE_BUILD: "1" },
  },
});
