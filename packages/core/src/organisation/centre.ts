import * as v from "valibot";
import { CentreId } from "../shared/centre-id.ts";
import { requiredText, optionalText } from "../shared/validation.ts";
import { KnownPostcode } from "../directory/places.ts";

/**
 * A centre (borgercenter, or a provider's office): where modules scope data and roles. Its id is
 * its address in the site (`/borgerraadet/<id>`) and never changes; renaming or moving it keeps
 * every link. A closed centre keeps its history (council minutes, results, the audit log),
 * readable but not changeable, and is no longer offered as a choice.
 */

export const CENTRE_STATUSES = ["open", "closed"] as const;

export const CentreAddress = v.object({
  address_1: requiredText(200, "centre_address_invalid"),
  postal_code: KnownPostcode,
  city: requiredText(80, "centre_city_invalid"),
});

/** What an administrator writes about a centre: its names, where it is, its municipality and region. */
export const CentreFields = {
  name_da: requiredText(80, "centre_name_invalid"),
  name_en: optionalText(80, "centre_name_invalid"),
  address: CentreAddress,
  municipality: requiredText(80, "centre_municipality_invalid"),
  region: requiredText(80, "centre_region_invalid"),
};

/** A new centre; without an id it gets one from its Danish name ("Borgercenter Nord" → "borgercenter-nord"). */
export const NewCentre = v.object({ id: v.optional(CentreId), ...CentreFields });
export type NewCentre = v.InferOutput<typeof NewCentre>;

export const CentreVersion = v.pipe(v.number("version_invalid"), v.integer("version_invalid"), v.minValue(1, "version_invalid"));

/** Renaming or moving: the same fields, at the version the administrator saw. */
export const CentreEdit = v.object({ version: CentreVersion, ...CentreFields });
export type CentreEdit = v.InferOutput<typeof CentreEdit>;

export type Centre = {
  id: string;
  name: { da: string; en?: string };
  address: v.InferOutput<typeof CentreAddress>;
  municipality: string;
  region: string;
  status: (typeof CENTRE_STATUSES)[number];
  created_at: string;
  closed_at?: string;
  version: number;
};

/** Something still running at a centre, as a module reports it before the centre closes (close.ts). */
export type OpenItem = { kind: "offer" | "vote" | "consultation" | "mentor_pair"; id: string; title?: string };

/** An id from a name: lower case, Danish letters spelt out, words joined by dashes. */
export function centreIdFrom(name: string): string {
  const spelt = name
    .toLocaleLowerCase("da")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
  return spelt.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "") || "centre";
}
