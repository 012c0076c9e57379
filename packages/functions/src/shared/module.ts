import type { Hono } from "hono";
import type { TableSpec } from "@naerhed/core/shared/tables";
import type { AppEnv } from "./http.ts";
import type { Services } from "./services.ts";

/** A person's data held by one module: exported on request and erased when they leave (GDPR). */
export type PersonalData = {
  export: (services: Services, personId: string) => Promise<unknown>;
  erase: (services: Services, personId: string) => Promise<void>;
};

/**
 * Work a module does on a timer, whoever visits (e.g. closing votes at their closing time).
 * On AWS an EventBridge rule invokes the module's function with `{ "job": name }`
 * (stacks/modules.ts lists the same jobs); locally the server runs it every `everyMinutes`.
 * A job must be safe to run twice or at the same time as a request.
 */
export type ScheduledJob = {
  name: string;
  everyMinutes: number;
  run: (services: Services) => Promise<void>;
};

/**
 * What a module gives the API: its name, the path prefixes it answers under /api (one
 * catch-all route each on AWS), its tables, its routes (full paths below /api) and its
 * part of a person's data.
 */
export type ApiModule = {
  name: string;
  prefixes: readonly string[];
  tables: readonly TableSpec[];
  /** `modules` are all the modules served together with this one (identity gathers personal data from them). */
  routes: (services: Services, modules: readonly ApiModule[]) => Hono<AppEnv>;
  personalData?: PersonalData;
  jobs?: readonly ScheduledJob[];
};
