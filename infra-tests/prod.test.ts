import { beforeAll, describe, expect, test } from "vitest";
import { resourcesOfType, type TemplateJson } from "./template-checks.ts";
import { Database } from "../stacks/Database.ts";
import { appInvariants } from "./app-invariants.ts";
import { synth, type Synthesized } from "./synth.ts";

// Deployed with a real sender and the site's own domain (a trailing slash is dropped).
let app: Synthesized;
beforeAll(async () => {
  app = await synth("prod", {
    NAERHED_MAIL_FROM: "naerhed@kommune.example.dk",
    NAERHED_SITE_URL: "https://naerhed.kommune.example.dk/",
    NAERHED_ALARM_EMAIL: "drift@kommune.example.dk",
  });
});

appInvariants(() => app, { mailFrom: "naerhed@kommune.example.dk", siteUrl: "https://naerhed.kommune.example.dk" });

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
