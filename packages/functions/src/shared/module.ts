import type { Hono } from "hono";
import type { EventDetail, EventName } from "@naerhed/core/shared/events";
import type { OpenItem } from "@naerhed/core/organisation/centre";
import type { FieldProblem } from "@naerhed/core/shared/errors";
import type { ModuleManifest } from "@naerhed/core/shared/manifest";
import type { AppEnv } from "./http.ts";
import type { Services } from "./services.ts";

/** A person's data held by one module: its part of the export, and erasing it (GDPR). Both must be safe to run twice. */
export type PersonalData = {
  export: (services: Services, personId: string) => Promise<unknown>;
  erase: (services: Services, personId: string) => Promise<void>;
};

export type EventHandler<N extends EventName> = (services: Services, detail: EventDetail<N>) => Promise<void>;

/**
 * A module's code as its Lambda function runs it: the manifest (plain data: prefixes, grants,
 * jobs, events) and what each part of it does. A job must be safe to run twice or beside a
 * request; an event handler must be idempotent (the bus delivers at least once).
 */
export type ApiModule = {
  manifest: ModuleManifest;
  /** The module's routes (full paths below /api). */
  routes: (services: Services) => Hono<AppEnv>;
  /** Each job of the manifest, by name. */
  jobs?: Record<string, (services: Services) => Promise<void>>;
  /** A module that holds personal data answers export and erase requests with these (personal-data.ts). */
  personalData?: PersonalData;
  /** What the module still has running at a centre (published offers, open votes, …): a centre closes only when every module says nothing. */
  openAtCentre?: (services: Services, centre: string) => Promise<OpenItem[]>;
  /** Routes that take a body larger than the API's 64 KB (full path below /api), with the problem to report past it. */
  uploads?: readonly { method: string; path: string; maxBytes: number; tooLarge: FieldProblem }[];
  /** Handlers for the other events of `manifest.handles`. */
  on?: { [N in EventName]?: EventHandler<N> };
};
