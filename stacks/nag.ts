import type { IAspect } from "aws-cdk-lib";
import { CfnRoute, CfnStage } from "aws-cdk-lib/aws-apigatewayv2";
import { Distribution } from "aws-cdk-lib/aws-cloudfront";
import { CfnRule } from "aws-cdk-lib/aws-events";
import { Bucket } from "aws-cdk-lib/aws-s3";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { CfnSubscription } from "aws-cdk-lib/aws-sns";
import { Queue } from "aws-cdk-lib/aws-sqs";
import { NagSuppressions, type NagPackSuppression } from "cdk-nag";
import { Function as SstFunction } from "sst/constructs";
import type { IConstruct } from "constructs";

/**
 * The cdk-nag findings (AwsSolutions and ServerlessChecks packs) we accept, each with its reason.
 * The infra tests run both packs over the synthesized app and allow no other finding
 * (infra-tests/operations.test.ts). Added as an aspect, so it also reaches what SST and CDK add while
 * synthesizing (helper functions, their roles).
 */

/** The Node runtime every module function runs: the major the tests run on. */
const RUNTIME =
  "Lambda runs nodejs22.x, the Node major the test suite runs on; moving to a newer runtime is a change of its own, tested on that Node first.";

/** Helpers SST and CDK add by themselves: their code, runtime and permissions are theirs, not ours. */
const helper = (what: string): NagPackSuppression[] =>
  [
    "AwsSolutions-L1",
    "Serverless-LambdaLatestVersion",
    "Serverless-LambdaDLQ",
    "Serverless-LambdaTracing",
    "AwsSolutions-IAM4",
    "AwsSolutions-IAM5",
  ].map((id) => ({ id, reason: `${what}, added by SST/CDK during deployment only; it handles no requests and no personal data.` }));

const BASIC_EXECUTION = "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

const moduleFunction: NagPackSuppression[] = [
  { id: "AwsSolutions-L1", reason: RUNTIME },
  { id: "Serverless-LambdaLatestVersion", reason: RUNTIME },
  {
    id: "Serverless-LambdaDLQ",
    reason: "API Gateway calls it synchronously; its scheduled jobs are idempotent, run again on their next rate, and a failure raises the function's error alarm (stacks/Alarms.ts).",
  },
  { id: "AwsSolutions-IAM4", reason: "The AWS-managed basic execution role only lets the function write its own logs.", appliesTo: [BASIC_EXECUTION] },
  {
    id: "AwsSolutions-IAM5",
    reason:
      "X-Ray (turned on by SST) takes no resource, the table rights cover that table's own indexes (index/*), and a bucket right covers the objects under its manifest's key prefix (logos/*); the actions are named one by one.",
    appliesTo: ["Resource::*", { regex: "/^Resource::<\\w+\\.Arn>\\/index\\/\\*$/g" }, { regex: "/^Resource::<files-?bucket\\w*\\.Arn>\\/logos\\/\\*$/g" }],
  },
];

const distribution: NagPackSuppression[] = [
  { id: "AwsSolutions-CFR1", reason: "Citizens, relatives and providers may use the site from abroad; nothing on it is licensed by country." },
  {
    id: "AwsSolutions-CFR2",
    reason: "No WAF: the API throttles per stage and the app rate-limits sign-in and suggestions per address; a WAF is a cost the municipality may add.",
  },
  {
    id: "AwsSolutions-CFR3",
    reason: "API requests are in the HTTP API's access log (kept one month); CloudFront logs would also keep every visitor's address for plain site files.",
  },
  {
    id: "AwsSolutions-CFR4",
    reason: "The default cloudfront.net certificate fixes the TLS policy; it can only be raised with the municipality's own domain and certificate.",
  },
  { id: "AwsSolutions-CFR7", reason: "SST v2's StaticSite gives the bucket an origin access identity; the bucket answers only CloudFront either way." },
];

/** Suppressions by what a construct is; `null` for constructs that need none. */
function suppressionsFor(node: IConstruct): { suppressions: NagPackSuppression[]; children: boolean } | null {
  const id = node.node.id;
  if (id === "CustomResourceHandler" || id.startsWith("LogRetention")) return { suppressions: helper(`The ${id} function`), children: true };
  if (id === "S3UploaderPolicy") {
    return { suppressions: [{ id: "AwsSolutions-IAM5", reason: "SST's site upload may write any file of the site bucket (bucket/*), from CDK's asset bucket." }], children: false };
  }
  if (node instanceof SstFunction) return { suppressions: moduleFunction, children: true };
  if (node instanceof CfnRoute) {
    return {
      suppressions: [
        {
          id: "AwsSolutions-APIG4",
          reason: "The app checks the session cookie itself on every route (functions/shared/auth.ts); public routes (directory, open data) need none.",
        },
      ],
      children: false,
    };
  }
  if (node instanceof CfnStage) {
    return {
      suppressions: [{ id: "Serverless-APIGWStructuredLogging", reason: "SST writes the access log as JSON with bare numbers ($context.status), which the rule cannot parse." }],
      children: false,
    };
  }
  if (node instanceof Distribution) return { suppressions: distribution, children: true };
  if (node instanceof Bucket && node.node.scope?.node.id === "Site") {
    return { suppressions: [{ id: "AwsSolutions-S1", reason: "The bucket holds only the built public site, and only CloudFront reads it." }], children: false };
  }
  if (node instanceof Bucket && node.node.id.endsWith("-bucket")) {
    return {
      suppressions: [{ id: "AwsSolutions-S1", reason: "Only the module's function reads the bucket (uploaded logos); its access log records every request for a file." }],
      children: false,
    };
  }
  if (node instanceof CfnRule && node.scheduleExpression) {
    return {
      suppressions: [{ id: "Serverless-EventBusDLQ", reason: "A scheduled job that fails is not lost: it runs again at its next rate, and the function's error alarm tells the team." }],
      children: false,
    };
  }
  if (node instanceof Queue && node.node.id.endsWith("-event-dead-letters")) {
    const reason = "It is itself the dead-letter queue of a module's event rule (stacks/Api.ts); a message there raises an alarm (stacks/Alarms.ts).";
    return { suppressions: [{ id: "AwsSolutions-SQS3", reason }, { id: "Serverless-SQSRedrivePolicy", reason }], children: true };
  }
  if (node instanceof Secret && node.node.id === "OriginVerifySecret") {
    return {
      suppressions: [
        {
          id: "AwsSolutions-SMG4",
          reason:
            "No automatic rotation: CloudFront's origin header and every module function read it at deploy time, so a rotation must redeploy both together; rotate by replacing the secret and deploying.",
        },
      ],
      children: false,
    };
  }
  if (node instanceof CfnSubscription && node.protocol === "email") {
    return {
      suppressions: [{ id: "Serverless-SNSRedrivePolicy", reason: "An alarm mail SNS cannot deliver would wait in a queue nobody reads; the team sees alarms in CloudWatch too." }],
      children: false,
    };
  }
  return null;
}

export class AcceptedNagFindings implements IAspect {
  visit(node: IConstruct): void {
    const found = suppressionsFor(node);
    // On a function, the suppressions reach its role and policy below it.
    if (found) NagSuppressions.addResourceSuppressions(node, found.suppressions, found.children);
  }
}
