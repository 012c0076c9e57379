/** The languages the platform speaks: Danish first, English second. */
export type Language = "da" | "en";

export const languages: readonly Language[] = ["da", "en"];

/** Picks Danish or English from an Accept-Language header; Danish unless English is preferred. */
export function languageFrom(acceptLanguage: string | undefined | null): Language {
  if (!acceptLanguage) return "da";
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.split("-")[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0 && (entry.primary === "da" || entry.primary === "en"))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked[0]?.primary === "en" ? "en" : "da";
}

/** Fills {placeholders} in a text; a placeholder without a value stays as it is. */
export function fillIn(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
