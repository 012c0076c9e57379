import * as iam from "aws-cdk-lib/aws-iam";
import { Api as HttpApi, use, type ApiRouteProps, type StackContext } from "sst/constructs";
import { Database } from "./Database.ts";
import { moduleRoute, modules, type ModuleSpec } from "./modules.ts";

/** Stage-wide limits: enough for a municipality's traffic, low enough to cap a runaway client's cost. */
export const throttle = { burst: 200, rate: 100 } as const;

/** One HTTP API; each module is one catch-all route backed by one Lambda function. */
export function Api({ stack }: StackContext) {
  const { tables } = use(Database);

  const moduleFunction = (module: ModuleSpec): ApiRouteProps<string> => {
    const owned = module.tables.map((spec) => {
      const table = tables[spec.id];
      if (!table) throw new Error(`Module "${module.name}" owns table "${spec.id}", which Database does not create`);
      return { spec, table };
    });
    return {
      function: {
        handler: module.handler,
        // The table name goes in through the environment and the rights through `permissions`:
        // `bind` would grant `dynamodb:*` on the table.
        environment: Object.fromEntries(owned.map(({ spec, table }) => [spec.envVar, table.tableName])),
        permissions: owned.map(
          ({ table }) =>
            new iam.PolicyStatement({
              actions: [...module.actions],
              resources: [table.tableArn, `${table.tableArn}/index/*`],
            }),
        ),
      },
    };
  };

  const api = new HttpApi(stack, "Api", {
    routes: Object.fromEntries(modules.map((module) => [moduleRoute(module), moduleFunction(module)])),
    defaults: { throttle },
    accessLog: { retention: "one_month" },
  });

  stack.addOutputs({ ApiUrl: api.url });
  return { api };
}
