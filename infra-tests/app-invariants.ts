import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Api as HttpApi, Function as SstFunction, getStack, useSites } from "sst/constructs";
import { useProject } from "sst/project.js";
import { describe, expect, test } from "vitest";
import { tables, type KeyAttribute, type TableSpec } from "../packages/core/src/shared/tables.ts";
import { Api } from "../stacks/Api.ts";
import { Database } from "../stacks/Database.ts";
import { moduleRoute, modules, type ModuleSpec } from "../stacks/modules.ts";
import { Web } from "../stacks/Web.ts";
import type { Synthesized } from "./synth.ts";
import {
  asList,
  importOf,
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

const attributeType = (key: KeyAttribute) => (key.type === "string" ? "S" : "N");
const keySchema = (partitionKey: KeyAttribute, sortKey?: KeyAttribute) => [
  { AttributeName: partitionKey.name, KeyType: "HASH" },
  ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: "RANGE" }] : []),
];
const byName = (a: { AttributeName: string }, b: { AttributeName: string }) => a.AttributeName.localeCompare(b.AttributeName);

/** Checks that must hold on every stage. `get` returns the app synthesized in the file's `beforeAll`. */
export function appInvariants(get: () => Synthesized): void {
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

  const lambdaFunctions = () =>
    allTemplates().flatMap((template) => resourcesOfType(template, "AWS::Lambda::Function"));
  const isHelper = (id: string) => HELPER_FUNCTION_PREFIXES.some((prefix) => id.startsWith(prefix));

  /** The function behind a module's route, followed through route → integration → function. */
  const moduleFunction = (module: ModuleSpec): [string, Resource] => {
    const resources = api().Resources ?? {};
    const routes = resourcesOfType(api(), "AWS::ApiGatewayV2::Route").filter(
      ([, r]) => r.Properties?.RouteKey === moduleRoute(module),
    );
    expect(routes, `route ${moduleRoute(module)}`).toHaveLength(1);
    const target = JSON.stringify(routes[0]![1].Properties?.Target);
    const integrationId = Object.keys(resources).find((id) => target.includes(`"Ref":"${id}"`));
    const integration = resources[integrationId ?? ""];
    expect(integration?.Type).toBe("AWS::ApiGatewayV2::Integration");
    const uri = integration!.Properties?.IntegrationUri as { "Fn::GetAtt": [string, string] };
    const fnId = uri["Fn::GetAtt"][0];
    expect(resources[fnId]?.Type).toBe("AWS::Lambda::Function");
    return [fnId, resources[fnId]!];
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

  describe("api", () => {
    test("is one HTTP API with exactly one catch-all route per module", () => {
      const httpApis = resourcesOfType(api(), "AWS::ApiGatewayV2::Api");
      expect(httpApis).toHaveLength(1);
      expect(httpApis[0]![1].Properties?.ProtocolType).toBe("HTTP");
      const routeKeys = resourcesOfType(api(), "AWS::ApiGatewayV2::Route").map(([, r]) => r.Properties?.RouteKey);
      expect(routeKeys.sort()).toEqual(modules.map(moduleRoute).sort());
      expect(routeKeys).toContain("ANY /api/directory/{proxy+}");
    });

    test("has exactly one Lambda function per module; the others are known SST/CDK helpers", () => {
      const functions = lambdaFunctions();
      const own = functions.filter(([id]) => !isHelper(id)).map(([id]) => id);
      expect(own.sort()).toEqual(modules.map((m) => moduleFunction(m)[0]).sort());
      // A helper prefix must not be hiding one of ours: helpers run no module code and get no table.
      for (const [id, fn] of functions.filter(([id]) => isHelper(id))) {
        expect(modules.map((m) => m.handler), id).not.toContain(fn.Properties?.Handler);
        expect(JSON.stringify(fn.Properties?.Environment ?? {}), id).not.toMatch(/_TABLE/);
      }
      // Cross-check with the construct tree: the SST Functions are exactly the route functions.
      const sstFunctions = getStack(Api).node.findAll().filter((c) => c instanceof SstFunction);
      const httpApi = getStack(Api).node.findChild("Api") as HttpApi;
      expect(sstFunctions).toHaveLength(modules.length);
      expect(new Set(sstFunctions)).toEqual(new Set(modules.map((m) => httpApi.getFunction(moduleRoute(m)))));
    });

    test.each(modules.map((m) => [m.name, m] as const))("module %s: runtime, architecture, size, handler, table names", (_name, module) => {
      const fn = moduleFunction(module)[1].Properties!;
      expect(fn.Runtime).toBe("nodejs22.x");
      expect(fn.Architectures).toEqual(["arm64"]);
      expect(fn.MemorySize).toBe(512);
      expect(fn.Timeout).toBe(10);
      expect(fn.Handler).toBe(module.handler);
      const env = (fn.Environment as { Variables: Record<string, unknown> }).Variables;
      for (const spec of module.tables) expect(env[spec.envVar], spec.envVar).toEqual(tableNameRef(spec));
      // Names of tables the module does not own are not handed to it.
      for (const spec of tables.filter((t) => !module.tables.includes(t))) expect(env[spec.envVar]).toBeUndefined();
    });

    test.each(modules.map((m) => [m.name, m] as const))("module %s: bundle was built by esbuild (ESM, minified, no source map)", (_name, module) => {
      const fn = moduleFunction(module)[1].Properties!;
      // Before `finish()` SST leaves an inline placeholder; a real bundle is an S3 asset.
      expect(fn.Code).toMatchObject({ S3Key: expect.stringMatching(/\.zip$/) });
      expect(fn.Code).not.toHaveProperty("ZipFile");

      const httpApi = getStack(Api).node.findChild("Api") as HttpApi;
      const out = path.join(useProject().paths.artifacts, httpApi.getFunction(moduleRoute(module))!.node.addr);
      const bundle = path.join(out, module.handler.replace(/\.[^./]+$/, ".mjs"));
      expect(existsSync(bundle), bundle).toBe(true);
      const code = readFileSync(bundle, "utf8");
      // Boolean checks: a failing string matcher would print the whole bundle.
      expect(/^import /m.test(code), "bundle is an ES module").toBe(true);
      expect(code.includes("sourceMappingURL"), "bundle links no source map").toBe(false);
      expect(readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith(".map"))).toEqual([]);
      // Minified: statements are packed onto long lines (readable output averages well under 100 characters).
      expect(code.length / code.split("\n").length > 500, "bundle is minified").toBe(true);
    });

    test("no policy anywhere grants `*` or a wildcard DynamoDB action", () => {
      for (const template of allTemplates()) expect(wildcardGrants(template)).toEqual([]);
    });

    test.each(modules.map((m) => [m.name, m] as const))("module %s: role grants exactly its declared actions on its own tables", (_name, module) => {
      const fn = moduleFunction(module)[1].Properties!;
      const roleId = (fn.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
      const statements = roleStatements(api(), roleId);
      expect(statements.filter(isDynamo)).toEqual(
        module.tables.map((spec) => ({
          Effect: "Allow",
          Action: [...module.actions],
          Resource: [tableArn(spec), { "Fn::Join": ["", [tableArn(spec), "/index/*"]] }],
        })),
      );
      // No other table's ARN appears in the role's policies at all.
      for (const spec of tables.filter((t) => !module.tables.includes(t))) {
        expect(JSON.stringify(statements)).not.toContain(tableArn(spec)["Fn::ImportValue"]);
      }
      // Only the AWS-managed basic execution (CloudWatch Logs) policy is attached besides.
      expect(JSON.stringify(api().Resources![roleId]!.Properties?.ManagedPolicyArns)).toMatch(
        /^\[\{"Fn::Join":\["",\["arn:",\{"Ref":"AWS::Partition"\},":iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole"\]\]\}\]$/,
      );
    });

    test("DynamoDB is granted to module functions only", () => {
      const moduleRoles = new Set(
        modules.map((m) => (moduleFunction(m)[1].Properties!.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0]),
      );
      for (const template of allTemplates()) {
        for (const { resource, statement } of policyStatements(template)) {
          if (!isDynamo(statement)) continue;
          const roles = asList(template.Resources![resource]!.Properties?.Roles as { Ref: string }[]).map((r) => r.Ref);
          expect(roles.length, resource).toBeGreaterThan(0);
          for (const role of roles) expect(moduleRoles, resource).toContain(role);
        }
      }
    });

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
    test("serves the site from a private S3 bucket through CloudFront over HTTPS", () => {
      const buckets = resourcesOfType(web(), "AWS::S3::Bucket");
      const distributions = resourcesOfType(web(), "AWS::CloudFront::Distribution");
      expect(buckets).toHaveLength(1);
      expect(distributions).toHaveLength(1);
      const [bucketId, bucket] = buckets[0]!;
      expect(bucket.Properties?.PublicAccessBlockConfiguration).toMatchObject({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      const config = distributions[0]![1].Properties!.DistributionConfig as Record<string, any>;
      expect(config.DefaultRootObject).toBe("index.html");
      expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
      expect(config.Origins).toHaveLength(1);
      expect(config.Origins[0].DomainName).toEqual({ "Fn::GetAtt": [bucketId, "RegionalDomainName"] });
      // Client-side routes: unknown paths are answered with the app.
      expect(config.CustomErrorResponses).toContainEqual({ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: "/index.html" });

      const [distributionId] = distributions[0]!;
      expect((web().Outputs as Record<string, { Value: unknown }>).SiteUrl?.Value).toEqual({
        "Fn::Join": ["", ["https://", { "Fn::GetAtt": [distributionId, "DomainName"] }]],
      });
    });

    test("uploads web/dist and fills VITE_API_URL with this API's URL at deploy time", () => {
      const site = useSites().all.find((s) => s.stack === getStack(Web).stackName);
      expect(site?.props).toMatchObject({ path: "web", buildOutput: "dist" });

      const [bucketId] = resourcesOfType(web(), "AWS::S3::Bucket")[0]!;
      const uploaders = resourcesOfType(web(), "Custom::S3Uploader");
      expect(uploaders).toHaveLength(1);
      const uploader = uploaders[0]![1].Properties!;
      expect(uploader.destinationBucketName).toEqual({ Ref: bucketId });

      const [apiId] = resourcesOfType(api(), "AWS::ApiGatewayV2::Api")[0]!;
      const apiUrl = importOf(api(), { "Fn::GetAtt": [apiId, "ApiEndpoint"] });
      for (const files of ["**/*.html", "**/*.js"]) {
        expect(uploader.replaceValues).toContainEqual({ files, search: "{{ VITE_API_URL }}", replace: apiUrl });
      }
    });

    test("synthesis writes nothing into the site's sources", () => {
      // SST's generated env typings are redirected to .sst/ (see stacks/Web.ts).
      expect(existsSync(path.join(useProject().paths.out, "types/web-env.d.ts"))).toBe(true);
      expect(existsSync("web/src/sst-env.d.ts")).toBe(false);
    });
  });
}
