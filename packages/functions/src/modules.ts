import { directoryModule } from "./directory/routes.ts";
import type { ApiModule } from "./shared/module.ts";

/** Every module of the platform, as served together on one machine. */
export const modules: readonly ApiModule[] = [directoryModule];
