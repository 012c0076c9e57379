import * as v from "valibot";
import { NotFoundError } from "../shared/errors.ts";
import { queryInteger } from "../shared/validation.ts";
import type { Offer } from "./offer.ts";
import type { DirectoryStore, OfferPage } from "./store.ts";

/** What citizens and relatives may read: published offers only. */

export const ListOffersQuery = v.object({
  limit: v.optional(queryInteger("limit_invalid", 1, 50), "20"),
  cursor: v.optional(v.pipe(v.string("cursor_invalid"), v.maxLength(2048, "cursor_invalid"))),
});
export type ListOffersQuery = v.InferOutput<typeof ListOffersQuery>;

export function listPublicOffers(store: DirectoryStore, query: ListOffersQuery): Promise<OfferPage> {
  return store.listPublishedOffers(query);
}

export async function getPublicOffer(store: DirectoryStore, id: string): Promise<Offer> {
  const offer = await store.getOffer(id);
  if (!offer || offer.publication !== "published") throw new NotFoundError("offer_not_found");
  return offer;
}
