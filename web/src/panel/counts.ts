import type { ShownCount } from "@naerhed/core/panel/results";
import type { I18n } from "../i18n/index.tsx";

/** A count as the API gives it, in words: the API never sends a number under 5, only "<5" ("færre end 5"). */
export const countText = (count: ShownCount, t: I18n["t"]): string => (typeof count === "number" ? String(count) : t("panel.fewerThan5"));
