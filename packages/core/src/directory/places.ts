import * as v from "valibot";

// No import attribute: SST v2's esbuild cannot read `with { type: "json" }`; esbuild, Vite and tsx all inline JSON without it.
import postcodeData from "../../data/dk-postcodes/postcodes.json";

/**
 * Where offers are, and how far away: for "near my postcode" and "near me" in search, and
 * `postcode` + `proximity` in open data.
 *
 * Postcodes. A citizen types a postcode, not coordinates, so every Danish postcode has a centre
 * point: data, not code (packages/core/data/dk-postcodes/, GeoNames, CC BY 4.0; its SOURCE.md
 * says where it comes from, what was left out and the attribution the site shows). An offer
 * without its own coordinates is placed at its postcode's point.
 */
type Place = { city: string; latitude: number; longitude: number };
const places: Readonly<Record<string, Place>> = postcodeData;

/** The town of a postcode, or undefined for a code that is not a Danish postcode. */
export function postcodePlace(postcode: string): Place | undefined {
  return Object.hasOwn(places, postcode) ? places[postcode] : undefined;
}

/**
 * A postcode someone typed: four digits (`postal_code_invalid`), and one that exists
 * (`postcode_unknown`, "Vi kender ikke postnummer 9999.": the message names the code).
 */
export const KnownPostcode = v.pipe(
  v.string("postal_code_invalid"),
  v.trim(),
  v.regex(/^\d{4}$/, "postal_code_invalid"),
  v.check((code) => postcodePlace(code) !== undefined, "postcode_unknown"),
);

export const Latitude = v.pipe(v.number("latitude_invalid"), v.minValue(-90, "latitude_invalid"), v.maxValue(90, "latitude_invalid"));
export const Longitude = v.pipe(v.number("longitude_invalid"), v.minValue(-180, "longitude_invalid"), v.maxValue(180, "longitude_invalid"));

export type Point = { latitude: number; longitude: number };

/** Great-circle distance in kilometres (haversine; the earth as a sphere is exact enough for "2 km away"). */
export function distanceKm(a: Point, b: Point): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function postcodePoint(postcode: string): Point | undefined {
  const place = postcodePlace(postcode);
  return place && { latitude: place.latitude, longitude: place.longitude };
}

type Located = { postal_code: string; latitude?: number; longitude?: number; confidential?: boolean };

/**
 * Where to measure an offer's distance from. A confidential place counts as its postcode's middle
 * point: a distance to its exact spot, asked from a few places, would give the address away.
 */
export function pointOf(location: Located | undefined): Point | undefined {
  if (!location) return undefined;
  if (!location.confidential && location.latitude !== undefined && location.longitude !== undefined) {
    return { latitude: location.latitude, longitude: location.longitude };
  }
  return postcodePoint(location.postal_code);
}
