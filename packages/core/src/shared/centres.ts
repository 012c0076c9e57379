import * as v from "valibot";

/**
 * The municipality's borgercentre. Modules scope data and roles to a centre by its id.
 * A deployment edits this list for its own municipality.
 */
export const centres = [
  { id: "nord", name: { da: "Borgercenter Nord", en: "Citizen Centre North" } },
  { id: "midt", name: { da: "Borgercenter Midt", en: "Citizen Centre Central" } },
  { id: "syd", name: { da: "Borgercenter Syd", en: "Citizen Centre South" } },
] as const;

export const CentreId = v.picklist(
  centres.map((centre) => centre.id),
  "centre_invalid",
);
export type CentreId = v.InferOutput<typeof CentreId>;

/**
 * The municipality: who publishes the open data (`publisher` of /api/hsds) and where it lies
 * (HSDS `address.state_province`, required, names the region); a deployment edits this with the
 * centres above.
 */
export const municipality = { name: "Nærhed demokommune", region: "Region Syddanmark", country: "DK" } as const;
