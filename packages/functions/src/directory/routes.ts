import { Hono } from "hono";
import * as v from "valibot";
import { access } from "@naerhed/core/shared/access";
import { directoryTable } from "@naerhed/core/shared/tables";
import { parseInput } from "@naerhed/core/shared/validation";
import { OfferId } from "@naerhed/core/directory/offer";
import { getPublicOffer, ListOffersQuery, listPublicOffers } from "@naerhed/core/directory/public-offers";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import { guard } from "../shared/auth.ts";
import type { AppEnv } from "../shared/http.ts";
import type { ApiModule } from "../shared/module.ts";

const OfferPath = v.object({ id: OfferId });

export const directoryModule: ApiModule = {
  name: "directory",
  prefixes: ["directory"],
  tables: [directoryTable],
  routes: ({ db, config }) => {
    const store = createDirectoryStore(db, config.tableNames[directoryTable.id]!);
    return new Hono<AppEnv>()
      .get("/directory/offers", guard(access.public), async (c) =>
        c.json(await listPublicOffers(store, parseInput(ListOffersQuery, c.req.query()))),
      )
      .get("/directory/offers/:id", guard(access.public), async (c) =>
        c.json(await getPublicOffer(store, parseInput(OfferPath, c.req.param()).id)),
      );
  },
};
