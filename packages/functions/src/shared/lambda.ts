import type { Context } from "aws-lambda";
import { handle } from "hono/aws-lambda";
import * as v from "valibot";
import { configFromEnv } from "@naerhed/core/shared/config";
import { eventDetails, isBusEvent, type BusEvent, type EventName } from "@naerhed/core/shared/events";
import { grantedTables } from "@naerhed/core/shared/manifest";
import { createApi } from "../app.ts";
import { logger } from "./log.ts";
import type { ApiModule, EventHandler } from "./module.ts";
import { createServices, type Runtime, type Services } from "./services.ts";

type HandleOptions = Parameters<typeof handle>[1];

/** What a schedule's EventBridge rule sends (stacks/Api.ts sets this input on each job's rule). */
type JobEvent = { job: string };

const isJobEvent = (event: unknown): event is JobEvent =>
  typeof event === "object" && event !== null && typeof (event as { job?: unknown }).job === "string";

/** A module that holds personal data answers the export and erase requests the same way: its part, then a reply. */
function personalDataHandlers(module: ApiModule): ApiModule["on"] {
  const data = module.personalData;
  if (!data || module.manifest.name === "identity") return {};
  const name = module.manifest.name;
  return {
    "personal-data.export-requested": async (services, { request_id, person_id }) =>
      services.publish("personal-data.export-part", { request_id, person_id, module: name, part: await data.export(services, person_id) }),
    "personal-data.erase-requested": async (services, { person_id }) => {
      await data.erase(services, person_id);
      await services.publish("personal-data.erased", { person_id, module: name });
    },
  };
}

/** A module that keeps things at centres answers the organisation's question before a centre closes. */
function closeCheckHandlers(module: ApiModule): ApiModule["on"] {
  const openAtCentre = module.openAtCentre;
  if (!openAtCentre) return {};
  return {
    "centre.close-requested": async (services, { request_id, centre_id }) =>
      services.publish("centre.open-items", { request_id, centre_id, module: module.manifest.name, items: await openAtCentre(services, centre_id) }),
  };
}

async function runEvent(module: ApiModule, services: Services, event: BusEvent): Promise<void> {
  const name = event["detail-type"] as EventName;
  const handler = { ...personalDataHandlers(module), ...closeCheckHandlers(module), ...module.on }[name] as EventHandler<typeof name> | undefined;
  if (!module.manifest.handles.includes(name) || !handler) throw new Error(`Module "${module.manifest.name}" does not handle "${name}"`);
  // An event is input like any other: its detail is checked before the handler sees it.
  await handler(services, v.parse(eventDetails[name], event.detail) as never);
}

/**
 * A module's Lambda entry, built from its environment only (its own table names and settings).
 * An HTTP API event goes to the module's Hono app; `{ job }` from a schedule runs that job; an
 * EventBridge event goes to the module's handler for it. A thrown error makes EventBridge retry
 * and, at last, keep the event in the module's dead-letter queue. The local runner builds the
 * same entry with the module's environment and its stand-ins for SES and EventBridge.
 */
export function moduleHandler(module: ApiModule, runtime: Runtime & { env?: NodeJS.ProcessEnv } = {}, options?: HandleOptions) {
  const config = configFromEnv(grantedTables(module.manifest), runtime.env ?? process.env);
  const services = createServices(config, runtime, module.manifest);
  const http = handle(createApi([module], config, services), options);
  return async (event: unknown, context: Context) => {
    // Lambda's context on every line of this invocation: function name, memory, cold start, request id.
    logger.addContext(context);
    if (isJobEvent(event)) {
      const job = module.manifest.jobs.find((candidate) => candidate.name === event.job);
      const run = job && module.jobs?.[job.name];
      if (!run) throw new Error(`Module "${module.manifest.name}" has no job "${event.job}"`);
      await run(services);
      return { job: event.job, done: true };
    }
    if (isBusEvent(event)) {
      await runEvent(module, services, event);
      return { event: event["detail-type"], done: true };
    }
    return http(event as Parameters<typeof http>[0], context);
  };
}

export type ModuleHandler = ReturnType<typeof moduleHandler>;

/**
 * What each module's lambda.ts exports: `handler` for AWS (built once per cold start from the
 * function's environment) and `createHandler` for the local runner, which builds the same entry
 * with the module's own environment and its stand-ins. `handler` is built at its first event, not
 * at import: the local runner imports every lambda.ts in a process without SITE_URL or
 * ORIGIN_VERIFY_SECRET, and a function without them still answers nothing (configFromEnv throws).
 */
export function lambdaEntry(module: ApiModule, options?: HandleOptions) {
  let built: ModuleHandler | undefined;
  return {
    handler: (event: unknown, context: Context) => (built ??= moduleHandler(module, {}, options))(event, context),
    createHandler: (runtime: Runtime & { env: NodeJS.ProcessEnv }) => moduleHandler(module, runtime, options),
  };
}
