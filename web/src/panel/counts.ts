import type { ShownCount } from "@naerhed/core/panel/results";
import type { Translate } from "../lib/texts.ts";
import type { PanelKey } from "./texts/index.ts";

/** A count as the API gives it, in words: the API never sends a number under 5, only "<5" ("færre end 5"). */
export const countText = (count: ShownCount, t: Translate<PanelKey>): string => (typeof count === "number" ? String(count) : t("panel.fewerThan5"));
