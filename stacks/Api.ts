import { ArnFormat, Duration } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Function as SstFunction, Api as HttpApi, use, type StackContext } from "sst/constructs";
import { manifests } from "../packages/core/src/manifests.ts";
import { eventSource } from "../packages/core/src/shared/events.ts";
import { grantedTables, type BucketGrant, type ModuleManifest, type TableGrant } from "../packages/core/src/shared/manifest.ts";
import { deployConfig, moduleSettings, senderIdentities } from "./config.ts";
import { alarmWhenNotEmpty } from "./dead-letter-alarms.ts";
import { Database } from "./Database.ts";
import { handlerOf, moduleRoutes } from "./wiring.ts";

/** Stage-wide limits: enough for a municipality's traffic, low enough to cap a runaway client's cost. */
export const throttle = { burst: 200, rate: 100 } as const;

/** How EventBridge keeps trying to hand an event to a module's function (throttled, or not reachable) before it goes to the dead-letter queue. */
export const EVENT_RETRY = { attempts: 8, maxAge: Duration.hours(24) } as const;

/**
 * How Lambda tries an event again once it has taken it (EventBridge invokes asynchronously) and
 * the function failed or timed out: twice more, a minute and then two apart (Lambda's own
 * default, written out), then the event goes to the same dead-letter queue. The local bus does the same.
 */
export const FUNCTION_RETRY = { attempts: 2, maxAge: Duration.hours(6) } as const;

/**
 * One HTTP API; each module (its manifest, packages/core/src/<module>/manifest.ts) is one Lambda
 * function behind `ANY /api/<prefix>` and `ANY /api/<prefix>/{proxy+}` for each of its prefixes,
 * with exactly the table rights, settings, schedules and events its manifest declares. The site
 * reaches the API through its own CloudFront distribution (Web.ts), so the API answers no
 * cross-origin requests (no CORS).
 */
export function Api({ stack, app }: StackContext) {
  const { tables, buckets } = use(Database);
  const config = deployConfig(process.env, app.stage, app.mode);
  const settings = moduleSettings();
  const bus = new events.EventBus(stack, "Bus");

  // CloudFront sends this with every /api request (Web.ts) and the functions refuse requests
  // without it (packages/functions/src/shared/client.ts): only then is CloudFront-Viewer-Address
  // CloudFront's and not the caller's. Made once per stage; both sides get it when CloudFormation
  // deploys (a dynamic reference: the value is in neither template).
  const originVerify = new secretsmanager.Secret(stack, "OriginVerifySecret", {
    description: "Naerhed: the header CloudFront adds to every /api request; the API refuses requests without it",
    generateSecretString: { passwordLength: 48, excludePunctuation: true },
  });

  const tableOf = (manifest: ModuleManifest, id: string) => {
    const table = tables[id];
    if (!table) throw new Error(`Module "${manifest.name}" uses table "${id}", which Database does not create`);
    return table;
  };

  const bucketOf = (manifest: ModuleManifest, id: string) => {
    const bucket = buckets[id];
    if (!bucket) throw new Error(`Module "${manifest.name}" uses bucket "${id}", which Database does not create`);
    return bucket;
  };

  /** One bucket grant as one IAM statement: its object actions, on its key prefix only. */
  const bucketStatementOf = (manifest: ModuleManifest, grant: BucketGrant) =>
    new iam.PolicyStatement({ actions: [...grant.actions], resources: [bucketOf(manifest, grant.bucket.id).arnForObjects(`${grant.keyPrefix}*`)] });

  const sesIdentityArn = (identity: string) =>
    stack.formatArn({ service: "ses", resource: "identity", resourceName: identity, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });

  /** One grant of the manifest as one IAM statement: actions, the table (and its indexes), leading keys, attributes. */
  const statementOf = (manifest: ModuleManifest, grant: TableGrant) => {
    const table = tableOf(manifest, grant.table.id);
    const keyNames = [grant.table.partitionKey.name, ...(grant.table.sortKey ? [grant.table.sortKey.name] : [])];
    const conditions: Record<string, Record<string, string[]>> = {};
    if (grant.leadingKeys) conditions["ForAllValues:StringLike"] = { "dynamodb:LeadingKeys": grant.leadingKeys.map((prefix) => `${prefix}*`) };
    if (grant.attributes) {
      conditions["ForAllValues:StringEquals"] = { "dynamodb:Attributes": [...keyNames, ...grant.attributes] };
      // A write limited to some attributes must not read the whole item back.
      conditions.StringEqualsIfExists = { "dynamodb:ReturnValues": ["NONE", "UPDATED_OLD", "UPDATED_NEW"] };
    }
    return new iam.PolicyStatement({
      actions: [...grant.actions],
      resources: grant.indexes ? [table.tableArn, `${table.tableArn}/index/*`] : [table.tableArn],
      conditions: Object.keys(conditions).length > 0 ? conditions : undefined,
    });
  };

  const moduleFunction = (manifest: ModuleManifest): SstFunction => {
    // The table names go in through the environment and the rights through `permissions`:
    // `bind` would grant `dynamodb:*` on the table.
    const environment: Record<string, string> = Object.fromEntries(
      grantedTables(manifest).map((spec) => [spec.envVar, tableOf(manifest, spec.id).tableName]),
    );
    for (const grant of manifest.buckets ?? []) environment[grant.bucket.envVar] = bucketOf(manifest, grant.bucket.id).bucketName;
    if (config.siteUrl) environment.SITE_URL = config.siteUrl;
    environment.ORIGIN_VERIFY_SECRET = originVerify.secretValue.unsafeUnwrap();
    if (manifest.sendsMail) environment.MAIL_FROM = config.mailFrom;
    if (manifest.sendsSms) environment.SMS_SENDER_ID = config.smsSenderId;
    if (manifest.publishes.length > 0) environment.EVENT_BUS_NAME = bus.eventBusName;
    for (const name of manifest.settings) {
      const value = settings[name];
      if (value) environment[name] = value;
    }

    const permissions = [...manifest.tables.map((grant) => statementOf(manifest, grant)), ...(manifest.buckets ?? []).map((grant) => bucketStatementOf(manifest, grant))];
    if (manifest.sendsMail) {
      // SES v2 SendEmail is authorized by `ses:SendEmail` on the sender's identity, which is
      // either the verified address or its verified domain.
      permissions.push(new iam.PolicyStatement({ actions: ["ses:SendEmail"], resources: senderIdentities(config.mailFrom).map(sesIdentityArn) }));
    }
    if (manifest.sendsSms) {
      // A text to a phone number has no resource to name; NotResource on every SNS ARN allows
      // exactly that and no publishing to any topic (AWS's own pattern for SMS-only senders).
      permissions.push(new iam.PolicyStatement({ actions: ["sns:Publish"], notResources: ["arn:aws:sns:*:*:*"] }));
    }
    if (manifest.publishes.length > 0) {
      // Only as itself, and only the events its manifest says it publishes.
      permissions.push(
        new iam.PolicyStatement({
          actions: ["events:PutEvents"],
          resources: [bus.eventBusArn],
          conditions: { StringEquals: { "events:source": eventSource(manifest.name), "events:detail-type": [...manifest.publishes] } },
        }),
      );
    }

    return new SstFunction(stack, `${manifest.name}Function`, { handler: handlerOf(manifest), environment, permissions });
  };

  // Jobs run whether or not anyone visits: EventBridge invokes the module's own function.
  const scheduleJobs = (manifest: ModuleManifest, fn: SstFunction) => {
    for (const job of manifest.jobs) {
      new events.Rule(stack, `${manifest.name}-${job.name}-schedule`, {
        schedule: events.Schedule.rate(Duration.minutes(job.everyMinutes)),
        targets: [new targets.LambdaFunction(fn, { event: events.RuleTargetInput.fromObject({ job: job.name }) })],
      });
    }
  };

  /**
   * One rule per handling module: the events its manifest handles, from the modules whose
   * manifests publish them. An event that cannot be handed to the function, and one the function
   * failed on every try (its async on-failure destination: EventBridge's retry policy and
   * dead-letter queue only cover handing it over), is kept in the module's dead-letter queue for
   * staff to see (and for ops' alarm).
   */
  const deadLetterQueues: Record<string, sqs.Queue> = {};
  const routeEvents = (manifest: ModuleManifest, fn: SstFunction) => {
    if (manifest.handles.length === 0) return;
    const publishers = manifests.filter((other) => other.publishes.some((name) => manifest.handles.includes(name)));
    const deadLetterQueue = new sqs.Queue(stack, `${manifest.name}-event-dead-letters`, { retentionPeriod: Duration.days(14), enforceSSL: true });
    deadLetterQueues[manifest.name] = deadLetterQueue;
    // An event nobody could handle waits there: the operations team is told (dead-letter-alarms.ts).
    alarmWhenNotEmpty(deadLetterQueue, `${manifest.name}-event-dead-letters`);
    fn.configureAsyncInvoke({ retryAttempts: FUNCTION_RETRY.attempts, maxEventAge: FUNCTION_RETRY.maxAge, onFailure: new SqsDestination(deadLetterQueue) });
    new events.Rule(stack, `${manifest.name}-events`, {
      eventBus: bus,
      eventPattern: { source: publishers.map((publisher) => eventSource(publisher.name)), detailType: [...manifest.handles] },
      targets: [new targets.LambdaFunction(fn, { deadLetterQueue, retryAttempts: EVENT_RETRY.attempts, maxEventAge: EVENT_RETRY.maxAge })],
    });
  };

  const routes: Record<string, { function: SstFunction }> = {};
  const functions: Record<string, SstFunction> = {};
  for (const manifest of manifests) {
    const fn = moduleFunction(manifest);
    functions[manifest.name] = fn;
    scheduleJobs(manifest, fn);
    routeEvents(manifest, fn);
    for (const route of moduleRoutes(manifest)) {
      if (routes[route]) throw new Error(`Route "${route}" of module "${manifest.name}" is already taken`);
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
  return { api, bus, deadLetterQueues, functions, originVerify };
}
