import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";

/** DKFDS's sources (npm `dkfds`): its Sass partials and the fonts and icons they point at. */
export const dkfds = ["../node_modules/dkfds/src", "./node_modules/dkfds/src"].map((path) => fileURLToPath(new URL(path, import.meta.url))).find(existsSync)!;

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
  resolve: {
    // url("dkfds-assets/…") in DKFDS's Sass (its $font-path, $icons-folder-path) resolves to the package.
    alias: { "dkfds-assets": dkfds },
  },
  css: {
    preprocessorOptions: {
      scss: {
        // `@use "tokens"` from any style file, and DKFDS's partials by their own names.
        loadPaths: [`${dkfds}/stylesheets`, fileURLToPath(new URL("./src/look", import.meta.url))],
        // DKFDS's own Sass uses functions newer Sass deprecates; those warnings are not ours to fix.
        quietDeps: true,
        silenceDeprecations: ["if-function", "global-builtin", "import"],
      },
    },
  },
  server: {
    proxy: {
      // 127.0.0.1, not localhost: Node may resolve localhost to ::1, and the local server listens on IPv4.
      "/api": "http://127.0.0.1:3000",
    },
  },
  build: {
    target: "es2022",
    // DKFDS's Sass names images (placeholder logos, checkbox ticks) the site may never show: as files
    // they cost nothing until used, inlined they would weigh on every page's CSS.
    assetsInlineLimit: 0,
  },
});
