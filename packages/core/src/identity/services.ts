import type { AuditLog } from "../shared/audit.ts";
import type { Mailer } from "../shared/mailer.ts";
import type { SmsSender } from "../shared/sms.ts";
import type { IdentityStore } from "./store.ts";

/** What identity's use cases need; built once per process from configuration. */
export type IdentityServices = {
  store: IdentityStore;
  mailer: Mailer;
  /** Text messages (SNS on AWS, the outbox locally); only identity sends them (sign-in codes, notices). */
  sms: SmsSender;
  audit: AuditLog;
  now: () => Date;
  /** The site's address (configuration): links in mails point here and nowhere else. */
  siteUrl: string;
};

export { epochSeconds } from "../shared/rate-limit.ts";
