import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { categories } from "@naerhed/core/directory/categories";
import { Offer } from "@naerhed/core/directory/offer";
import { Person } from "@naerhed/core/identity/person";
import { CentreEdit } from "@naerhed/core/organisation/centre";
import { SiteOrganisationFields } from "@naerhed/core/organisation/site-organisation";
import { LONG_SENTENCE_WORDS, lix } from "@naerhed/core/shared/lix";
import { demoOffers } from "../src/demo/offers.ts";
import { demoCentres as centres, demoOrganisation } from "../src/demo/organisation.ts";
import { demoPeople } from "../src/demo/people.ts";

/** The demo data is data for a local run only (packages/local/src/demo/); it must still be what the schemas accept. */

describe("the demo organisation and its centres", () => {
  it("the organisation is what an administrator could have saved", () => {
    const { version: _v, updated_at: _u, setup_completed_at: _s, logo: _l, ...fields } = demoOrganisation;
    expect(v.parse(SiteOrganisationFields, fields)).toEqual(fields);
  });

  it("each centre is what an administrator could have written, with known postcodes", () => {
    for (const centre of centres) {
      const edit = { version: centre.version, name_da: centre.name.da, name_en: centre.name.en, address: centre.address, municipality: centre.municipality, region: centre.region };
      expect(v.parse(CentreEdit, edit), centre.id).toEqual(edit);
    }
  });

  it("every demo person parses, and their grants name demo centres", () => {
    for (const person of demoPeople) {
      expect(v.parse(Person, person)).toEqual(person);
      for (const grant of person.grants) if (grant.centre_id) expect(centres.map((centre) => centre.id)).toContain(grant.centre_id);
    }
  });
});

const published = demoOffers.filter((offer) => offer.publication === "published");
const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((counts, item) => {
    counts[key(item)] = (counts[key(item)] ?? 0) + 1;
    return counts;
  }, {});

/** Every text field a citizen reads. */
const citizenTexts = (offer: Offer): string[] =>
  [
    offer.name,
    offer.description,
    offer.eligibility_description,
    offer.application_process,
    offer.schedule_description,
    offer.fees_description,
    offer.accessibility_notes,
  ].filter((text): text is string => text !== undefined);

describe("demoOffers", () => {
  it("has 40 offers", () => {
    expect(demoOffers).toHaveLength(40);
  });

  it("every offer parses with the Offer schema, unchanged", () => {
    for (const offer of demoOffers) {
      expect(v.parse(Offer, offer), offer.name).toEqual(offer);
    }
  });

  it("has unique UUIDv7-shaped ids and unique names", () => {
    const ids = demoOffers.map((offer) => offer.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(demoOffers.map((offer) => offer.name)).size).toBe(demoOffers.length);
  });

  it("spreads the offers over all three centres", () => {
    const perCentre = countBy(demoOffers, (offer) => offer.centre_id);
    expect(Object.keys(perCentre).sort()).toEqual(centres.map((centre) => centre.id).sort());
    for (const count of Object.values(perCentre)) expect(count).toBeGreaterThanOrEqual(13);
    for (const centre of centres) expect(published.some((offer) => offer.centre_id === centre.id)).toBe(true);
  });

  it("gives each centre two or three areas of its own", () => {
    for (const centre of centres) {
      const areas = new Set(demoOffers.filter((offer) => offer.centre_id === centre.id).map((offer) => offer.area));
      expect(areas.size).toBeGreaterThanOrEqual(2);
      expect(areas.size).toBeLessThanOrEqual(3);
      for (const other of demoOffers.filter((offer) => offer.centre_id !== centre.id)) expect(areas.has(other.area)).toBe(false);
    }
  });

  it("covers all eight categories, also among published offers", () => {
    const ids = categories.map((category) => category.id).sort();
    expect([...new Set(demoOffers.map((offer) => offer.category))].sort()).toEqual(ids);
    expect([...new Set(published.map((offer) => offer.category))].sort()).toEqual(ids);
  });

  it("has 36 published, 3 draft and 1 archived offers", () => {
    expect(countBy(demoOffers, (offer) => offer.publication)).toEqual({ published: 36, draft: 3, archived: 1 });
  });

  it("is mostly active, with one or two temporarily closed offers", () => {
    const statuses = countBy(demoOffers, (offer) => offer.status);
    expect(statuses["temporarily closed"]).toBeGreaterThanOrEqual(1);
    expect(statuses["temporarily closed"]).toBeLessThanOrEqual(2);
    expect(statuses.active).toBeGreaterThanOrEqual(36);
  });

  it("describes the price when an offer is not free, and only then", () => {
    for (const offer of demoOffers) {
      expect(offer.fees_description !== undefined, offer.name).toBe(!offer.free);
    }
    const paid = demoOffers.filter((offer) => !offer.free).length;
    expect(paid).toBeGreaterThan(0);
    expect(paid).toBeLessThan(demoOffers.length / 2);
  });

  it("varies the ages", () => {
    expect(demoOffers.some((offer) => offer.minimum_age === undefined)).toBe(true);
    expect(demoOffers.some((offer) => offer.minimum_age === 18 && offer.maximum_age === undefined)).toBe(true);
    expect(demoOffers.some((offer) => offer.maximum_age !== undefined)).toBe(true);
    expect(demoOffers.some((offer) => (offer.minimum_age ?? 0) >= 60)).toBe(true);
  });

  it("uses only fictional contact details", () => {
    for (const offer of demoOffers) {
      if (offer.email !== undefined) expect(offer.email).toMatch(/@example\.dk$/);
      if (offer.url !== undefined) expect(offer.url).toMatch(/^https:\/\/example\.dk\//);
      if (offer.phone !== undefined) expect(offer.phone).toMatch(/^\+45 70 00 \d\d \d\d$/);
    }
  });

  it("has dates in 2026, some assured more than six months before the newest change", () => {
    for (const offer of demoOffers) {
      expect(offer.assured_date.startsWith("2026-"), offer.name).toBe(true);
      expect(offer.last_modified.slice(0, 10) >= offer.assured_date, offer.name).toBe(true);
    }
    const newest = new Date(demoOffers.map((offer) => offer.last_modified).sort().at(-1)!);
    const sixMonthsBefore = new Date(newest);
    sixMonthsBefore.setUTCMonth(sixMonthsBefore.getUTCMonth() - 6);
    const stale = demoOffers.filter((offer) => new Date(offer.assured_date) < sixMonthsBefore);
    expect(stale.length).toBeGreaterThanOrEqual(2);
    expect(stale.length).toBeLessThanOrEqual(5);
  });

  describe("readability", () => {
    it("each description has LIX 30 or lower and no long sentence", () => {
      for (const offer of demoOffers) {
        const result = lix(offer.description);
        expect(result.lix, offer.name).toBeLessThanOrEqual(30);
        expect(result.sentences, offer.name).toBeGreaterThanOrEqual(2);
        expect(result.longSentences, offer.name).toEqual([]);
      }
    });

    it(`no citizen text has a sentence over ${LONG_SENTENCE_WORDS} words`, () => {
      for (const offer of demoOffers) {
        for (const text of citizenTexts(offer)) expect(lix(text).longSentences, offer.name).toEqual([]);
      }
    });

    it("the average LIX of published descriptions is 30 or lower", () => {
      const average = published.reduce((sum, offer) => sum + lix(offer.description).lix, 0) / published.length;
      expect(average).toBeLessThanOrEqual(30);
    });

    it("all citizen texts together have LIX 30 or lower", () => {
      expect(lix(demoOffers.flatMap(citizenTexts).join("\n")).lix).toBeLessThanOrEqual(30);
    });

    it('speaks to the reader as "du"', () => {
      for (const offer of demoOffers) expect(offer.description, offer.name).toMatch(/\b(du|dig|din|dit|dine)\b/i);
    });
  });
});
