import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";

/** The API's page /api/docs shows the OpenAPI document in Swagger UI; its files are served from the site's own origin (/api-docs/). */
function apiDocsViewer(): Plugin {
  const dist = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  return {
    name: "naerhed-api-docs-viewer",
    apply: "build",
    generateBundle() {
      for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
        this.emitFile({ type: "asset", fileName: `api-docs/${file}`, source: readFileSync(join(dist, file)) });
      }
    },
  };
}

export default defineConfig({
  plugins: [solid(), apiDocsViewer()],
  server: {
    proxy: {
      // 127.0.0.1, not localhost: Node may resolve localhost to ::1, and the local server listens on IPv4.
      "/api": "http://127.0.0.1:3000",
    },
  },
  build: {
    target: "es2022",
  },
});
