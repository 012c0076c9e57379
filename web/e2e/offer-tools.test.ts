import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, baseUrl, launchBrowser, newVisitor, publishedOffers, settled } from "./browser.ts";

/** "Læs op" and "Udskriv" on the public offer page, and how the page looks on paper. */

let browser: Browser;
let offer: { id: string; name: string; phone: string };

beforeAll(async () => {
  browser = await launchBrowser();
  for (const summary of await publishedOffers()) {
    const response = await fetch(new URL(`/api/directory/offers/${summary.id}`, baseUrl()));
    const full = (await response.json()) as { id: string; name: string; phone?: string };
    if (full.phone) {
      offer = { id: full.id, name: full.name, phone: full.phone };
      break;
    }
  }
  if (!offer) throw new Error("No published offer has a phone number");
});

afterAll(async () => {
  await browser?.close();
});

const labels = {
  da: { read: "Læs op", print: "Udskriv" },
  en: { read: "Read aloud", print: "Print" },
} as const;

describe.each(["da", "en"] as const)("the offer page's tools (%s)", (language) => {
  it("shows 'read aloud' and 'print', and axe finds no WCAG 2.2 AA problems", async () => {
    const { context, page, errors } = await newVisitor(browser, { language });
    await page.goto(`/tilbud/${offer.id}`);
    await settled(page);
    await expect(page.locator("h1").textContent()).resolves.toBe(offer.name);
    const read = page.getByRole("button", { name: labels[language].read });
    const print = page.getByRole("button", { name: labels[language].print });
    await expect(read.isVisible()).resolves.toBe(true);
    await expect(print.isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Debian Chromium speaks with no voices, so reading ends at once; the stop toggle is covered by
    // the component tests with a fake speech engine. Here: clicking is safe and the page recovers.
    await read.click();
    await page.getByRole("button", { name: labels[language].read }).waitFor();
    await expect(page.evaluate(() => window.speechSynthesis.speaking)).resolves.toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("printing an offer", () => {
  it("leaves out the navigation, buttons and links that do nothing on paper, and gives the phone as text and a QR code to the page", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await page.goto(`/tilbud/${offer.id}`);
    await settled(page);
    const phone = page.getByRole("link", { name: offer.phone });
    await expect(page.locator(".site-header__tools").isVisible()).resolves.toBe(true);

    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header__tools").isVisible()).resolves.toBe(false);
    await expect(page.getByRole("group", { name: "Sprog" }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole("link", { name: "Log ind" }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole("button", { name: "Udskriv" }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole("link", { name: "Tilbage til alle tilbud" }).isVisible()).resolves.toBe(false);
    await expect(page.locator("h1").isVisible()).resolves.toBe(true);
    await expect(phone.isVisible()).resolves.toBe(true);
    // The number as a person reads it, not "(tel:+45…)" after it (issue 17, item 4).
    await expect(page.locator("main").innerText()).resolves.toContain(offer.phone);
    await expect(page.locator("main").innerText()).resolves.not.toMatch(/\((tel|mailto):/);
    await expect(page.getByRole("link", { name: "Sæt tiderne i din kalender" }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole("link", { name: "Se vejen derhen på et kort" }).isVisible()).resolves.toBe(false);
    const code = page.getByRole("img", { name: /^Scan koden/ });
    await expect(code.isVisible()).resolves.toBe(true);
    await expect(page.locator("figure figcaption").innerText()).resolves.toContain(`${baseUrl()}/tilbud/${offer.id}`.replace("//tilbud", "/tilbud"));
    const box = (await code.boundingBox())!;
    expect(box.width).toBeGreaterThan(80);
    const body = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { color: style.color, background: style.backgroundColor, size: parseFloat(style.fontSize) };
    });
    expect(body.color).toBe("rgb(0, 0, 0)");
    expect(body.background).toBe("rgb(255, 255, 255)");
    expect(body.size).toBeGreaterThanOrEqual(16); // 12pt

    await page.emulateMedia({ media: "screen" });
    await expect(page.locator(".site-header__tools").isVisible()).resolves.toBe(true);
    await expect(code.isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
