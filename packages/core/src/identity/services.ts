import type { AuditLog } from "../shared/audit.ts";
import type { Mailer } from "../shared/mailer.ts";
import type { IdentityStore } from "./store.ts";

/** What identity's use cases need; built once per process from configuration. */
export type IdentityServices = {
  store: IdentityStore;
  mailer: Mailer;
  audit: AuditLog;
  now: () => Date;
};

export { epochSeconds } from "../shared/rate-limit.ts";
