import type { Context } from "aws-lambda";
import { handle } from "hono/aws-lambda";
import { configFromEnv } from "@naerhed/core/shared/config";
import { tables } from "@naerhed/core/shared/tables";
import { createApi } from "../app.ts";
import type { ApiModule } from "./module.ts";
import { logger } from "./log.ts";
import { createServices } from "./services.ts";

type HandleOptions = Parameters<typeof handle>[1];

/** What an EventBridge rule sends (stacks/Api.ts sets this input on each job's rule). */
type JobEvent = { job: string };

const isJobEvent = (event: unknown): event is JobEvent =>
  typeof event === "object" && event !== null && typeof (event as { job?: unknown }).job === "string";

/**
 * A module's Lambda entry: HTTP API events go to the module's Hono app; a scheduled event
 * runs the named job. Only EventBridge can send the job shape: API Gateway always wraps a
 * request in its own event.
 */
export function moduleHandler(module: ApiModule, options?: HandleOptions) {
  const config = configFromEnv(tables);
  const services = createServices(config);
  const http = handle(createApi([module], config, services), options);
  return async (event: unknown, context: Context) => {
    // Lambda's context on every line of this invocation: function name, memory, cold start, request id.
    logger.addContext(context);
    if (!isJobEvent(event)) return http(event as Parameters<typeof http>[0], context);
    const job = module.jobs?.find((candidate) => candidate.name === event.job);
    if (!job) throw new Error(`Module "${module.name}" has no job "${event.job}"`);
    await job.run(services);
    return { job: job.name, done: true };
  };
}
