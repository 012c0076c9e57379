import type { AuditLog } from "../shared/audit.ts";
import type { Mailer } from "../shared/mailer.ts";
import type { IdentityStore } from "./store.ts";

/** What identity's use cases need; built once per process from configuration. */
export type IdentityServices = {
  store: IdentityStore;
  mailer: Mailer;
  audit: AuditLog;
  now: () => Date;
  /** The site's address (configuration): links in mails point here and nowhere else. */
  siteUrl: string;
};

export { epochSeconds } from "../shared/rate-limit.ts";
