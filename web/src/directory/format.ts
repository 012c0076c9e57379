import type { Offer } from "@naerhed/core/directory/offer";
import { categories } from "@naerhed/core/directory/lists";
import type { Language } from "../lib/language.tsx";
import type { Translate } from "../lib/texts.ts";
import type { DirectoryKey } from "./texts/index.ts";

export function categoryName(id: Offer["category"], lang: Language): string {
  return categories.find((category) => category.id === id)?.name[lang] ?? id;
}

export function ageText(offer: Pick<Offer, "minimum_age" | "maximum_age">, t: Translate<DirectoryKey>): string {
  const min = offer.minimum_age;
  const max = offer.maximum_age;
  if (min !== undefined && max !== undefined) return t("directory.age.range", { min, max });
  if (min !== undefined) return t("directory.age.from", { min });
  if (max !== undefined) return t("directory.age.to", { max });
  return t("directory.age.all");
}

export function priceText(offer: Pick<Offer, "free" | "fees_description">, t: Translate<DirectoryKey>): string {
  if (offer.free) return t("directory.price.free");
  return offer.fees_description ?? t("directory.price.paid");
}

/** "2,3 km væk": one decimal, in the language's own way of writing it. */
export function distanceText(km: number, t: Translate<DirectoryKey>, lang: Language): string {
  return t("directory.distance.km", { km: new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 1 }).format(km) });
}

/** "+45 12 34 56 78" → "tel:+4512345678". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/\s+/g, "")}`;
}
