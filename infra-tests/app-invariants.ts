import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Api as HttpApi, Function as SstFunction, getStack, useSites } from "sst/constructs";
import { useProject } from "sst/project.js";
import { describe, expect, test, vi } from "vitest";
import { manifests as modules } from "../packages/core/src/manifests.ts";
import { API_FORWARDED_HEADERS, ORIGIN_VERIFY_HEADER } from "../packages/core/src/shared/config.ts";
import { eventSource } from "../packages/core/src/shared/events.ts";
import { grantedTables, type BucketSpec, type ModuleManifest as ModuleSpec } from "../packages/core/src/shared/manifest.ts";
import { auditTable, identityTable, tables, type KeyAttribute, type TableSpec } from "../packages/core/src/shared/tables.ts";
import { Api, EVENT_RETRY, FUNCTION_RETRY } from "../stacks/Api.ts";
import { Database } from "../stacks/Database.ts";
import { handlerOf, moduleRoutes } from "../stacks/wiring.ts";
import { SITE_ROUTING_FUNCTION, Web } from "../stacks/Web.ts";
import { buildModuleBundle } from "../bench/lambda.ts";
import { ACCOUNT, type Synthesized } from "./synth.ts";
import {
  actionsOf,
  asList,
  importOf,
  normalizeStatement,
  policyStatements,
  resourcesOfType,
  wildcardGrants,
  type PolicyStatement,
  type Resource,
  type TemplateJson,
} from "./template-checks.ts";

/**
 * Lambda functions that SST and CDK add by themselves, by logical-id prefix. Everything else
 * must be a module function; listing helpers explicitly means a stray function cannot hide.
 * - SST gives every stack a custom resource handler (site upload, CloudFront invalidation).
 * - CDK applies `logRetention` through one singleton function per stack.
 * - CDK empties the site bucket on removal through a custom resource provider.
 */
const HELPER_FUNCTION_PREFIXES = [
  "CustomResourceHandler",
  "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a",
  "CustomS3AutoDeleteObjectsCustomResourceProviderHandler",
];

/** How CloudFormation spells an EventBridge rate: CDK writes whole days and hours as such ("rate(1 hour)"). */
function rateExpression(minutes: number): string {
  const [count, unit] = minutes % 1440 === 0 ? [minutes / 1440, "day"] : minutes % 60 === 0 ? [minutes / 60, "hour"] : [minutes, "minute"];
  return `rate(${count} ${unit}${count === 1 ? "" : "s"})`;
}

const attributeType = (key: KeyAttribute) => (key.type === "string" ? "S" : "N");
const keySchema = (partitionKey: KeyAttribute, sortKey?: KeyAttribute) => [
  { AttributeName: partitionKey.name, KeyType: "HASH" },
  ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: "RANGE" }] : []),
];
const byName = (a: { AttributeName: string }, b: { AttributeName: string }) => a.AttributeName.localeCompare(b.AttributeName);

/** The deploy-time settings a test file synthesized with (see stacks/config.ts), as the functions should get them. */
export type ExpectedConfig = { mailFrom: string; siteUrl: string; smsSenderId?: string };

/** Variables SST sets on every function by itself. */
const SST_FUNCTION_ENV = ["AWS_NODEJS_CONNECTION_REUSE_ENABLED", "SST_APP", "SST_SSM_PREFIX", "SST_STAGE"];

/** AWS-managed CloudFront policies (fixed ids, the same in every account). */
const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

/** The modules' code (packages/functions/src/<name>/routes.ts), imported only where needed: it pulls in Hono and the AWS SDK. */
const appModules = async () => (await import("../packages/functions/test/routes.ts")).apiModules();

/**
 * Checks that must hold on every stage. `get` returns the app synthesized in the file's `beforeAll`,
 * `expected` the deploy-time settings it was synthesized with.
 */
export function appInvariants(get: () => Synthesized, expected: ExpectedConfig): void {
  const json = (stack: Parameters<Synthesized["template"]>[0]) => get().template(stack).toJSON() as TemplateJson;
  const db = () => json(Database);
  const api = () => json(Api);
  const web = () => json(Web);
  const allTemplates = () => [db(), api(), web()];

  /** The DynamoDB table resource created for a spec, found by its physical name. */
  const tableOf = (spec: TableSpec): [string, Resource] => {
    const name = get().app.logicalPrefixedName(spec.id);
    const found = resourcesOfType(db(), "AWS::DynamoDB::Table").filter(([, r]) => r.Properties?.TableName === name);
    expect(found, `table ${name}`).toHaveLength(1);
    return found[0]!;
  };
  const tableArn = (spec: TableSpec) => importOf(db(), { "Fn::GetAtt": [tableOf(spec)[0], "Arn"] });
  const tableNameRef = (spec: TableSpec) => importOf(db(), { Ref: tableOf(spec)[0] });

  /** The S3 bucket created for a bucket spec (stacks/Database.ts names it `<id>-bucket`). */
  const bucketOf = (spec: BucketSpec): [string, Resource] => {
    const found = resourcesOfType(db(), "AWS::S3::Bucket").filter(([id]) => id.startsWith(`${spec.id.replace(/[^A-Za-z0-9]/g, "")}bucket`));
    expect(found, `bucket ${spec.id}`).toHaveLength(1);
    return found[0]!;
  };
  const bucketArn = (spec: BucketSpec) => importOf(db(), { "Fn::GetAtt": [bucketOf(spec)[0], "Arn"] });
  const bucketNameRef = (spec: BucketSpec) => importOf(db(), { Ref: bucketOf(spec)[0] });

  /** The stage's origin secret (stacks/Api.ts), as CloudFormation resolves it where it is used: a dynamic reference, never the value. */
  const originSecret = (): string => {
    const secrets = resourcesOfType(api(), "AWS::SecretsManager::Secret");
    expect(secrets).toHaveLength(1);
    return secrets[0]![0];
  };
  const secretValue = (arn: unknown) => ({ "Fn::Join": ["", ["{{resolve:secretsmanager:", arn, ":SecretString:::}}"]] });

  const lambdaFunctions = () =>
    allTemplates().flatMap((template) => resourcesOfType(template, "AWS::Lambda::Function"));
  const isHelper = (id: string) => HELPER_FUNCTION_PREFIXES.some((prefix) => id.startsWith(prefix));

  /** The function behind a route, followed through route → integration → function. */
  const routeFunction = (routeKey: string): [string, Resource] => {
    const resources = api().Resources ?? {};
    const routes = resourcesOfType(api(), "AWS::ApiGatewayV2::Route").filter(([, r]) => r.Properties?.RouteKey === routeKey);
    expect(routes, `route ${routeKey}`).toHaveLength(1);
    const target = JSON.stringify(routes[0]![1].Properties?.Target);
    const integrationId = Object.keys(resources).find((id) => target.includes(`"Ref":"${id}"`));
    const integration = resources[integrationId ?? ""];
    expect(integration?.Type).toBe("AWS::ApiGatewayV2::Integration");
    const uri = integration!.Properties?.IntegrationUri as { "Fn::GetAtt": [string, string] };
    const fnId = uri["Fn::GetAtt"][0];
    expect(resources[fnId]?.Type).toBe("AWS::Lambda::Function");
    return [fnId, resources[fnId]!];
  };

  /** Where synthesis put a module's bundle (SST's artifacts folder of the module's function). */
  const sstBundle = (module: ModuleSpec) => {
    const httpApi = getStack(Api).node.findChild("Api") as HttpApi;
    const out = path.join(useProject().paths.artifacts, httpApi.getFunction(moduleRoutes(module)[0]!)!.node.addr);
    return { out, bundle: path.join(out, handlerOf(module).replace(/\.[^./]+$/, ".mjs")) };
  };

  /** The one function behind all of a module's routes. */
  const moduleFunction = (module: ModuleSpec): [string, Resource] => {
    const targets = moduleRoutes(module).map(routeFunction);
    expect(new Set(targets.map(([id]) => id)).size, `module ${module.name}: one function behind all its routes`).toBe(1);
    return targets[0]!;
  };
  const busId = () => {
    const buses = resourcesOfType(api(), "AWS::Events::EventBus");
    expect(buses).toHaveLength(1);
    return buses[0]![0];
  };
  /** The module's own dead-letter queue: the one its event rule hands failed events to. */
  const deadLetterQueueOf = (module: ModuleSpec): string => {
    const [fnId] = moduleFunction(module);
    const rule = resourcesOfType(api(), "AWS::Events::Rule").find(([, r]) => r.Properties?.EventBusName && JSON.stringify(r.Properties?.Targets).includes(`"${fnId}"`));
    expect(rule, `module ${module.name}: an event rule`).toBeDefined();
    return (rule![1].Properties!.Targets as { DeadLetterConfig: { Arn: { "Fn::GetAtt": [string, string] } } }[])[0]!.DeadLetterConfig.Arn["Fn::GetAtt"][0];
  };
  const roleOf = (module: ModuleSpec) => (moduleFunction(module)[1].Properties!.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
  const identityModule = () => {
    const module = modules.find((m) => m.name === "identity");
    expect(module, "the identity module").toBeDefined();
    return module!;
  };

  /** The roles a policy statement found in `resource` applies to. */
  const rolesOf = (template: TemplateJson, resource: string): string[] => {
    const found = template.Resources![resource]!;
    if (found.Type === "AWS::IAM::Role") return [resource];
    return asList(found.Properties?.Roles as { Ref: string }[]).map((r) => r.Ref);
  };

  /** Every statement granted to a role: attached policies and inline policies. */
  const roleStatements = (template: TemplateJson, roleId: string): PolicyStatement[] => {
    const attached = resourcesOfType(template, "AWS::IAM::Policy")
      .filter(([, p]) => asList(p.Properties?.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
      .flatMap(([id]) => policyStatements({ Resources: { [id]: template.Resources![id]! } }).map((s) => s.statement));
    const role = template.Resources?.[roleId];
    const inline = policyStatements({ Resources: { role: { Type: "x", Properties: { Policies: role?.Properties?.Policies } } } });
    return [...attached, ...inline.map((s) => s.statement)];
  };
  const isDynamo = (statement: PolicyStatement) =>
    asList(statement.Action).some((a) => String(a).toLowerCase().startsWith("dynamodb:"));

  describe("database", () => {
    test("creates one table per shared spec, and no others", () => {
      expect(resourcesOfType(db(), "AWS::DynamoDB::Table")).toHaveLength(tables.length);
      for (const spec of tables) tableOf(spec);
    });

    test.each(tables.map((spec) => [spec.id, spec] as const))("table %s matches its spec exactly", (_id, spec) => {
      const table = tableOf(spec)[1].Properties!;
      expect(table.KeySchema).toEqual(keySchema(spec.partitionKey, spec.sortKey));

      const keys = [spec.partitionKey, spec.sortKey, ...spec.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
      const attributes = new Map(keys.filter((k) => k !== undefined).map((k) => [k.name, attributeType(k)]));
      expect([...(table.AttributeDefinitions as { AttributeName: string }[])].sort(byName)).toEqual(
        [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })).sort(byName),
      );

      const indexes = (table.GlobalSecondaryIndexes ?? []) as { IndexName: string }[];
      expect([...indexes].sort((a, b) => a.IndexName.localeCompare(b.IndexName))).toEqual(
        spec.globalIndexes
          .map((index) => ({
            IndexName: index.name,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection: { ProjectionType: "ALL" },
          }))
          .sort((a, b) => a.IndexName.localeCompare(b.IndexName)),
      );

      expect(table.TimeToLiveSpecification).toEqual(
        spec.ttlAttribute ? { AttributeName: spec.ttlAttribute, Enabled: true } : undefined,
      );
      expect(table.BillingMode).toBe("PAY_PER_REQUEST");
      expect(table.ProvisionedThroughput).toBeUndefined();
      expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    });
  });

  describe("files", () => {
    test("uploaded files go to one private bucket per spec: no public access, encrypted, HTTPS only, versioned", () => {
      const specs = [...new Map(modules.flatMap((m) => m.buckets ?? []).map((grant) => [grant.bucket.id, grant.bucket])).values()];
      expect(specs.map((spec) => spec.id)).toEqual(["files"]);
      for (const spec of specs) {
        const [id, bucket] = bucketOf(spec);
        expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
        expect(JSON.stringify(bucket.Properties?.BucketEncryption)).toContain("AES256");
        expect(bucket.Properties?.VersioningConfiguration).toEqual({ Status: "Enabled" });
        const policies = resourcesOfType(db(), "AWS::S3::BucketPolicy").filter(([, policy]) => JSON.stringify(policy.Properties?.Bucket) === JSON.stringify({ Ref: id }));
        expect(JSON.stringify(policies), "denies plain HTTP").toContain('"aws:SecureTransport":"false"');
      }
    });

    test("only the organisation module may touch files, and only its logos", () => {
      const holders = modules.filter((m) => (m.buckets ?? []).length > 0);
      expect(holders.map((m) => m.name)).toEqual(["organisation"]);
      expect(holders[0]!.buckets!.map((grant) => grant.keyPrefix)).toEqual(["logos/"]);
    });
  });

  describe("api", () => {
    test("is one HTTP API without CORS, with `ANY /api/<prefix>` and `ANY /api/<prefix>/{proxy+}` per module prefix, and no other route", () => {
      const httpApis = resourcesOfType(api(), "AWS::ApiGatewayV2::Api");
      expect(httpApis).toHaveLength(1);
      const props = httpApis[0]![1].Properties!;
      expect(props.ProtocolType).toBe("HTTP");
      // The site reaches the API on its own origin (CloudFront /api/*): nothing cross-origin may call it.
      expect(props.CorsConfiguration).toBeUndefined();
      const routeKeys = resourcesOfType(api(), "AWS::ApiGatewayV2::Route").map(([, r]) => String(r.Properties?.RouteKey));
      expect(routeKeys.sort()).toEqual(modules.flatMap(moduleRoutes).sort());
      expect(routeKeys).toEqual(
        expect.arrayContaining([
          "ANY /api/identity",
          "ANY /api/identity/{proxy+}",
          "ANY /api/me",
          "ANY /api/me/{proxy+}",
          "ANY /api/directory",
          "ANY /api/directory/{proxy+}",
        ]),
      );
    });

    test("every module the app serves has both routes for each of its prefixes, to its own function", async () => {
      const served = await appModules();
      expect(served.map((m) => m.manifest.name).sort()).toEqual(modules.map((m) => m.name).sort());
      const owners = new Map<string, string>();
      for (const { manifest: module } of served) {
        // Route keys from the module's own prefixes, not from the stack's route helper.
        const targets = module.prefixes.flatMap((prefix) => [`ANY /api/${prefix}`, `ANY /api/${prefix}/{proxy+}`]).map(routeFunction);
        expect(targets.length, module.name).toBeGreaterThan(0);
        expect(new Set(targets.map(([id]) => id)).size, `${module.name}: one function`).toBe(1);
        const [fnId, fn] = targets[0]!;
        expect(fn.Properties?.Handler).toBe(`packages/functions/src/${module.name}/lambda.handler`);
        expect(owners.get(fnId), `function ${fnId} serves ${module.name} and ${owners.get(fnId)}`).toBeUndefined();
        owners.set(fnId, module.name);
      }
    });

    test("has exactly one Lambda function per module; the others are known SST/CDK helpers", () => {
      const functions = lambdaFunctions();
      const own = functions.filter(([id]) => !isHelper(id)).map(([id]) => id);
      expect(own.sort()).toEqual(modules.map((m) => moduleFunction(m)[0]).sort());
      // A helper prefix must not be hiding one of ours: helpers run no module code and get no table.
      for (const [id, fn] of functions.filter(([id]) => isHelper(id))) {
        expect(modules.map(handlerOf), id).not.toContain(fn.Properties?.Handler);
        expect(JSON.stringify(fn.Properties?.Environment ?? {}), id).not.toMatch(/_TABLE/);
      }
      // Cross-check with the construct tree: the SST Functions are exactly the route functions.
      const sstFunctions = getStack(Api).node.findAll().filter((c) => c instanceof SstFunction);
      const httpApi = getStack(Api).node.findChild("Api") as HttpApi;
      expect(sstFunctions).toHaveLength(modules.length);
      expect(new Set(sstFunctions)).toEqual(new Set(modules.flatMap((m) => moduleRoutes(m).map((route) => httpApi.getFunction(route)))));
    });

    test("every scheduled job is an EventBridge rule at its interval, invoking its module's own function with { job }", () => {
      const rules = resourcesOfType(api(), "AWS::Events::Rule").filter(([, rule]) => rule.Properties?.ScheduleExpression).map(([, rule]) => ({
        schedule: rule.Properties?.ScheduleExpression,
        targets: (rule.Properties?.Targets as { Arn: unknown; Input: string }[]).map((target) => ({ arn: target.Arn, input: JSON.parse(target.Input) as unknown })),
      }));
      const wanted = modules.flatMap((module) =>
        module.jobs.map((job) => ({
          schedule: rateExpression(job.everyMinutes),
          targets: [{ arn: { "Fn::GetAtt": [moduleFunction(module)[0], "Arn"] }, input: { job: job.name } }],
        })),
      );
      expect(modules.find((m) => m.name === "mentor")?.jobs, "the mentor module's certificate job").toEqual([{ name: "mentor-certificates", everyMinutes: 60 }]);
      expect(modules.find((m) => m.name === "panel")?.jobs, "the panel's reminder job, and its sending jobs resumed").toEqual([
        { name: "panel-reminders", everyMinutes: 60 },
        { name: "resume-jobs", everyMinutes: 5 },
      ]);
      expect(rules).toEqual(expect.arrayContaining(wanted));
      expect(rules).toHaveLength(wanted.length);
    });

    test.each(modules.map((m) => [m.name, m] as const))("module %s: runtime, architecture, size, handler, environment", (_name, module) => {
      const fn = moduleFunction(module)[1].Properties!;
      expect(fn.Runtime).toBe("nodejs22.x");
      expect(fn.Architectures).toEqual(["arm64"]);
      expect(fn.MemorySize).toBe(512);
      expect(fn.Timeout).toBe(10);
      expect(fn.Handler).toBe(handlerOf(module));
      const env = (fn.Environment as { Variables: Record<string, unknown> }).Variables;
      // The names of exactly the tables its manifest grants anything on: every function checks sessions and appends audit lines.
      for (const spec of grantedTables(module)) expect(env[spec.envVar], spec.envVar).toEqual(tableNameRef(spec));
      for (const { bucket } of module.buckets ?? []) expect(env[bucket.envVar], bucket.envVar).toEqual(bucketNameRef(bucket));
      expect(env.IDENTITY_TABLE).toEqual(tableNameRef(identityTable));
      expect(env.AUDIT_TABLE).toEqual(tableNameRef(auditTable));
      // Only modules that send mail get the sender; every function the site's address and the origin secret; the bus to those that publish.
      expect(env.MAIL_FROM).toBe(module.sendsMail ? expected.mailFrom : undefined);
      expect(env.SMS_SENDER_ID).toBe(module.sendsSms ? (expected.smsSenderId ?? "Naerhed") : undefined);
      expect(env.SITE_URL).toBe(expected.siteUrl);
      expect(env.ORIGIN_VERIFY_SECRET).toEqual(secretValue({ Ref: originSecret() }));
      if (module.publishes.length > 0) expect(env.EVENT_BUS_NAME).toEqual({ Ref: busId() });
      // Nothing else: in particular no name of another module's table.
      const ours = new Set([...grantedTables(module).map((spec) => spec.envVar), ...(module.buckets ?? []).map((grant) => grant.bucket.envVar)]);
      if (module.sendsMail) ours.add("MAIL_FROM");
      if (module.sendsSms) ours.add("SMS_SENDER_ID");
      ours.add("SITE_URL").add("ORIGIN_VERIFY_SECRET");
      if (module.publishes.length > 0) ours.add("EVENT_BUS_NAME");
      expect(Object.keys(env).sort()).toEqual([...ours, ...SST_FUNCTION_ENV].sort());
    });

    test.each(modules.map((m) => [m.name, m] as const))("module %s: bundle was built by esbuild (ESM, minified, no source map)", (_name, module) => {
      const fn = moduleFunction(module)[1].Properties!;
      // Before `finish()` SST leaves an inline placeholder; a real bundle is an S3 asset.
      expect(fn.Code).toMatchObject({ S3Key: expect.stringMatching(/\.zip$/) });
      expect(fn.Code).not.toHaveProperty("ZipFile");

      const { out, bundle } = sstBundle(module);
      expect(existsSync(bundle), bundle).toBe(true);
      const code = readFileSync(bundle, "utf8");
      // Boolean checks: a failing string matcher would print the whole bundle.
      expect(/^import /m.test(code), "bundle is an ES module").toBe(true);
      expect(code.includes("sourceMappingURL"), "bundle links no source map").toBe(false);
      expect(readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith(".map"))).toEqual([]);
      // Minified: statements are packed onto long lines (readable output averages well under 100 characters).
      expect(code.length / code.split("\n").length > 500, "bundle is minified").toBe(true);
    });

    test.each(modules.map((m) => [m.name, m] as const))("module %s: bench/lambda.ts builds a byte-identical bundle, so the benchmark measures what is deployed", async (_name, module) => {
      const dir = mkdtempSync(path.join(tmpdir(), "naerhed-bench-bundle-"));
      try {
        const mine = await buildModuleBundle(module, dir);
        expect(readFileSync(mine.file).equals(readFileSync(sstBundle(module).bundle)), "same bytes as SST's bundle").toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test("no policy anywhere grants `*` or a wildcard DynamoDB action", () => {
      for (const template of allTemplates()) expect(wildcardGrants(template)).toEqual([]);
    });

    test.each(modules.map((m) => [m.name, m] as const))("module %s: its role's IAM equals its manifest, nothing more", (_name, module) => {
      const roleId = roleOf(module);
      const sesIdentity = (identity: string) => ({
        "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, `:ses:${get().app.region}:${ACCOUNT}:identity/${identity}`]],
      });
      // Each grant of the manifest, written out as the IAM statement it must be.
      const fromManifest: PolicyStatement[] = module.tables.map((grant) => {
        const keys = [grant.table.partitionKey.name, ...(grant.table.sortKey ? [grant.table.sortKey.name] : [])];
        const condition = {
          ...(grant.leadingKeys ? { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": grant.leadingKeys.map((prefix) => `${prefix}*`) } } : {}),
          ...(grant.attributes
            ? {
                "ForAllValues:StringEquals": { "dynamodb:Attributes": [...keys, ...grant.attributes] },
                StringEqualsIfExists: { "dynamodb:ReturnValues": ["NONE", "UPDATED_OLD", "UPDATED_NEW"] },
              }
            : {}),
        };
        return {
          Effect: "Allow",
          Action: [...grant.actions],
          Resource: grant.indexes ? [tableArn(grant.table), { "Fn::Join": ["", [tableArn(grant.table), "/index/*"]] }] : [tableArn(grant.table)],
          ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
        };
      });
      // Each bucket grant: its object actions under its key prefix, nothing on the bucket itself.
      const fromBuckets: PolicyStatement[] = (module.buckets ?? []).map((grant) => ({
        Effect: "Allow",
        Action: [...grant.actions],
        Resource: { "Fn::Join": ["", [bucketArn(grant.bucket), `/${grant.keyPrefix}*`]] },
      }));
      const wanted: PolicyStatement[] = [
        ...fromManifest,
        ...fromBuckets,
        // Modules that send mail: from the configured sender (address or its domain).
        ...(module.sendsMail
          ? [{ Effect: "Allow", Action: ["ses:SendEmail"], Resource: [sesIdentity(expected.mailFrom), sesIdentity(expected.mailFrom.split("@")[1]!)] }]
          : []),
        // The module that sends SMS: to phone numbers only, never to a topic.
        ...(module.sendsSms ? [{ Effect: "Allow", Action: "sns:Publish", NotResource: "arn:aws:sns:*:*:*" }] : []),
        // Modules that publish: on the stage's bus, as themselves, only the events their manifest names.
        ...(module.publishes.length > 0
          ? [
              {
                Effect: "Allow",
                Action: "events:PutEvents",
                Resource: { "Fn::GetAtt": [busId(), "Arn"] },
                Condition: { StringEquals: { "events:source": eventSource(module.name), "events:detail-type": [...module.publishes] } },
              },
            ]
          : []),
        // Modules that handle events: a failed event goes to their own dead-letter queue (Lambda's on-failure destination).
        ...(module.handles.length > 0
          ? [{ Effect: "Allow", Action: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], Resource: { "Fn::GetAtt": [deadLetterQueueOf(module), "Arn"] } }]
          : []),
        // SST turns on X-Ray tracing for every function.
        { Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource: "*" },
      ];
      const sorted = (statements: PolicyStatement[]) => statements.map(normalizeStatement).map((s) => JSON.stringify(s)).sort();
      expect(sorted(roleStatements(api(), roleId))).toEqual(sorted(wanted));
      // Only the AWS-managed basic execution (CloudWatch Logs) policy is attached besides.
      expect(JSON.stringify(api().Resources![roleId]!.Properties?.ManagedPolicyArns)).toMatch(
        /^\[\{"Fn::Join":\["",\["arn:",\{"Ref":"AWS::Partition"\},":iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole"\]\]\}\]$/,
      );
    });

    test("DynamoDB is granted to module functions only", () => {
      const moduleRoles = new Set(modules.map(roleOf));
      for (const template of allTemplates()) {
        for (const { resource, statement } of policyStatements(template)) {
          if (!isDynamo(statement)) continue;
          const roles = rolesOf(template, resource);
          expect(roles.length, resource).toBeGreaterThan(0);
          for (const role of roles) expect(moduleRoles, resource).toContain(role);
        }
      }
    });

    test("no function but identity can read a profile or the audit log: others read and extend sessions (expiry only) and add audit lines", () => {
      const identityRole = roleOf(identityModule());
      const identityArn = tableArn(identityTable)["Fn::ImportValue"];
      const auditArn = tableArn(auditTable)["Fn::ImportValue"];
      const seen: string[] = [];
      for (const template of allTemplates()) {
        for (const { resource, statement } of policyStatements(template)) {
          if (statement.Effect === "Deny" || rolesOf(template, resource).every((role) => role === identityRole)) continue;
          const resources = JSON.stringify(statement.Resource ?? "");
          const actions = actionsOf(statement).sort().join(",");
          if (resources.includes(identityArn)) {
            expect(asList(statement.Resource), resource).toEqual([tableArn(identityTable)]);
            const leading = { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": ["SESSION#*"] } };
            if (actions === "dynamodb:GetItem") expect(statement.Condition, resource).toEqual(leading);
            else {
              expect(actions, resource).toBe("dynamodb:UpdateItem");
              expect(statement.Condition, resource).toEqual({
                ...leading,
                "ForAllValues:StringEquals": { "dynamodb:Attributes": ["pk", "sk", "expires_at"] },
                StringEqualsIfExists: { "dynamodb:ReturnValues": ["NONE", "UPDATED_OLD", "UPDATED_NEW"] },
              });
            }
            seen.push(actions);
          }
          if (resources.includes(auditArn)) {
            expect(actions, resource).toBe("dynamodb:PutItem");
            expect(asList(statement.Resource), resource).toEqual([tableArn(auditTable)]);
            expect((statement.Condition as Record<string, Record<string, unknown>>)["ForAllValues:StringLike"], resource).toEqual({ "dynamodb:LeadingKeys": ["AUDIT#*"] });
            seen.push(actions);
          }
        }
      }
      // Each other module: one session read, one expiry update, one audit append.
      expect(seen.sort()).toEqual(
        Array.from({ length: modules.length - 1 }, () => ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]).flat().sort(),
      );
    });

    test("one event bus; each module that handles events has one rule, routing to its function exactly the events its manifest handles, from the modules that publish them", () => {
      const template = api();
      expect(resourcesOfType(template, "AWS::Events::EventBus")).toHaveLength(1);
      const eventRules = resourcesOfType(template, "AWS::Events::Rule").filter(([, rule]) => rule.Properties?.EventBusName);
      const handlers = modules.filter((m) => m.handles.length > 0);
      expect(eventRules).toHaveLength(handlers.length);
      for (const module of handlers) {
        const [fnId] = moduleFunction(module);
        const mine = eventRules.filter(([, rule]) => JSON.stringify(rule.Properties?.Targets).includes(`"${fnId}"`));
        expect(mine, module.name).toHaveLength(1);
        const props = mine[0]![1].Properties!;
        expect(props.EventBusName).toEqual({ Ref: busId() });
        const pattern = props.EventPattern as { source: string[]; "detail-type": string[] };
        expect([...pattern["detail-type"]].sort()).toEqual([...module.handles].sort());
        const publishers = modules.filter((other) => other.publishes.some((name) => module.handles.includes(name))).map((other) => eventSource(other.name));
        expect([...pattern.source].sort()).toEqual(publishers.sort());
        const targets = props.Targets as { Arn: unknown; DeadLetterConfig?: { Arn: { "Fn::GetAtt": [string, string] } }; RetryPolicy?: unknown }[];
        expect(targets).toHaveLength(1);
        expect(targets[0]!.Arn).toEqual({ "Fn::GetAtt": [fnId, "Arn"] });
        // A failing function is retried, then the event waits in the module's own dead-letter queue.
        expect(targets[0]!.RetryPolicy).toEqual({ MaximumRetryAttempts: EVENT_RETRY.attempts, MaximumEventAgeInSeconds: EVENT_RETRY.maxAge.toSeconds() });
        const queue = template.Resources![targets[0]!.DeadLetterConfig!.Arn["Fn::GetAtt"][0]]!;
        expect(queue.Type).toBe("AWS::SQS::Queue");
        // EventBridge invokes asynchronously: its retry policy covers handing the event over. An event the
        // function itself failed on (an error, a timeout) is tried again by Lambda, then sent to the same queue.
        const invokeConfigs = resourcesOfType(template, "AWS::Lambda::EventInvokeConfig").filter(([, c]) => JSON.stringify(c.Properties?.FunctionName).includes(`"${fnId}"`));
        expect(invokeConfigs, module.name).toHaveLength(1);
        expect(invokeConfigs[0]![1].Properties).toMatchObject({
          MaximumRetryAttempts: FUNCTION_RETRY.attempts,
          MaximumEventAgeInSeconds: FUNCTION_RETRY.maxAge.toSeconds(),
          DestinationConfig: { OnFailure: { Destination: targets[0]!.DeadLetterConfig!.Arn } },
        });
      }
      // Routed this way, each event reaches exactly the modules whose manifests handle it.
      for (const name of new Set(modules.flatMap((m) => m.publishes))) {
        const reached = eventRules
          .filter(([, rule]) => (rule.Properties!.EventPattern as { "detail-type": string[] })["detail-type"].includes(name))
          .map(([, rule]) => modules.find((m) => JSON.stringify(rule.Properties!.Targets).includes(`"${moduleFunction(m)[0]}"`))!.name);
        expect(reached.sort(), name).toEqual(modules.filter((m) => m.handles.includes(name)).map((m) => m.name).sort());
      }
    });

    test("only modules marked sendsMail (identity, council, panel) may send mail, and only as the configured sender", () => {
      const senders = modules.filter((m) => m.sendsMail);
      expect(senders.map((m) => m.name).sort()).toEqual(["council", "identity", "panel"]);
      const mailStatements = allTemplates().flatMap((template) =>
        policyStatements(template)
          .filter(({ statement }) => [...asList(statement.Action), ...asList(statement.NotAction)].some((a) => /^ses:/i.test(String(a))))
          .map(({ resource, statement }) => ({ roles: rolesOf(template, resource), statement })),
      );
      expect(mailStatements.flatMap((s) => s.roles).sort()).toEqual(senders.map(roleOf).sort());
      for (const { statement } of mailStatements) {
        expect(actionsOf(statement)).toEqual(["ses:SendEmail"]);
        for (const arn of asList(statement.Resource)) {
          expect(JSON.stringify(arn)).toMatch(/:ses:[a-z0-9-]+:\d{12}:identity\/[^*"]+"/);
        }
      }
    });

    test("only identity may send SMS, to phone numbers only (no SNS topic)", () => {
      expect(modules.filter((m) => m.sendsSms).map((m) => m.name)).toEqual(["identity"]);
      const smsStatements = allTemplates().flatMap((template) =>
        policyStatements(template)
          .filter(({ statement }) => [...asList(statement.Action), ...asList(statement.NotAction)].some((a) => /^sns:(Publish|\*)$|^\*$/i.test(String(a))))
          .map(({ resource, statement }) => ({ roles: rolesOf(template, resource), statement }))
          // The alarm topic's own policy lets CloudWatch publish to it; that is no function's right.
          .filter(({ roles }) => roles.length > 0),
      );
      expect(smsStatements.flatMap((s) => s.roles)).toEqual([roleOf(modules.find((m) => m.name === "identity")!)]);
      for (const { statement } of smsStatements) {
        expect(statement.Resource).toBeUndefined();
        expect(statement.NotResource).toBe("arn:aws:sns:*:*:*");
      }
    });

    test.each(modules.filter((m) => m.jobs.length > 0).map((m) => [m.name, m] as const))(
      "module %s: each scheduled job is an EventBridge rule at its interval, invoking the module's own function with { job }",
      (_name, module) => {
        const template = get().template(Api).toJSON() as TemplateJson;
        const [fnId] = moduleFunction(module);
        const rules = resourcesOfType(template, "AWS::Events::Rule").map(([, rule]) => rule.Properties!).filter((rule) => rule.ScheduleExpression);
        for (const job of module.jobs) {
          const rule = rules.find((r) =>
            (r.Targets as { Input?: string; Arn: unknown }[]).some((target) => target.Input === JSON.stringify({ job: job.name }) && JSON.stringify(target.Arn).includes(`"${fnId}"`)),
          );
          expect(rule, job.name).toBeDefined();
          expect(rule!.ScheduleExpression).toBe(rateExpression(job.everyMinutes));
          expect(rule!.State ?? "ENABLED").toBe("ENABLED");
          const targets = rule!.Targets as { Arn: unknown }[];
          expect(targets).toHaveLength(1);
          expect(targets[0]!.Arn).toEqual({ "Fn::GetAtt": [fnId, "Arn"] });
        }
        // EventBridge may invoke the function.
        const invokes = resourcesOfType(template, "AWS::Lambda::Permission").filter(
          ([, permission]) => permission.Properties?.Principal === "events.amazonaws.com" && JSON.stringify(permission.Properties?.FunctionName).includes(fnId),
        );
        expect(invokes.length).toBeGreaterThanOrEqual(module.jobs.length);
      },
    );

    test("throttles the default stage and writes access logs kept one month", () => {
      const stages = resourcesOfType(api(), "AWS::ApiGatewayV2::Stage");
      expect(stages).toHaveLength(1);
      const stage = stages[0]![1].Properties!;
      expect(stage.StageName).toBe("$default");
      expect(stage.DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 });

      const accessLog = stage.AccessLogSettings as { DestinationArn: { "Fn::GetAtt": [string, string] }; Format: string };
      const [logGroupId, attribute] = accessLog.DestinationArn["Fn::GetAtt"];
      expect(attribute).toBe("Arn");
      const logGroup = api().Resources![logGroupId]!;
      expect(logGroup.Type).toBe("AWS::Logs::LogGroup");
      expect(logGroup.Properties?.RetentionInDays).toBe(30);
      for (const field of ["requestId", "routeKey", "status", "responseLatency", "integrationLatency"]) {
        expect(JSON.parse(accessLog.Format.replace(/:\$context[.\w]+/g, ":0"))).toHaveProperty(field);
      }
    });

    test.each(modules.map((m) => [m.name, m] as const))("module %s: function logs are kept one month", (_name, module) => {
      const [fnId] = moduleFunction(module);
      const retention = resourcesOfType(api(), "Custom::LogRetention").filter(
        ([, r]) => JSON.stringify(r.Properties?.LogGroupName) === JSON.stringify({ "Fn::Join": ["", ["/aws/lambda/", { Ref: fnId }]] }),
      );
      expect(retention).toHaveLength(1);
      expect(retention[0]![1].Properties?.RetentionInDays).toBe(30);
    });

    test("outputs the API URL", () => {
      const [apiId] = resourcesOfType(api(), "AWS::ApiGatewayV2::Api")[0]!;
      expect((api().Outputs as Record<string, { Value: unknown }>).ApiUrl?.Value).toEqual({ "Fn::GetAtt": [apiId, "ApiEndpoint"] });
    });
  });

  describe("web", () => {
    const distribution = () => {
      const distributions = resourcesOfType(web(), "AWS::CloudFront::Distribution");
      expect(distributions).toHaveLength(1);
      return distributions[0]!;
    };
    const distributionConfig = () => distribution()[1].Properties!.DistributionConfig as Record<string, any>;

    test("serves the site from a private S3 bucket through CloudFront over HTTPS", () => {
      const buckets = resourcesOfType(web(), "AWS::S3::Bucket");
      expect(buckets).toHaveLength(1);
      const [bucketId, bucket] = buckets[0]!;
      expect(bucket.Properties?.PublicAccessBlockConfiguration).toMatchObject({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      const config = distributionConfig();
      expect(config.DefaultRootObject).toBe("index.html");
      expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
      expect(config.Origins).toHaveLength(2);
      const siteOrigin = config.Origins.find((o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
      expect(siteOrigin.DomainName).toEqual({ "Fn::GetAtt": [bucketId, "RegionalDomainName"] });

      const [distributionId] = distribution();
      expect((web().Outputs as Record<string, { Value: unknown }>).SiteUrl?.Value).toEqual({
        "Fn::Join": ["", ["https://", { "Fn::GetAtt": [distributionId, "DomainName"] }]],
      });
    });

    test("app routes get index.html from a function on the site's behavior, not from error pages that would hide the API's 403 and 404", () => {
      const config = distributionConfig();
      // Custom error responses apply to every behavior, /api/* included.
      expect(config.CustomErrorResponses).toBeUndefined();
      const functions = resourcesOfType(web(), "AWS::CloudFront::Function");
      expect(functions).toHaveLength(1);
      const [functionId, fn] = functions[0]!;
      expect(fn.Properties?.FunctionCode).toBe(SITE_ROUTING_FUNCTION);
      expect(fn.Properties?.FunctionConfig).toMatchObject({ Runtime: "cloudfront-js-2.0" });
      expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
        { EventType: "viewer-request", FunctionARN: { "Fn::GetAtt": [functionId, "FunctionARN"] } },
      ]);
    });

    test("forwards /api/* to the HTTP API: every method, never cached, the headers the API reads with the viewer's address, all cookies and queries", () => {
      const config = distributionConfig();
      expect(config.CacheBehaviors).toHaveLength(1);
      const behavior = config.CacheBehaviors[0];
      expect(behavior.PathPattern).toBe("/api/*");
      expect([...behavior.AllowedMethods].sort()).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]);
      expect(behavior.CachePolicyId).toBe(CACHING_DISABLED);
      const policies = resourcesOfType(web(), "AWS::CloudFront::OriginRequestPolicy");
      expect(policies).toHaveLength(1);
      const [policyId, policy] = policies[0]!;
      expect(behavior.OriginRequestPolicyId).toEqual({ Ref: policyId });
      // The managed AllViewerExceptHostHeader passed no CloudFront headers: the API never saw the viewer's address.
      expect(policy.Properties?.OriginRequestPolicyConfig).toMatchObject({
        HeadersConfig: { HeaderBehavior: "whitelist", Headers: expect.arrayContaining(["cloudfront-viewer-address", "origin", "content-type", "accept-language"]) },
        CookiesConfig: { CookieBehavior: "all" },
        QueryStringsConfig: { QueryStringBehavior: "all" },
      });
      expect((policy.Properties?.OriginRequestPolicyConfig as { HeadersConfig: { Headers: string[] } }).HeadersConfig.Headers).not.toContain("host");
      // The same list the local gateway lets through (packages/local/src/gateway.ts), so a local run sees what the API sees on AWS.
      expect([...(policy.Properties?.OriginRequestPolicyConfig as { HeadersConfig: { Headers: string[] } }).HeadersConfig.Headers].sort()).toEqual([...API_FORWARDED_HEADERS].sort());
      expect(behavior.ViewerProtocolPolicy).toBe("redirect-to-https");
      // API paths are never rewritten to the app.
      expect(behavior.FunctionAssociations).toBeUndefined();

      const origin = config.Origins.find((o: { Id: string }) => o.Id === behavior.TargetOriginId);
      const [apiId] = resourcesOfType(api(), "AWS::ApiGatewayV2::Api")[0]!;
      const apiUrl = importOf(api(), { "Fn::GetAtt": [apiId, "ApiEndpoint"] });
      // The host part of https://<id>.execute-api.<region>.amazonaws.com
      expect(origin.DomainName).toEqual({ "Fn::Select": [2, { "Fn::Split": ["/", apiUrl] }] });
      expect(origin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: "https-only", OriginSSLProtocols: ["TLSv1.2"] });
      expect(origin.OriginPath).toBeUndefined();
    });

    test("CloudFront sends the stage's origin secret with every /api request, and a module's function refuses a request without it", async () => {
      const config = distributionConfig();
      const behavior = config.CacheBehaviors[0];
      const apiOrigin = config.Origins.find((o: { Id: string }) => o.Id === behavior.TargetOriginId);
      // The same secret the functions get (the Api stack's, imported), never its value.
      expect(apiOrigin.OriginCustomHeaders).toEqual([{ HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: secretValue(importOf(api(), { Ref: originSecret() })) }]);
      const siteOrigin = config.Origins.find((o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
      expect(siteOrigin.OriginCustomHeaders).toBeUndefined();

      // The directory's function as deployed, with both references resolved to one value as CloudFormation does.
      const resolved = "resolved-when-deployed";
      const env = (moduleFunction(modules.find((m) => m.name === "directory")!)[1].Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
      vi.stubEnv("SITE_URL", String(env.SITE_URL));
      vi.stubEnv("ORIGIN_VERIFY_SECRET", resolved);
      for (const spec of tables) vi.stubEnv(spec.envVar, `resolved-${spec.id}`);
      try {
        const { handler } = (await import("../packages/functions/src/directory/lambda.ts")) as unknown as {
          handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
        };
        const request = (headers: Record<string, string>) =>
          handler(
            {
              version: "2.0",
              // A route that reads no table (/api/hsds itself now reads the stored organisation), so no DynamoDB is needed here.
              routeKey: "ANY /api/hsds/taxonomies",
              rawPath: "/api/hsds/taxonomies",
              rawQueryString: "",
              headers: { host: "abc.execute-api.eu-north-1.amazonaws.com", ...headers },
              requestContext: { http: { method: "GET", path: "/api/hsds/taxonomies", protocol: "HTTP/1.1", sourceIp: "203.0.113.9", userAgent: "curl" }, requestId: "r", stage: "$default" },
              isBase64Encoded: false,
            },
            { awsRequestId: "infra-test" },
          );
        const viewer = { "cloudfront-viewer-address": "198.51.100.7:51234" };
        expect((await request({ ...viewer, [apiOrigin.OriginCustomHeaders[0].HeaderName]: resolved })).statusCode).toBe(200);
        // Straight to the API Gateway endpoint: whatever viewer address it claims, refused.
        const direct = await request(viewer);
        expect(direct.statusCode).toBe(403);
        expect(JSON.parse(direct.body)).toMatchObject({ error: { code: "origin_unverified" } });
        expect((await request({ ...viewer, [ORIGIN_VERIFY_HEADER]: "a guess" })).statusCode).toBe(403);
      } finally {
        vi.unstubAllEnvs();
      }
    });

    test("the site's responses carry a strict CSP, HSTS and the other security headers", () => {
      const policies = resourcesOfType(web(), "AWS::CloudFront::ResponseHeadersPolicy");
      expect(policies).toHaveLength(1);
      const [policyId, policy] = policies[0]!;
      expect(distributionConfig().DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
      const headers = (policy.Properties!.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: unknown }).SecurityHeadersConfig;
      expect(headers).toEqual({
        ContentSecurityPolicy: {
          ContentSecurityPolicy:
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
          Override: true,
        },
        StrictTransportSecurity: { AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true, Override: true },
        ContentTypeOptions: { Override: true },
        ReferrerPolicy: { ReferrerPolicy: "strict-origin-when-cross-origin", Override: true },
        FrameOptions: { FrameOption: "DENY", Override: true },
      });
    });

    test("the packaged site needs nothing that CSP forbids (inline scripts, styles or handlers)", () => {
      const html = readFileSync("web/dist/index.html", "utf8");
      const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((attributes) => !/\bsrc=/.test(attributes)), "inline <script>").toEqual([]);
      expect(/<style\b/i.test(html), "inline <style>").toBe(false);
      expect(html.match(/\s(style|on[a-z]+)=/gi) ?? [], "inline style or event handler attributes").toEqual([]);
      // Solid compiles JSX into HTML template strings: a static style attribute there is inline style too.
      for (const file of readdirSync("web/dist/assets").filter((f) => f.endsWith(".js"))) {
        const code = readFileSync(path.join("web/dist/assets", file), "utf8");
        expect(/<[a-z][a-z0-9-]*\s[^<>]*\bstyle=/i.test(code), `${file}: inline style in a template`).toBe(false);
      }
    });

    test("uploads web/dist; the site calls /api on its own origin, so no API URL goes into it", () => {
      const site = useSites().all.find((s) => s.stack === getStack(Web).stackName);
      expect(site?.props).toMatchObject({ path: "web", buildOutput: "dist" });
      // Pinned empty: a VITE_API_URL in the deploying shell cannot point the site elsewhere.
      expect((site?.props as { environment?: unknown }).environment).toEqual({ VITE_API_URL: "" });

      const [bucketId] = resourcesOfType(web(), "AWS::S3::Bucket")[0]!;
      const uploaders = resourcesOfType(web(), "Custom::S3Uploader");
      expect(uploaders).toHaveLength(1);
      const uploader = uploaders[0]![1].Properties!;
      expect(uploader.destinationBucketName).toEqual({ Ref: bucketId });
      expect(asList(uploader.replaceValues as unknown[])).toEqual([]);
    });

    test("synthesis writes nothing into the site's sources", () => {
      // SST's generated env typings are redirected to .sst/ (see stacks/Web.ts).
      expect(existsSync(path.join(useProject().paths.out, "types/web-env.d.ts"))).toBe(true);
      expect(existsSync("web/src/sst-env.d.ts")).toBe(false);
    });
  });
}
