import type { AuditLog } from "../shared/audit.ts";
import type { CentreDirectory } from "../shared/centres.ts";
import type { Publisher } from "../shared/events.ts";
import type { FileStore } from "../shared/files.ts";
import type { OrganisationStore } from "./store.ts";

/** What the organisation module's use cases need. */
export type OrganisationServices = {
  store: OrganisationStore;
  /** The same reader every module has; forgotten after each change here, so this module never reads its own old data. */
  centres: CentreDirectory;
  audit: AuditLog;
  files: FileStore;
  publish: Publisher;
  now: () => Date;
  /** The modules asked before a centre closes (those whose manifest handles `centre.close-requested`). */
  closeCheckModules: readonly string[];
};
