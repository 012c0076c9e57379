import { councilModule } from "./council/routes.ts";
import { directoryModule } from "./directory/routes.ts";
import { identityModule } from "./identity/routes.ts";
import { mentorModule } from "./mentor/routes.ts";
import { panelModule } from "./panel/routes.ts";
import type { ApiModule } from "./shared/module.ts";

/** Every module of the platform, as served together on one machine. Identity first: it is erased last. */
export const modules: readonly ApiModule[] = [identityModule, directoryModule, councilModule, panelModule, mentorModule];
