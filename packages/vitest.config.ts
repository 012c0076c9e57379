import { defineConfig } from "vitest/config";

/** Domain, API and local-runner tests. One DynamoDB Local serves the whole run; each file uses its own table prefix. */
export default defineConfig({
  test: {
    root: "packages",
    include: ["*/test/**/*.test.ts"],
    globalSetup: ["./local/test/global-dynamo.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      // The SDK's notice that Node 20 support ends in 2027 is known (Lambda runs Node 22); keep test output readable.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      // Powertools Logger writes through the global console (which tests can read), warnings and errors only.
      POWERTOOLS_DEV: "true",
      POWERTOOLS_LOG_LEVEL: "WARN",
    },
  },
});
