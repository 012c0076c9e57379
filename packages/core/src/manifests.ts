import { councilManifest } from "./council/manifest.ts";
import { directoryManifest } from "./directory/manifest.ts";
import { identityManifest } from "./identity/manifest.ts";
import { mentorManifest } from "./mentor/manifest.ts";
import { organisationManifest } from "./organisation/manifest.ts";
import { panelManifest } from "./panel/manifest.ts";
import type { ModuleManifest } from "./shared/manifest.ts";

/** Every module of the platform. A new module adds its manifest here (docs/modules.md lists the other places). */
export const manifests: readonly ModuleManifest[] = [
  identityManifest,
  organisationManifest,
  directoryManifest,
  councilManifest,
  panelManifest,
  mentorManifest,
];

export function manifestOf(name: string): ModuleManifest {
  const found = manifests.find((manifest) => manifest.name === name);
  if (!found) throw new Error(`No module "${name}"`);
  return found;
}
