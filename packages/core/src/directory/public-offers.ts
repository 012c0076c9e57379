import * as v from "valibot";
import { NotFoundError } from "../shared/errors.ts";
import { queryInteger } from "../shared/validation.ts";
import { OfferId, type Offer } from "./offer.ts";
import type { DirectoryStore, OfferPage } from "./store.ts";

/** What citizens and relatives may read: published offers only, and no confidential address. */

export const ListOffersQuery = v.object({
  limit: v.optional(queryInteger("limit_invalid", 1, 50), "20"),
  cursor: v.optional(v.pipe(v.string("cursor_invalid"), v.maxLength(2048, "cursor_invalid"))),
});
export type ListOffersQuery = v.InferOutput<typeof ListOffersQuery>;
/** `/directory/offers/{id}`. */
export const OfferPath = v.object({ id: OfferId });

/**
 * An offer as the public sees it. A confidential place keeps only its postcode and town: the
 * street, the place's name and its coordinates are left out, so no public page, search result or
 * open-data file can give it away. Staff see everything through their own routes.
 */
export function publicOffer<T extends Offer>(offer: T): T {
  const location = offer.location;
  if (!location?.confidential) return offer;
  return { ...offer, location: { address_1: "", postal_code: location.postal_code, city: location.city, confidential: true } };
}

export async function listPublicOffers(store: DirectoryStore, query: ListOffersQuery): Promise<OfferPage> {
  const page = await store.listPublishedOffers(query);
  return { ...page, items: page.items.map(publicOffer) };
}

export async function getPublicOffer(store: DirectoryStore, id: string): Promise<Offer> {
  const offer = await store.getOffer(id);
  if (!offer || offer.publication !== "published") throw new NotFoundError("offer_not_found");
  return publicOffer(offer);
}
