import { fileURLToPath } from "node:url";
import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";
import { dkfds } from "./vite.config.ts";

/** Component tests in jsdom. Run from the repository root: npx vitest run --config web/vitest.config.ts */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [solid()],
  resolve: { alias: { "dkfds-assets": dkfds } },
  test: {
    environment: "jsdom",
    // @solidjs/testing-library cleans up between tests only with globals.
    globals: true,
    setupFiles: ["./test/setup.ts"],
    include: ["test/**/*.test.{ts,tsx}"],
  },
});
