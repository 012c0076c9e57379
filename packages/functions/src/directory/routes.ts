import { Hono } from "hono";
import * as v from "valibot";
import { directoryTable } from "@naerhed/core/shared/tables";
import { parseInput } from "@naerhed/core/shared/validation";
import { OfferId } from "@naerhed/core/directory/offer";
import { getPublicOffer, ListOffersQuery, listPublicOffers } from "@naerhed/core/directory/public-offers";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import type { AppEnv } from "../shared/http.ts";
import type { ApiModule } from "../shared/module.ts";

const OfferPath = v.object({ id: OfferId });

export const directoryModule: ApiModule = {
  name: "directory",
  tables: [directoryTable],
  routes: ({ db, config }) => {
    const store = createDirectoryStore(db, config.tableNames[directoryTable.id]!);
    return new Hono<AppEnv>()
      // Public: anyone may read published offers.
      .get("/offers", async (c) => c.json(await listPublicOffers(store, parseInput(ListOffersQuery, c.req.query()))))
      // Public: one published offer.
      .get("/offers/:id", async (c) => c.json(await getPublicOffer(store, parseInput(OfferPath, c.req.param()).id)));
  },
};
