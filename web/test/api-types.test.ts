import { describe, expect, it } from "vitest";
import { api, type Answer } from "../src/lib/api.ts";

/**
 * The API client is typed from the server's routes. These lines are checked by the type checker
 * (`npm run typecheck`, the first step of `npm test`): each `@ts-expect-error` fails the check
 * the day the client stops catching a field or a path the server does not have.
 */
type Overview = Answer<(typeof api.council.centres)[":centre"]["$get"]>;
type Offer = Answer<(typeof api.directory.offers)[":id"]["$get"]>;

export function readsOnlyWhatTheServerSends(overview: Overview, offer: Offer) {
  const shown: [boolean, string] = [overview.can.manage, offer.name];
  // @ts-expect-error: the council page's answer has no such field
  void overview.can.everything;
  // @ts-expect-error: an offer has no such field
  void offer.price_in_euros;
  // @ts-expect-error: the server has no such route
  void api.council.centres[":centre"].nothing;
  return shown;
}

describe("the typed API client", () => {
  it("builds addresses from the server's routes", () => {
    expect(api.council.centres[":centre"].proposals[":id"].$path({ param: { centre: "nord", id: "x" } })).toBe("/council/centres/nord/proposals/x");
  });
});
