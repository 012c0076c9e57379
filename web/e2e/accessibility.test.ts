import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, newVisitor, publishedOffers, settled, type OfferSummary } from "./browser.ts";

let browser: Browser;
let offer: OfferSummary;

/** Every kind of page, with the h1 each language should show. */
const pages: { name: string; path: () => string; da: () => string; en: () => string }[] = [
  { name: "front page", path: () => "/", da: () => "Velkommen til Nærhed", en: () => "Welcome to Nærhed" },
  { name: "offers list", path: () => "/tilbud", da: () => "Find tilbud", en: () => "Find activities" },
  { name: "an offer", path: () => `/tilbud/${offer.id}`, da: () => offer.name, en: () => offer.name },
  { name: "search", path: () => "/tilbud/soeg", da: () => "Søg i tilbud", en: () => "Search activities" },
  {
    name: "offer not found",
    path: () => "/tilbud/0190a1b2-c3d4-7e5f-8a9b-000000000000",
    da: () => "Vi kan ikke finde tilbuddet",
    en: () => "We cannot find the activity",
  },
  { name: "site not found", path: () => "/ingen/side/her", da: () => "Vi kan ikke finde siden", en: () => "We cannot find the page" },
  { name: "Borgerrådet", path: () => "/borgerraadet", da: () => "Borgerrådet", en: () => "The Citizens' Council" },
  {
    name: "a centre's council, with results",
    path: () => "/borgerraadet/nord",
    da: () => "Borgerrådet i Borgercenter Nord",
    en: () => "The Citizens' Council at Citizen Centre North",
  },
  {
    name: "an adopted council proposal, with its follow-up",
    path: () => "/borgerraadet/nord/forslag/019ab000-0000-7000-8000-0000000c0100",
    da: () => "Caféen skal have åbent til kl. 18",
    en: () => "Caféen skal have åbent til kl. 18",
  },
  { name: "easy read on votes at the meeting", path: () => "/borgerraadet/afstemning-paa-moedet", da: () => "Sådan stemmer vi på mødet", en: () => "How we vote at the meeting" },
  { name: "Borgerpanelet", path: () => "/borgerpanelet", da: () => "Borgerpanelet", en: () => "The Citizens' Panel" },
  { name: "Mentorordningen", path: () => "/mentorordningen", da: () => "Mentorordningen", en: () => "The Mentor Scheme" },
  { name: "accessibility statement", path: () => "/tilgaengelighed", da: () => "Tilgængelighed", en: () => "Accessibility" },
];

beforeAll(async () => {
  browser = await launchBrowser();
  offer = (await publishedOffers())[0]!;
});

afterAll(async () => {
  await browser?.close();
});

describe.each(["da", "en"] as const)("axe finds no WCAG 2.2 AA problems (%s)", (language) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ context, page, errors } = await newVisitor(browser, { language }));
  });

  afterAll(async () => {
    expect(errors).toEqual([]);
    await context?.close();
  });

  it.each(pages)("on the $name", async (target) => {
    await page.goto(target.path());
    await settled(page);
    await expect(page.locator("h1").textContent()).resolves.toBe(target[language]());
    await expect(page.getAttribute("html", "lang")).resolves.toBe(language);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("a narrow phone screen (320 px)", () => {
  it("never needs sideways scrolling", async () => {
    const { context, page } = await newVisitor(browser, { width: 320 });
    const wide: string[] = [];
    for (const target of pages) {
      await page.goto(target.path());
      await settled(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${target.path()}: ${width} px`);
    }
    expect(wide).toEqual([]);
    await context.close();
  });
});
