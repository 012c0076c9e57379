import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

export default defineConfig({
  plugins: [solid()],
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
