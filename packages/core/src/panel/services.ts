import type { AuditLog } from "../shared/audit.ts";
import type { Mailer } from "../shared/mailer.ts";
import type { Jobs } from "../shared/resumable-jobs.ts";
import type { PanelStore } from "./store.ts";

/** What the panel's use cases need; built once per process. */
export type PanelServices = {
  store: PanelStore;
  audit: AuditLog;
  mailer: Mailer;
  now: () => Date;
  /** Where links in mails point (the site). */
  siteUrl: string;
  /** Invitations and reminders, sent in parts (sending.ts). */
  jobs: Jobs;
};
