import * as v from "valibot";
import { categories, type categoryGroups } from "./lists.ts";

export { categories, categoryGroups } from "./lists.ts";

export const CategoryId = v.picklist(
  categories.map((category) => category.id),
  "category_invalid",
);
export type CategoryId = v.InferOutput<typeof CategoryId>;
export type CategoryGroupId = (typeof categoryGroups)[number]["id"];
