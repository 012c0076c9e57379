import type { Offer } from "@naerhed/core/directory/offer";
import { categories } from "@naerhed/core/directory/categories";
import { centres } from "@naerhed/core/shared/centres";
import type { I18n, Language } from "../i18n/index.tsx";

/** What the list endpoint answers. */
export type OfferPage = { items: Offer[]; next_cursor: string | null };

export function categoryName(id: Offer["category"], lang: Language): string {
  return categories.find((category) => category.id === id)?.name[lang] ?? id;
}

export function centreName(id: Offer["centre_id"], lang: Language): string {
  return centres.find((centre) => centre.id === id)?.name[lang] ?? id;
}

export function ageText(offer: Pick<Offer, "minimum_age" | "maximum_age">, t: I18n["t"]): string {
  const min = offer.minimum_age;
  const max = offer.maximum_age;
  if (min !== undefined && max !== undefined) return t("age.range", { min, max });
  if (min !== undefined) return t("age.from", { min });
  if (max !== undefined) return t("age.to", { max });
  return t("age.all");
}

export function priceText(offer: Pick<Offer, "free" | "fees_description">, t: I18n["t"]): string {
  if (offer.free) return t("price.free");
  return offer.fees_description ?? t("price.paid");
}

/** "2,3 km væk": one decimal, in the language's own way of writing it. */
export function distanceText(km: number, t: I18n["t"], lang: Language): string {
  return t("distance.km", { km: new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 1 }).format(km) });
}

/** A calendar date (YYYY-MM-DD) as people write it, e.g. "3. marts 2026" or "3 March 2026". */
export function formatDate(isoDate: string, lang: Language): string {
  // Noon UTC is the same calendar day in Copenhagen all year.
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(lang === "da" ? "da-DK" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Copenhagen",
  }).format(date);
}

/** "+45 12 34 56 78" → "tel:+4512345678". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/\s+/g, "")}`;
}
