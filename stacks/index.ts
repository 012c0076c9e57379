import type { App } from "sst/constructs";
import { Api } from "./Api.ts";
import { Database, isProtectedStage } from "./Database.ts";
import { Web } from "./Web.ts";

/**
 * Every stack of the app. `sst.config.ts` and the offline infra tests both call this,
 * so the tests check exactly what gets deployed.
 */
export function stacks(app: App): void {
  // Applies to every SST Function (the module Lambdas); CDK's own helper functions are not affected.
  app.setDefaultFunctionProps({
    runtime: "nodejs22.x",
    architecture: "arm_64",
    memorySize: 512,
    timeout: 10,
    logRetention: "one_month",
    nodejs: {
      format: "esm",
      minify: true,
      // SST's default uploads source maps beside the bundle for its Console only; we do not use it.
      sourcemap: false,
    },
  });

  // Other stages are disposable: `sst remove` should leave nothing behind (log groups are
  // otherwise retained by default). Prod keeps CDK's defaults and its tables are retained.
  if (!isProtectedStage(app.stage)) app.setDefaultRemovalPolicy("destroy");

  app.stack(Database).stack(Api).stack(Web);
}
