import { Stack } from "aws-cdk-lib";
import { Queue } from "aws-cdk-lib/aws-sqs";
import { AwsSolutionsChecks, ServerlessChecks, type INagLogger } from "cdk-nag";
import { beforeAll, describe, expect, test } from "vitest";
import { tables } from "../packages/core/src/shared/tables.ts";
import { Alarms, API_5XX_PERCENT, TABLE_OPERATIONS } from "../stacks/Alarms.ts";
import { alarmWhenNotEmpty } from "../stacks/dead-letter-alarms.ts";
import { Api } from "../stacks/Api.ts";
import { Database } from "../stacks/Database.ts";
import { manifests } from "../packages/core/src/manifests.ts";
import { Web } from "../stacks/Web.ts";
import { synth, type Synthesized } from "./synth.ts";
import { importOf, resourcesOfType, type Resource, type TemplateJson } from "./template-checks.ts";

/**
 * What AWS experts would check, offline: cdk-nag's AwsSolutions and ServerlessChecks packs over
 * the whole app as deployed to prod, and the alarms the operations team gets by email.
 */

const OPERATIONS = "drift@kommune.example.dk";
/** The test's own queues (for the dead-letter hook, below) are no part of the app: cdk-nag's word on them is not counted. */
const TEST_STACKS = /-(Early|Late)Queues$/;
const findings: string[] = [];
const suppressed = new Map<string, string>();
const logger: INagLogger = {
  onCompliance: () => {},
  onNotApplicable: () => {},
  onNonCompliance: (data) => {
    if (!TEST_STACKS.test(data.resource.stack.stackName)) findings.push(`${data.ruleId} on ${data.resource.node.path} ${data.findingId}`);
  },
  onError: (data) => void findings.push(`${data.ruleId} could not check ${data.resource.node.path}: ${data.errorMessage}`),
  onSuppressed: (data) => void suppressed.set(`${data.ruleId} ${data.resource.node.path} ${data.findingId}`, data.suppressionReason),
  onSuppressedError: (data) => void suppressed.set(`${data.ruleId} ${data.resource.node.path} (error)`, data.errorSuppressionReason),
};

let app: Synthesized;
/** Dead-letter queues handed to the hook before and after the Alarms stack was made. */
let early: Queue;
let late: Queue;

beforeAll(async () => {
  app = await synth(
    "prod",
    { NAERHED_MAIL_FROM: "naerhed@kommune.example.dk", NAERHED_SITE_URL: "https://naerhed.kommune.example.dk", NAERHED_ALARM_EMAIL: OPERATIONS },
    {
      aspects: [new AwsSolutionsChecks({ additionalLoggers: [logger] }), new ServerlessChecks({ additionalLoggers: [logger] })],
      before: (sstApp) => {
        early = new Queue(new Stack(sstApp, sstApp.logicalPrefixedName("EarlyQueues")), "EarlyDeadLetters", { enforceSSL: true });
        alarmWhenNotEmpty(early, "early-events");
      },
    },
  );
  late = new Queue(new Stack(app.app, app.app.logicalPrefixedName("LateQueues")), "LateDeadLetters", { enforceSSL: true });
  alarmWhenNotEmpty(late, "late-events");
  // Reading the templates synthesizes the app, and runs cdk-nag over it.
  for (const stack of [Database, Api, Web, Alarms]) app.template(stack);
});

describe("cdk-nag (AwsSolutions, ServerlessChecks)", () => {
  test("finds nothing that is neither fixed nor accepted with a reason in stacks/nag.ts", () => {
    expect(findings).toEqual([]);
  });

  test("checked the module functions, the API and the site, and every accepted finding has its reason", () => {
    const accepted = [...suppressed.keys()];
    for (const rule of ["AwsSolutions-APIG4", "AwsSolutions-L1", "AwsSolutions-CFR4", "Serverless-LambdaDLQ"]) {
      expect(accepted.some((key) => key.startsWith(`${rule} `)), rule).toBe(true);
    }
    for (const [key, reason] of suppressed) expect(reason.length, key).toBeGreaterThan(30);
  });
});

describe("alarms the operations team gets by email", () => {
  const alarms = () => json(Alarms);
  const json = (stack: Parameters<Synthesized["template"]>[0]) => app.template(stack).toJSON() as TemplateJson;
  const topicId = () => {
    const topics = resourcesOfType(alarms(), "AWS::SNS::Topic");
    expect(topics).toHaveLength(1);
    return topics[0]![0];
  };
  const allAlarms = () => resourcesOfType(alarms(), "AWS::CloudWatch::Alarm");
  /** The metrics an alarm watches, as { namespace, name, dimensions }. */
  const watched = (alarm: Resource) => {
    const props = alarm.Properties!;
    const single = props.MetricName ? [{ Namespace: props.Namespace, MetricName: props.MetricName, Dimensions: props.Dimensions }] : [];
    const math = ((props.Metrics as { MetricStat?: { Metric: { Namespace: string; MetricName: string; Dimensions?: unknown } } }[]) ?? [])
      .filter((m) => m.MetricStat)
      .map((m) => m.MetricStat!.Metric);
    return [...single, ...math].map((m) => ({ namespace: m.Namespace, name: m.MetricName, dimensions: m.Dimensions as { Name: string; Value: unknown }[] | undefined }));
  };
  const alarmsOn = (namespace: string, name: string) => allAlarms().filter(([, alarm]) => watched(alarm).some((m) => m.namespace === namespace && m.name === name));
  const dimension = (alarm: Resource, name: string) => watched(alarm).flatMap((m) => m.dimensions ?? []).find((d) => d.Name === name)?.Value;

  test("go to one SNS topic, which mails the address from NAERHED_ALARM_EMAIL and takes only TLS", () => {
    const subscriptions = resourcesOfType(alarms(), "AWS::SNS::Subscription").map(([, s]) => s.Properties);
    expect(subscriptions).toEqual([{ Protocol: "email", Endpoint: OPERATIONS, TopicArn: { Ref: topicId() } }]);
    const policy = JSON.stringify(resourcesOfType(alarms(), "AWS::SNS::TopicPolicy")[0]![1].Properties);
    expect(policy).toContain('"aws:SecureTransport":"false"');
  });

  test("every alarm mails the team when it starts and when it is over; no data is no alarm", () => {
    expect(allAlarms().length).toBeGreaterThan(0);
    for (const [id, alarm] of allAlarms()) {
      expect(alarm.Properties?.AlarmActions, id).toEqual([{ Ref: topicId() }]);
      expect(alarm.Properties?.OKActions, id).toEqual([{ Ref: topicId() }]);
      expect(alarm.Properties?.TreatMissingData, id).toBe("notBreaching");
      expect(String(alarm.Properties?.AlarmName), id).toMatch(/^prod-naerhed-/);
    }
  });

  test(`the API's 5xx rate: above ${API_5XX_PERCENT} % of its answers over 5 minutes, twice in 15`, () => {
    const [apiId] = resourcesOfType(json(Api), "AWS::ApiGatewayV2::Api")[0]!;
    const found = alarmsOn("AWS/ApiGateway", "5xx");
    expect(found).toHaveLength(1);
    const alarm = found[0]![1];
    expect(watched(alarm).map((m) => m.name).sort()).toEqual(["5xx", "Count"]);
    expect(dimension(alarm, "ApiId")).toEqual(importOf(json(Api), { Ref: apiId }));
    const expression = (alarm.Properties!.Metrics as { Expression?: string; ReturnData?: boolean }[]).find((m) => m.Expression)!;
    expect(expression.Expression).toBe("IF(requests >= 20, 100 * errors / requests, 0)");
    expect(alarm.Properties).toMatchObject({ Threshold: API_5XX_PERCENT, ComparisonOperator: "GreaterThanThreshold", EvaluationPeriods: 3, DatapointsToAlarm: 2 });
  });

  test.each(manifests.map((m) => [m.name] as const))("module %s: Lambda errors and throttles, on its own function", (name) => {
    const api = json(Api);
    const functionId = Object.entries(api.Resources ?? {}).find(([id, r]) => r.Type === "AWS::Lambda::Function" && id.startsWith(`${name}Function`))![0];
    const functionName = importOf(api, { Ref: functionId });
    for (const metric of ["Errors", "Throttles"]) {
      const found = alarmsOn("AWS/Lambda", metric).filter(([, alarm]) => JSON.stringify(dimension(alarm, "FunctionName")) === JSON.stringify(functionName));
      expect(found, metric).toHaveLength(1);
      expect(found[0]![1].Properties).toMatchObject({ Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold", Statistic: "Sum", Period: 300 });
    }
  });

  test.each(tables.map((t) => [t.id] as const))("table %s: DynamoDB throttles and system errors, for every operation the modules use", (id) => {
    const tableId = resourcesOfType(json(Database), "AWS::DynamoDB::Table").find(([, r]) => r.Properties?.TableName === app.app.logicalPrefixedName(id))![0];
    const tableName = importOf(json(Database), { Ref: tableId });
    for (const metric of ["ThrottledRequests", "SystemErrors"]) {
      const found = alarmsOn("AWS/DynamoDB", metric).filter(([, alarm]) => JSON.stringify(dimension(alarm, "TableName")) === JSON.stringify(tableName));
      expect(found, metric).toHaveLength(1);
      const operations = watched(found[0]![1]).flatMap((m) => (m.dimensions ?? []).filter((d) => d.Name === "Operation").map((d) => d.Value));
      expect(operations.sort(), metric).toEqual([...TABLE_OPERATIONS].sort());
    }
  });

  test("the operations watched are every DynamoDB operation a module is granted (its manifest)", () => {
    const granted = new Set(manifests.flatMap((manifest) => manifest.tables.flatMap((grant) => grant.actions.map((action) => action.replace("dynamodb:", "")))));
    expect([...granted].filter((operation) => !(TABLE_OPERATIONS as readonly string[]).includes(operation))).toEqual([]);
  });

  test("SES: bounce rate from 4 % and complaint rate from 0.08 %, before AWS reviews the account (5 %, 0.1 %)", () => {
    const bounce = alarmsOn("AWS/SES", "Reputation.BounceRate");
    const complaint = alarmsOn("AWS/SES", "Reputation.ComplaintRate");
    expect(bounce.map(([, a]) => a.Properties?.Threshold)).toEqual([0.04]);
    expect(complaint.map(([, a]) => a.Properties?.Threshold)).toEqual([0.0008]);
  });

  test("a dead-letter queue handed to alarmWhenNotEmpty (before or after the Alarms stack exists) alarms at its first message", () => {
    for (const [queue, stack] of [
      [early, "EarlyQueues"],
      [late, "LateQueues"],
    ] as const) {
      const producer = app.app.synth().getStackByName(app.app.logicalPrefixedName(stack)).template as TemplateJson;
      const queueId = resourcesOfType(producer, "AWS::SQS::Queue")[0]![0];
      const found = alarmsOn("AWS/SQS", "ApproximateNumberOfMessagesVisible").filter(
        ([, alarm]) => JSON.stringify(dimension(alarm, "QueueName")) === JSON.stringify(importOf(producer, { "Fn::GetAtt": [queueId, "QueueName"] })),
      );
      expect(found, queue.node.path).toHaveLength(1);
      expect(found[0]![1].Properties).toMatchObject({ Threshold: 1, Statistic: "Maximum", ComparisonOperator: "GreaterThanOrEqualToThreshold" });
    }
  });

  test("every event dead-letter queue of the API stack alarms at its first message", () => {
    const api = json(Api);
    const queues = resourcesOfType(api, "AWS::SQS::Queue").filter(([id]) => id.includes("eventdeadletters"));
    expect(queues.length).toBeGreaterThan(0);
    for (const [queueId] of queues) {
      const found = alarmsOn("AWS/SQS", "ApproximateNumberOfMessagesVisible").filter(
        ([, alarm]) => JSON.stringify(dimension(alarm, "QueueName")) === JSON.stringify(importOf(api, { "Fn::GetAtt": [queueId, "QueueName"] })),
      );
      expect(found, queueId).toHaveLength(1);
    }
  });
});
