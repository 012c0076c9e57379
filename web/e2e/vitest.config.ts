import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * End-to-end tests: the whole platform (DynamoDB Local, API, built site) and a real Chromium.
 * Run from the repository root: npx vitest run --config web/e2e/vitest.config.ts
 * Set E2E_BASE_URL to test a site that is already running (then nothing is built or started).
 */
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    environment: "node",
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["./e2e/global-setup.ts"],
    // One browser at a time on a small machine; the platform is shared.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
