import type { ModuleManifest } from "../packages/core/src/shared/manifest.ts";

/** The SST handler of a module: its lambda.ts, by the folder convention the manifest's name follows. */
export const handlerOf = (manifest: Pick<ModuleManifest, "name">) => `packages/functions/src/${manifest.name}/lambda.handler`;

/** The routes that send every request under the module's prefixes to its one function. */
export function moduleRoutes(manifest: Pick<ModuleManifest, "prefixes">): string[] {
  return manifest.prefixes.flatMap((prefix) => [`ANY /api/${prefix}`, `ANY /api/${prefix}/{proxy+}`]);
}
