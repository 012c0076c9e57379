import { beforeAll, describe, expect, test } from "vitest";
import { resourcesOfType, type TemplateJson } from "./template-checks.ts";
import { Database } from "../stacks/Database.ts";
import { appInvariants } from "./app-invariants.ts";
import { synth, type Synthesized } from "./synth.ts";

let app: Synthesized;
beforeAll(async () => {
  app = await synth("prod");
});

appInvariants(() => app);

describe("prod keeps its data", () => {
  test("every table is retained on removal and replacement, and protected from deletion", () => {
    const tables = resourcesOfType(app.template(Database).toJSON() as TemplateJson, "AWS::DynamoDB::Table");
    expect(tables.length).toBeGreaterThan(0);
    for (const [id, table] of tables) {
      expect(table.DeletionPolicy, id).toBe("Retain");
      expect(table.UpdateReplacePolicy, id).toBe("Retain");
      expect(table.Properties?.DeletionProtectionEnabled, id).toBe(true);
    }
  });
});
