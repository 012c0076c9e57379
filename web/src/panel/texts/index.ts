import { da } from "./da.ts";
import { en } from "./en.ts";

/** The citizen panel's texts, Danish and English; a page reads them with `useTexts(panelTexts)`. */
export const panelTexts = { da, en };
export type { PanelKey } from "./da.ts";
