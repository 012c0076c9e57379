import { beforeAll, describe, expect, test } from "vitest";
import { resourcesOfType, type TemplateJson } from "./template-checks.ts";
import { Api } from "../stacks/Api.ts";
import { Database } from "../stacks/Database.ts";
import { Web } from "../stacks/Web.ts";
import { appInvariants } from "./app-invariants.ts";
import { synth, type Synthesized } from "./synth.ts";

// A second file, because SST keeps one app's state per process: each file synthesizes one stage.
// Deployed without NAERHED_MAIL_FROM (the placeholder sender), on the stage's CloudFront domain.
const SITE_URL = "https://d111111abcdef8.cloudfront.net";
let app: Synthesized;
beforeAll(async () => {
  app = await synth("dev", { NAERHED_SITE_URL: SITE_URL });
});

appInvariants(() => app, { mailFrom: "noreply@example.dk", siteUrl: SITE_URL });

describe("non-prod stages are disposable", () => {
  test("tables are deleted with the stage and not deletion-protected", () => {
    const tables = resourcesOfType(app.template(Database).toJSON() as TemplateJson, "AWS::DynamoDB::Table");
    expect(tables.length).toBeGreaterThan(0);
    for (const [id, table] of tables) {
      expect(table.DeletionPolicy, id).toBe("Delete");
      expect(table.UpdateReplacePolicy, id).toBe("Delete");
      expect(table.Properties?.DeletionProtectionEnabled, id).not.toBe(true);
    }
  });

  test("nothing is retained when the stage is removed", () => {
    for (const stack of [Database, Api, Web]) {
      const resources = Object.entries((app.template(stack).toJSON() as TemplateJson).Resources ?? {});
      const retained = resources.filter(([, r]) => r.DeletionPolicy === "Retain" || r.UpdateReplacePolicy === "Retain");
      expect(retained.map(([id]) => id)).toEqual([]);
    }
  });
});
