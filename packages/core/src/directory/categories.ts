import * as v from "valibot";

/**
 * Kinds of offer in two levels: a few broad groups a citizen can take in at a glance, and the
 * categories inside them. Offers carry a category; the group follows from it.
 */
export const categoryGroups = [
  { id: "activities", name: { da: "Aktiviteter", en: "Activities" } },
  { id: "community", name: { da: "Fællesskab", en: "Community" } },
  { id: "support", name: { da: "Støtte og råd", en: "Support and advice" } },
] as const;

export const categories = [
  { id: "sport", group: "activities", name: { da: "Sport og bevægelse", en: "Sport and exercise" } },
  { id: "creative", group: "activities", name: { da: "Kreativt værksted", en: "Creative workshop" } },
  { id: "meeting_place", group: "community", name: { da: "Café og mødested", en: "Café and meeting place" } },
  { id: "self_help", group: "support", name: { da: "Samtalegruppe", en: "Support group" } },
  { id: "volunteering", group: "community", name: { da: "Frivilligt arbejde", en: "Volunteering" } },
  { id: "counselling", group: "support", name: { da: "Rådgivning", en: "Advice and counselling" } },
  { id: "culture", group: "activities", name: { da: "Kultur og musik", en: "Culture and music" } },
  { id: "nature", group: "activities", name: { da: "Natur og friluftsliv", en: "Nature and outdoor life" } },
] as const;

export const CategoryId = v.picklist(
  categories.map((category) => category.id),
  "category_invalid",
);
export type CategoryId = v.InferOutput<typeof CategoryId>;
export type CategoryGroupId = (typeof categoryGroups)[number]["id"];
