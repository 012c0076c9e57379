import * as v from "valibot";

/** Kinds of offer, with the words a citizen sees for each. */
export const categories = [
  { id: "sport", name: { da: "Sport og bevægelse", en: "Sport and exercise" } },
  { id: "creative", name: { da: "Kreativt værksted", en: "Creative workshop" } },
  { id: "meeting_place", name: { da: "Café og mødested", en: "Café and meeting place" } },
  { id: "self_help", name: { da: "Samtalegruppe", en: "Support group" } },
  { id: "volunteering", name: { da: "Frivilligt arbejde", en: "Volunteering" } },
  { id: "counselling", name: { da: "Rådgivning", en: "Advice and counselling" } },
  { id: "culture", name: { da: "Kultur og musik", en: "Culture and music" } },
  { id: "nature", name: { da: "Natur og friluftsliv", en: "Nature and outdoor life" } },
] as const;

export const CategoryId = v.picklist(
  categories.map((category) => category.id),
  "category_invalid",
);
export type CategoryId = v.InferOutput<typeof CategoryId>;
