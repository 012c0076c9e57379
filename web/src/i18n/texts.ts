/**
 * Texts of modules whose pages load lazily. A module's own `texts.ts` registers them when its
 * pages load; `t()` looks here after the site-wide dictionaries (da.ts, en.ts).
 */
export const moduleTexts: { da: Record<string, string>; en: Record<string, string> } = { da: {}, en: {} };

export function registerTexts(da: Record<string, string>, en: Record<string, string>): void {
  Object.assign(moduleTexts.da, da);
  Object.assign(moduleTexts.en, en);
}
