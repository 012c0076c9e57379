import * as v from "valibot";

/**
 * Where offers are, and how far away: for "near my postcode" and "near me" in search, and
 * `postcode` + `proximity` in open data.
 *
 * Postcodes. A citizen types a postcode, not coordinates, so each postcode the municipality's
 * citizens use has a middle point. These are the postcodes in and around the municipality
 * (approximate middle points of the towns, WGS 84). A deployment for another municipality puts
 * its own here, e.g. from Danmarks Adresseregister (DAWA `/postnumre`, field `visueltcenter`).
 * An offer without its own coordinates is placed at its postcode's middle point.
 */
export const postcodes: Readonly<Record<string, { city: string; latitude: number; longitude: number }>> = {
  "5500": { city: "Middelfart", latitude: 55.5058, longitude: 9.7305 },
  "5580": { city: "Nørre Aaby", latitude: 55.4627, longitude: 9.8797 },
  "6000": { city: "Kolding", latitude: 55.4904, longitude: 9.4722 },
  "6040": { city: "Egtved", latitude: 55.6153, longitude: 9.3063 },
  "6092": { city: "Sønder Stenderup", latitude: 55.4717, longitude: 9.6083 },
  "6093": { city: "Sjølund", latitude: 55.4333, longitude: 9.5667 },
  "7000": { city: "Fredericia", latitude: 55.5657, longitude: 9.7526 },
  "7080": { city: "Børkop", latitude: 55.6415, longitude: 9.6499 },
  "7100": { city: "Vejle", latitude: 55.7093, longitude: 9.5357 },
  "7120": { city: "Vejle Øst", latitude: 55.7048, longitude: 9.6021 },
  "7130": { city: "Juelsminde", latitude: 55.7137, longitude: 10.0167 },
};

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
  const place = postcodes[postcode];
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
