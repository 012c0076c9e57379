import { Aspects } from "aws-cdk-lib";
import type { App } from "sst/constructs";
import { Alarms } from "./Alarms.ts";
import { Api } from "./Api.ts";
import { Database, isProtectedStage } from "./Database.ts";
import { functionDefaults } from "./function-defaults.ts";
import { AcceptedNagFindings } from "./nag.ts";
import { Web } from "./Web.ts";

export { functionDefaults };

/**
 * Every stack of the app. `sst.config.ts` and the offline infra tests both call this,
 * so the tests check exactly what gets deployed.
 */
export function stacks(app: App): void {
  app.setDefaultFunctionProps(functionDefaults);

  // Other stages are disposable: `sst remove` should leave nothing behind (log groups are
  // otherwise retained by default). Prod keeps CDK's defaults and its tables are retained.
  if (!isProtectedStage(app.stage)) app.setDefaultRemovalPolicy("destroy");

  app.stack(Database).stack(Api).stack(Web).stack(Alarms);
  // The cdk-nag findings we accept, each with its reason (checked in infra-tests/operations.test.ts).
  Aspects.of(app).add(new AcceptedNagFindings());
}
