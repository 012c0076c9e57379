import { load } from "sst/stacks/build.js";
import { App } from "sst/constructs";
import type { SSTConfig } from "sst";
import { initProject, useProject } from "sst/project.js";
import { expect, test } from "vitest";
import { tables } from "../packages/core/src/shared/tables.ts";
import { ACCOUNT } from "./synth.ts";

/**
 * `sst build`/`sst deploy` do not import sst.config.ts the way vitest does: SST bundles it with
 * its own esbuild settings (everything in the root package.json is external) and imports the
 * result with plain Node. This proves that path resolves the stacks and the shared table specs.
 */
test("sst.config.ts loads through SST's own esbuild loader and synthesizes all stacks", async () => {
  const [, config] = (await load("sst.config.ts", false)) as [unknown, SSTConfig];
  expect(await config.config({})).toEqual({ name: "naerhed", region: "eu-north-1" });

  await initProject({ stage: "ci" });
  expect(useProject().config).toMatchObject({ name: "naerhed", region: "eu-north-1", stage: "ci" });
  const app = new App({ mode: "deploy", stage: "ci", name: "naerhed", region: "eu-north-1", account: ACCOUNT });
  const saved = process.env.NAERHED_SITE_URL;
  process.env.NAERHED_SITE_URL = "https://naerhed.example.dk";
  try {
    await config.stacks(app);
  } finally {
    if (saved === undefined) delete process.env.NAERHED_SITE_URL;
    else process.env.NAERHED_SITE_URL = saved;
  }
  await app.finish();

  const stackNames = app.node.children.map((c) => c.node.id).sort();
  expect(stackNames).toEqual(["ci-naerhed-Alarms", "ci-naerhed-Api", "ci-naerhed-Database", "ci-naerhed-Web"]);
  const resources = app.synth().getStackByName("ci-naerhed-Database").template.Resources as Record<
    string,
    { Type: string; Properties: { TableName: string } }
  >;
  const tableNames = Object.values(resources)
    .filter((r) => r.Type === "AWS::DynamoDB::Table")
    .map((r) => r.Properties.TableName);
  expect(tableNames.sort()).toEqual(tables.map((t) => `ci-naerhed-${t.id}`).sort());
});
