import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newVisitor, settled } from "./browser.ts";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Chooses Danish; the choice outlives a reload, whatever the browser says. */
async function danishAfterReload(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Dansk" }).click();
  await page.reload();
  await settled(page);
  await expect(page.locator("h1").textContent()).resolves.toBe("Find tilbud");
}

describe("a browser set to English", () => {
  it("opens in English and asks the API in English, until the person chooses Danish", async () => {
    const { context, page, errors } = await newVisitor(browser, { browserLocale: "en-US" });
    const request = page.waitForRequest((r) => r.url().includes("/api/directory/offers"));
    await page.goto("/tilbud");
    expect((await request).headers()["accept-language"]).toBe("en");
    await settled(page);
    await expect(page.locator("h1").textContent()).resolves.toBe("Find activities");
    await expect(page.getAttribute("html", "lang")).resolves.toBe("en");
    await danishAfterReload(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("choosing English", () => {
  it("changes the texts, and the choice survives a reload", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await page.goto("/tilbud");
    await settled(page);
    await expect(page.locator("h1").textContent()).resolves.toBe("Find tilbud");
    await expect(page.getAttribute("html", "lang")).resolves.toBe("da");

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Find activities");
    await expect(page.getAttribute("html", "lang")).resolves.toBe("en");
    await expect(page.title()).resolves.toBe("Find activities – Nærhed");
    await expect(page.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).resolves.toBe("true");
    await expect(page.locator("main article").first().textContent()).resolves.toMatch(/Where.+Price.+Age/);

    // The API is asked in English after a reload.
    const request = page.waitForRequest((r) => r.url().includes("/api/directory/offers"));
    await page.reload();
    expect((await request).headers()["accept-language"]).toBe("en");
    await settled(page);
    await expect(page.locator("h1").textContent()).resolves.toBe("Find activities");
    await expect(page.getAttribute("html", "lang")).resolves.toBe("en");
    await expect(page.getByRole("link", { name: "Skip to content" }).count()).resolves.toBe(1);

    await danishAfterReload(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
