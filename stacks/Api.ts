import { ArnFormat, Duration } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { Function as SstFunction, Api as HttpApi, use, type StackContext } from "sst/constructs";
import { deployConfig, moduleSettings, senderIdentities } from "./config.ts";
import { Database } from "./Database.ts";
import { moduleRoutes, modules, tableGrants, type ModuleSpec } from "./modules.ts";

/** Stage-wide limits: enough for a municipality's traffic, low enough to cap a runaway client's cost. */
export const throttle = { burst: 200, rate: 100 } as const;

/**
 * One HTTP API; each module is one Lambda function behind `ANY /api/<prefix>` and
 * `ANY /api/<prefix>/{proxy+}` for each of its prefixes. The site reaches it through its own
 * CloudFront distribution (Web.ts), so the API answers no cross-origin requests (no CORS).
 */
export function Api({ stack, app }: StackContext) {
  const { tables } = use(Database);
  const config = deployConfig(process.env, app.stage, app.mode);
  const settings = moduleSettings();

  // CloudFront sends this with every /api request (Web.ts) and the functions refuse requests
  // without it (packages/functions/src/shared/client.ts): only then is CloudFront-Viewer-Address
  // CloudFront's and not the caller's. Made once per stage; both sides get it when CloudFormation
  // deploys (a dynamic reference: the value is in neither template).
  const originVerify = new secretsmanager.Secret(stack, "OriginVerifySecret", {
    description: "Naerhed: the header CloudFront adds to every /api request; the API refuses requests without it",
    generateSecretString: { passwordLength: 48, excludePunctuation: true },
  });

  const tableOf = (module: ModuleSpec, id: string) => {
    const table = tables[id];
    if (!table) throw new Error(`Module "${module.name}" uses table "${id}", which Database does not create`);
    return table;
  };

  const sesIdentityArn = (identity: string) =>
    stack.formatArn({ service: "ses", resource: "identity", resourceName: identity, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });

  const moduleFunction = (module: ModuleSpec): SstFunction => {
    const grants = tableGrants(module).map((grant) => ({ grant, table: tableOf(module, grant.table.id) }));

    // The table names go in through the environment and the rights through `permissions`:
    // `bind` would grant `dynamodb:*` on the table.
    const environment: Record<string, string> = Object.fromEntries(grants.map(({ grant, table }) => [grant.table.envVar, table.tableName]));
    if (config.siteUrl) environment.SITE_URL = config.siteUrl;
    environment.ORIGIN_VERIFY_SECRET = originVerify.secretValue.unsafeUnwrap();
    if (module.sendsMail) environment.MAIL_FROM = config.mailFrom;
    for (const name of module.settings ?? []) {
      const value = settings[name];
      if (value) environment[name] = value;
    }

    const permissions = grants.map(
      ({ grant, table }) =>
        new iam.PolicyStatement({
          actions: [...grant.actions],
          resources: grant.indexes ? [table.tableArn, `${table.tableArn}/index/*`] : [table.tableArn],
          conditions: grant.leadingKeysPrefix
            ? { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [`${grant.leadingKeysPrefix}*`] } }
            : undefined,
        }),
    );
    if (module.sendsMail) {
      // SES v2 SendEmail is authorized by `ses:SendEmail` on the sender's identity, which is
      // either the verified address or its verified domain.
      permissions.push(
        new iam.PolicyStatement({ actions: ["ses:SendEmail"], resources: senderIdentities(config.mailFrom).map(sesIdentityArn) }),
      );
    }

    return new SstFunction(stack, `${module.name}Function`, { handler: module.handler, environment, permissions });
  };

  // Jobs run whether or not anyone visits: EventBridge invokes the module's own function.
  const scheduleJobs = (module: ModuleSpec, fn: SstFunction) => {
    for (const job of module.jobs ?? []) {
      new events.Rule(stack, `${module.name}-${job.name}-schedule`, {
        schedule: events.Schedule.rate(Duration.minutes(job.everyMinutes)),
        targets: [new targets.LambdaFunction(fn, { event: events.RuleTargetInput.fromObject({ job: job.name }) })],
      });
    }
  };

  const routes: Record<string, { function: SstFunction }> = {};
  for (const module of modules) {
    const fn = moduleFunction(module);
    scheduleJobs(module, fn);
    for (const route of moduleRoutes(module)) {
      if (routes[route]) throw new Error(`Route "${route}" of module "${module.name}" is already taken`);
      routes[route] = { function: fn };
    }
  }

  const api = new HttpApi(stack, "Api", {
    routes,
    cors: false,
    defaults: { throttle },
    accessLog: { retention: "one_month" },
  });

  stack.addOutputs({ ApiUrl: api.url });
  return { api, originVerify };
}
