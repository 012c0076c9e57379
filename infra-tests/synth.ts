import { Aspects, type IAspect } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { App, getStack } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import { stacks } from "../stacks/index.ts";

/** Fake account: synthesis needs one, and nothing is looked up or deployed offline. */
export const ACCOUNT = "123456789012";

/** A stack function such as `Database`, as SST's `getStack` takes it. */
export type StackFn = Parameters<typeof getStack>[0];

export type Synthesized = {
  app: App;
  template: (stack: StackFn) => Template;
};

/** The deploy-time settings the stacks read (stacks/config.ts); the ones not given are unset. */
export type DeployEnv = { NAERHED_MAIL_FROM?: string; NAERHED_SITE_URL?: string; NAERHED_ALARM_EMAIL?: string };
const DEPLOY_ENV_KEYS = ["NAERHED_MAIL_FROM", "NAERHED_SITE_URL", "NAERHED_ALARM_EMAIL"] as const;

/** What a test adds to the app around the real stacks: checks (cdk-nag), or its own constructs before the stacks. */
export type SynthOptions = { aspects?: IAspect[]; before?: (app: App) => void };

/**
 * Synthesizes the real app offline, the way `sst build` would but without AWS: vitest sets
 * NODE_ENV=test, which makes SST skip its bootstrap look-ups. Call once per test file.
 * The stacks see exactly `deployEnv`, whatever the shell running the tests has set.
 */
export async function synth(stage: string, deployEnv: DeployEnv = {}, options: SynthOptions = {}): Promise<Synthesized> {
  // The stage must be given, otherwise SST prompts for a personal stage name and waits.
  await initProject({ stage });
  const { config } = useProject();
  const app = new App({ mode: "deploy", stage, name: config.name, region: config.region, account: ACCOUNT });
  const saved = DEPLOY_ENV_KEYS.map((key) => [key, process.env[key]] as const);
  try {
    for (const key of DEPLOY_ENV_KEYS) {
      if (deployEnv[key] === undefined) delete process.env[key];
      else process.env[key] = deployEnv[key];
    }
    options.before?.(app);
    stacks(app);
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  for (const aspect of options.aspects ?? []) Aspects.of(app).add(aspect);
  // Runs the deferred work: esbuild bundles every function and the site is packaged.
  await app.finish();
  const templates = new Map<StackFn, Template>();
  return {
    app,
    template: (stack) => {
      let template = templates.get(stack);
      if (!template) templates.set(stack, (template = Template.fromStack(getStack(stack))));
      return template;
    },
  };
}
