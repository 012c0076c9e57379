import * as v from "valibot";
import { centres } from "./lists.ts";

export { centres, municipality } from "./lists.ts";

export const CentreId = v.picklist(
  centres.map((centre) => centre.id),
  "centre_invalid",
);
export type CentreId = v.InferOutput<typeof CentreId>;
