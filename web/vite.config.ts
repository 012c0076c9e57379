import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

/** DKFDS's sources (npm `dkfds`): its Sass partials and the fonts and icons they point at. */
export const dkfds = ["../node_modules/dkfds/src", "./node_modules/dkfds/src"].map((path) => fileURLToPath(new URL(path, import.meta.url))).find(existsSync)!;

export default defineConfig({
  plugins: [solid()],
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
