import { describe, expect, test } from "vitest";
import { siteBuildCommand } from "../stacks/Web.ts";
import { exportNameOf, normalizeStatement, policyStatements, wildcardGrants, type TemplateJson } from "./template-checks.ts";

/** Hand-made fragments: proof that the checks used on the real templates do fail when they should. */
const policy = (statements: unknown[]) => ({
  Type: "AWS::IAM::Policy",
  Properties: { PolicyDocument: { Version: "2012-10-17", Statement: statements }, Roles: [{ Ref: "Role" }] },
});

describe("wildcardGrants", () => {
  test("flags dynamodb:* (what `bind` would grant)", () => {
    const template: TemplateJson = {
      Resources: {
        Good: policy([{ Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:Query"], Resource: "arn:table" }]),
        Bad: policy([{ Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:*"], Resource: "arn:table" }]),
      },
    };
    expect(wildcardGrants(template)).toEqual([{ resource: "Bad", action: "dynamodb:*" }]);
  });

  test("flags `*`, partial DynamoDB wildcards, NotAction, and inline role policies", () => {
    const template: TemplateJson = {
      Resources: {
        Star: policy([{ Effect: "Allow", Action: "*", Resource: "*" }]),
        Partial: policy([{ Effect: "Allow", Action: "DynamoDB:Batch*", Resource: "arn:table" }]),
        Not: policy([{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }]),
        Role: {
          Type: "AWS::IAM::Role",
          Properties: {
            Policies: [{ PolicyName: "inline", PolicyDocument: { Statement: [{ Effect: "Allow", Action: "dynamodb:*", Resource: "*" }] } }],
          },
        },
      },
    };
    expect(wildcardGrants(template)).toEqual([
      { resource: "Star", action: "*" },
      { resource: "Partial", action: "DynamoDB:Batch*" },
      { resource: "Not", action: "NotAction iam:*" },
      { resource: "Role", action: "dynamodb:*" },
    ]);
  });

  test("passes named actions, resource wildcards and denies", () => {
    const template: TemplateJson = {
      Resources: {
        Xray: policy([{ Effect: "Allow", Action: ["xray:PutTraceSegments"], Resource: "*" }]),
        Deny: policy([{ Effect: "Deny", Action: "dynamodb:*", Resource: "*" }]),
      },
    };
    expect(wildcardGrants(template)).toEqual([]);
    expect(policyStatements(template)).toHaveLength(2);
  });
});

test("exportNameOf traces a value to the export that publishes it", () => {
  const template: TemplateJson = {
    Outputs: {
      A: { Value: { "Fn::GetAtt": ["TableA", "Arn"] }, Export: { Name: "stack:A" } },
      B: { Value: { "Fn::GetAtt": ["TableB", "Arn"] }, Export: { Name: "stack:B" } },
    },
  };
  expect(exportNameOf(template, { "Fn::GetAtt": ["TableB", "Arn"] })).toBe("stack:B");
  expect(exportNameOf(template, { "Fn::GetAtt": ["TableC", "Arn"] })).toBeUndefined();
});

test("normalizeStatement makes equal grants equal, whatever their order or list form, and keeps the rest", () => {
  const key = (statement: Parameters<typeof normalizeStatement>[0]) => JSON.stringify(normalizeStatement(statement));
  expect(key({ Effect: "Allow", Action: "dynamodb:PutItem", Resource: { Ref: "T" } })).toBe(
    key({ Resource: [{ Ref: "T" }], Action: ["dynamodb:PutItem"], Effect: "Allow" }),
  );
  expect(key({ Effect: "Allow", Action: ["b", "a"], Resource: ["y", "x"] })).toBe(key({ Effect: "Allow", Action: ["a", "b"], Resource: ["x", "y"] }));
  const condition = { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": ["SESSION#*"] } };
  expect(key({ Effect: "Allow", Action: "a", Resource: "x", Condition: condition })).not.toBe(key({ Effect: "Allow", Action: "a", Resource: "x" }));
  expect(key({ Effect: "Allow", Action: "a", Resource: "x" })).not.toBe(key({ Effect: "Allow", Action: ["a", "b"], Resource: "x" }));
});

test("the site is built with `npm run build` on deploy, and only infra tests skip it", () => {
  expect(siteBuildCommand({})).toBe("npm run build");
  expect(siteBuildCommand({ NAERHED_SKIP_SITE_BUILD: "1" })).toBeUndefined();
});
