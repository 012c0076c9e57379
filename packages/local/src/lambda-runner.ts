import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { createOutboxMailer, createOutboxSms } from "@naerhed/core/identity/outbox";
import { createIdentityStore } from "@naerhed/core/identity/store";
import { manifests } from "@naerhed/core/manifests";
import type { Config } from "@naerhed/core/shared/config";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import type { BusEvent, Publisher } from "@naerhed/core/shared/events";
import type { Mailer } from "@naerhed/core/shared/mailer";
import type { SmsSender } from "@naerhed/core/shared/sms";
import { grantedTables, type ModuleManifest } from "@naerhed/core/shared/manifest";
import { identityTable } from "@naerhed/core/shared/tables";
import type { ModuleHandler } from "@naerhed/functions/shared/lambda";
import type { Runtime, Services } from "@naerhed/functions/shared/services";
import { functionDefaults } from "../../../stacks/function-defaults.ts";
import { createEventBus, type EventBusOptions } from "./event-bus.ts";
import { createFolderFileStore } from "./file-folder.ts";

/**
 * Every module as its own Lambda function, on one machine (docs/modules.md). Each module's
 * handler is built from its lambda.ts with that module's environment only (the table names its
 * manifest grants, its settings), a DynamoDB client that refuses what its grants do not allow,
 * the outbox standing in for SES and the in-process bus for EventBridge. Requests reach it as API
 * Gateway HTTP API events (gateway.ts), jobs as schedule events, events as EventBridge events.
 * Each invocation has the function's timeout, as on AWS.
 */

/** A module function's timeout (stacks/function-defaults.ts): an invocation still running then fails, as on AWS. */
export const LAMBDA_TIMEOUT_MS = functionDefaults.timeout * 1000;

/**
 * On AWS a function that times out is stopped. In one process its promises would go on, so
 * everything it still does outside itself (DynamoDB, mail, events) after its timeout is refused:
 * it can change nothing a retry or the next invocation then sees.
 */
type Invocation = { module: string; timedOut: boolean };
const invocations = new AsyncLocalStorage<Invocation>();

function refuseAfterTimeout(what: string): void {
  const invocation = invocations.getStore();
  if (invocation?.timedOut) throw new Error(`${what} refused: the ${invocation.module} function had timed out (on AWS it would have been stopped)`);
}

const stoppedWithItsInvocation = {
  client(db: DynamoDBDocumentClient): void {
    const send = db.send.bind(db) as (...args: unknown[]) => Promise<unknown>;
    (db as { send: unknown }).send = async (...args: unknown[]) => {
      refuseAfterTimeout("DynamoDB call");
      return send(...args);
    };
  },
  mailer: (mailer: Mailer): Mailer => ({
    send: async (mail) => {
      refuseAfterTimeout("Mail");
      await mailer.send(mail);
    },
  }),
  sms: (sms: SmsSender): SmsSender => ({
    send: async (message) => {
      refuseAfterTimeout("SMS");
      await sms.send(message);
    },
  }),
  publisher: (publish: Publisher): Publisher => async (name, detail) => {
    refuseAfterTimeout("Event");
    await publish(name, detail);
  },
};

export type LocalModulesOptions = {
  config: Config;
  now?: () => Date;
  /** Deploy-time settings by name, as `sst deploy` would take them from its environment. */
  settings?: NodeJS.ProcessEnv;
  bus?: EventBusOptions;
  /** The folder that stands in for the stage's S3 bucket (a temporary one when not given). */
  filesDir?: string;
  /** Tests: each module's services once built (its guarded client, to watch its writes). */
  onServices?: (module: string, services: Services) => void;
  /** Tests: a mail service in front of the outbox (one that fails or hangs, as SES might). */
  mailer?: (outbox: Mailer) => Mailer;
  /** Tests: an SMS service in front of the outbox (one that refuses a number, as SNS might). */
  sms?: (outbox: SmsSender) => SmsSender;
  /** Benchmarks: told of each invocation when it ends, how long it ran and whether it failed (as Lambda's Duration metric). */
  onInvoked?: (invocation: { module: string; event: unknown; ms: number; failed: boolean }) => void;
};

/** Tuning the local run and benchmarks may set; passed to the module that reads it, as a deploy setting would be. */
const LOCAL_TUNING: Record<string, string[]> = { directory: ["DIRECTORY_SEARCH_MAX_AGE_SECONDS", "DIRECTORY_SEARCH_RESULT_CACHE_SIZE"] };

/**
 * A module's environment, as the stack gives its function (stacks/Api.ts), pointed at DynamoDB
 * Local. The origin secret is the run's own (localConfig makes a new one each run): the gateway
 * sends it as CloudFront does.
 */
export function moduleEnvironment(manifest: ModuleManifest, config: Config, settings: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    AWS_REGION: config.region,
    SITE_URL: config.siteUrl,
    ORIGIN_VERIFY_SECRET: config.originVerifySecret,
    ...(config.dynamoEndpoint ? { DYNAMODB_ENDPOINT: config.dynamoEndpoint } : {}),
  };
  for (const spec of grantedTables(manifest)) env[spec.envVar] = config.tableNames[spec.id];
  for (const name of [...manifest.settings, ...(LOCAL_TUNING[manifest.name] ?? [])]) {
    const value = settings[name] ?? process.env[name];
    if (value) env[name] = value;
  }
  return env;
}

/** What the Lambda runtime hands a handler. */
function lambdaContext(module: string, deadline: number): Context {
  return {
    awsRequestId: randomUUID(),
    functionName: `local-${module}`,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:local-${module}`,
    memoryLimitInMB: "512",
    logGroupName: `/aws/lambda/local-${module}`,
    logStreamName: "local",
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export async function startLocalModules(options: LocalModulesOptions) {
  const { config } = options;
  const now = options.now ?? (() => new Date());
  // The local SES: every mail lands in the outbox (identity's table, written by this client, not by a module's).
  const outbox = createOutboxMailer(createIdentityStore(createDocumentClient(config), config.tableNames[identityTable.id]!), now);
  const mailer = stoppedWithItsInvocation.mailer(options.mailer?.(outbox) ?? outbox);
  const smsOutbox = createOutboxSms(createIdentityStore(createDocumentClient(config), config.tableNames[identityTable.id]!), now);
  const sms = stoppedWithItsInvocation.sms(options.sms?.(smsOutbox) ?? smsOutbox);
  const handlers = new Map<string, ModuleHandler>();
  /** One invocation, as Lambda runs it: it fails with Lambda's own message at the timeout. */
  const invoke = async (module: string, event: unknown) => {
    const handler = handlers.get(module);
    if (!handler) throw new Error(`No module "${module}"`);
    const invocation: Invocation = { module, timedOut: false };
    const deadline = Date.now() + LAMBDA_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        invocation.timedOut = true;
        reject(new Error(`Task timed out after ${(LAMBDA_TIMEOUT_MS / 1000).toFixed(2)} seconds`));
      }, LAMBDA_TIMEOUT_MS);
    });
    const started = performance.now();
    let failed = true;
    try {
      const result = await Promise.race([invocations.run(invocation, () => handler(event, lambdaContext(module, deadline))), timeout]);
      failed = false;
      return result;
    } finally {
      clearTimeout(timer);
      options.onInvoked?.({ module, event, ms: performance.now() - started, failed });
    }
  };
  const bus = createEventBus(manifests, (module, event: BusEvent) => invoke(module, event), options.bus);
  const filesDir = options.filesDir ?? (await mkdtemp(join(tmpdir(), "naerhed-files-")));

  for (const manifest of manifests) {
    const { createHandler } = (await import(`@naerhed/functions/${manifest.name}/lambda`)) as {
      createHandler: (runtime: Runtime & { env: NodeJS.ProcessEnv; onServices?: (services: Services) => void }) => ModuleHandler;
    };
    const env = moduleEnvironment(manifest, config, options.settings);
    handlers.set(
      manifest.name,
      createHandler({
        env,
        now,
        mailer,
        sms,
        publish: stoppedWithItsInvocation.publisher(bus.publisherFor(manifest)),
        files: createFolderFileStore(filesDir, manifest.buckets ?? []),
        onServices: (services) => {
          stoppedWithItsInvocation.client(services.db);
          options.onServices?.(manifest.name, services);
        },
      }),
    );
  }

  return {
    originVerifySecret: config.originVerifySecret,
    bus,
    /** An HTTP API event, to the module whose prefix the gateway matched. */
    invokeHttp: (module: string, event: APIGatewayProxyEventV2) => invoke(module, event) as Promise<APIGatewayProxyResultV2>,
    /** A schedule's event, as its EventBridge rule sends it. */
    runJob: (module: string, job: string) => invoke(module, { job }),
  };
}

export type LocalModules = Awaited<ReturnType<typeof startLocalModules>>;
