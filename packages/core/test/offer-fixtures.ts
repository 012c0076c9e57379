import { v7 as uuidv7 } from "uuid";
import type { Offer } from "../src/directory/offer.ts";

/** A valid published offer; tests override what they are about. */
export function makeOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: uuidv7(),
    name: "Gåtur i parken",
    description: "Vi går en tur sammen. Du kan gå i dit eget tempo.",
    organization_name: "Gåklubben Solsikken",
    status: "active",
    publication: "published",
    centre_id: "nord",
    area: "Nordby",
    category: "sport",
    free: true,
    assured_date: "2026-10-01",
    last_modified: "2026-10-01T10:00:00.000Z",
    ...overrides,
  };
}
