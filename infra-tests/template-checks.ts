/**
 * Small pure helpers that read synthesized CloudFormation templates (plain JSON), so the
 * checks can be unit-tested on hand-made fragments as well as run on the real app.
 */

export type Resource = { Type: string; Properties?: Record<string, unknown>; [key: string]: unknown };
export type TemplateJson = { Resources?: Record<string, Resource>; Outputs?: Record<string, unknown> };

export type PolicyStatement = {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: unknown;
  [key: string]: unknown;
};

export const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * Every IAM statement in the template, wherever it sits: IAM policies, inline role policies,
 * managed policies, bucket policies, trust policies. Found by shape, so no resource type is missed.
 */
export function policyStatements(template: TemplateJson): { resource: string; statement: PolicyStatement }[] {
  const found: { resource: string; statement: PolicyStatement }[] = [];
  const walk = (resource: string, node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(resource, item);
    } else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (Array.isArray(record.Statement)) {
        for (const statement of record.Statement) found.push({ resource, statement: statement as PolicyStatement });
      }
      for (const value of Object.values(record)) walk(resource, value);
    }
  };
  for (const [id, resource] of Object.entries(template.Resources ?? {})) walk(id, resource.Properties);
  return found;
}

/**
 * Statements that grant more than named actions: the action `*`, any DynamoDB action with a
 * wildcard (`dynamodb:*`, `dynamodb:Get*`), or an Allow with `NotAction` (everything but a list).
 */
export function wildcardGrants(template: TemplateJson): { resource: string; action: string }[] {
  const grants: { resource: string; action: string }[] = [];
  for (const { resource, statement } of policyStatements(template)) {
    if (statement.Effect === "Deny") continue;
    for (const action of asList(statement.Action)) {
      if (typeof action !== "string") continue;
      if (action === "*" || (action.toLowerCase().startsWith("dynamodb:") && action.includes("*"))) {
        grants.push({ resource, action });
      }
    }
    for (const action of asList(statement.NotAction)) grants.push({ resource, action: `NotAction ${String(action)}` });
  }
  return grants;
}

/** Logical ids of the resources of one type. */
export function resourcesOfType(template: TemplateJson, type: string): [string, Resource][] {
  return Object.entries(template.Resources ?? {}).filter(([, resource]) => resource.Type === type);
}

/**
 * The export name under which a stack publishes `value` (e.g. `{ "Fn::GetAtt": [id, "Arn"] }`),
 * so a consumer's `Fn::ImportValue` can be traced back to the exact resource.
 */
export function exportNameOf(template: TemplateJson, value: unknown): string | undefined {
  for (const output of Object.values(template.Outputs ?? {}) as { Value?: unknown; Export?: { Name?: string } }[]) {
    if (output.Export?.Name && JSON.stringify(output.Value) === JSON.stringify(value)) return output.Export.Name;
  }
  return undefined;
}

/** What a cross-stack reference to `value` of `producer` looks like inside the consuming template. */
export function importOf(producer: TemplateJson, value: unknown): { "Fn::ImportValue": string } {
  const name = exportNameOf(producer, value);
  if (!name) throw new Error(`No export found for ${JSON.stringify(value)}`);
  return { "Fn::ImportValue": name };
}

/**
 * A statement in a comparable form: `Action` and `Resource` always sorted lists (CloudFormation
 * writes a single one as a plain value), so two statements granting the same are `toEqual`.
 */
export function normalizeStatement(statement: PolicyStatement): PolicyStatement {
  const sorted = (value: unknown) =>
    asList(value as unknown[]).map((item) => JSON.stringify(item)).sort().map((item) => JSON.parse(item) as unknown);
  const { Action, Resource, Sid: _sid, ...rest } = statement;
  const normalized: PolicyStatement = { ...rest, Action: sorted(Action) as string[], Resource: sorted(Resource) };
  // Keys in one order too, so JSON.stringify of equal statements is equal.
  return Object.fromEntries(Object.entries(normalized).sort(([a], [b]) => a.localeCompare(b)));
}

/** The DynamoDB actions of a statement, or of a list of statements. */
export const actionsOf = (statement: PolicyStatement): string[] => asList(statement.Action).map(String);
