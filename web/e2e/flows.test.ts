import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, newVisitor, publishedOffers, settled, type OfferSummary } from "./browser.ts";

let browser: Browser;
let offers: OfferSummary[];

beforeAll(async () => {
  browser = await launchBrowser();
  offers = await publishedOffers();
});

afterAll(async () => {
  await browser?.close();
});

describe("finding an offer", () => {
  it("goes from the front page to an offer and back to the list", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await page.goto("/");
    await expect(page.title()).resolves.toBe("Nærhed");

    await page.getByRole("link", { name: /^Find tilbud/ }).click();
    await page.waitForURL("**/tilbud");
    await settled(page);
    await expect(page.title()).resolves.toBe("Find tilbud – Nærhed");

    // The list shows the real offers from the API, in the API's order.
    const names = await page.locator("main article h2").allTextContents();
    expect(names).toEqual(offers.slice(0, 20).map((offer) => offer.name));

    const chosen = offers[2]!;
    await page.getByRole("link", { name: chosen.name, exact: true }).click();
    await page.waitForURL(`**/tilbud/${chosen.id}`);
    await settled(page);
    await expect(page.locator("h1").textContent()).resolves.toBe(chosen.name);
    await expect(page.title()).resolves.toBe(`${chosen.name} – Nærhed`);
    await expect(page.locator("main").textContent()).resolves.toMatch(/Sidst tjekket \d{1,2}\. \p{L}+ \d{4}\./u);

    await page.getByRole("link", { name: "Tilbage til alle tilbud" }).click();
    await page.waitForURL("**/tilbud");
    await settled(page);
    await expect(page.getByRole("link", { name: chosen.name, exact: true }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("loads more offers with “Vis flere”", async () => {
    expect(offers.length).toBeGreaterThan(20);
    const { context, page } = await newVisitor(browser);
    await page.goto("/tilbud");
    await settled(page);
    await expect(page.locator("main article").count()).resolves.toBe(20);
    await expect(page.getByRole("status").textContent()).resolves.toBe(`Du ser 20 af ${offers.length} tilbud.`);

    await page.getByRole("button", { name: "Vis flere" }).click();
    await page.waitForFunction((count) => document.querySelectorAll("main article").length === count, Math.min(offers.length, 40));
    const names = await page.locator("main article h2").allTextContents();
    expect(names).toEqual(offers.slice(0, 40).map((offer) => offer.name));
    // Focus moved to the first new offer, so a keyboard user continues there.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(offers[20]!.name);
    if (offers.length <= 40) {
      await expect(page.getByRole("status").textContent()).resolves.toBe(`Du ser alle ${offers.length} tilbud.`);
      await expect(page.getByRole("button", { name: "Vis flere" }).count()).resolves.toBe(0);
    }
    await context.close();
  });

  it("says plainly when an offer does not exist", async () => {
    const { context, page } = await newVisitor(browser);
    const response = await page.goto("/tilbud/0190a1b2-c3d4-7e5f-8a9b-000000000000");
    expect(response?.status()).toBe(200);
    await settled(page);
    await expect(page.locator("h1").textContent()).resolves.toBe("Vi kan ikke finde tilbuddet");
    await expect(page.getByRole("link", { name: "Tilbage til alle tilbud" }).count()).resolves.toBe(1);
    await page.getByRole("link", { name: "Tilbage til alle tilbud" }).click();
    await page.waitForURL("**/tilbud");
    await context.close();
  });

  it("serves a real robots.txt, not the site", async () => {
    const response = await fetch(new URL("/robots.txt", baseUrl()));
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^User-agent: \*/m);
  });
});
