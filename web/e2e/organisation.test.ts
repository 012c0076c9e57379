import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, newVisitor, settled } from "./browser.ts";

/** A relative on the demo platform: a search near any Danish postcode, an unknown one, and the organisation in the footer. */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("the organisation and every Danish postcode", () => {
  it("searching near 8000 Aarhus C shows each offer's distance; 9999 is said at the field and no results stand for it", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await page.goto("/tilbud/soeg?postcode=8000");
    await settled(page);
    await page.waitForFunction(() => /^Vi fandt \d+ tilbud\.$/.test(document.querySelector("main [role=status]")?.textContent ?? ""));
    // The demo's offers are around Fredericia, about 90 km from Aarhus.
    await expect(page.locator("main article").first().textContent()).resolves.toMatch(/[\d,]+ km væk/);

    await page.getByRole("textbox", { name: "Dit postnummer" }).fill("9999");
    await page.getByText("Vi kender ikke postnummer 9999. Tjek, at du har skrevet det rigtigt.").waitFor();
    await expect(page.locator("main article").count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the footer shows the organisation's contact on every page and leads to the accessibility statement", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await page.goto("/tilbud");
    await settled(page);
    const footer = page.getByRole("contentinfo");
    await footer.getByRole("heading", { name: "Lillebælt Borgercentre (demo)" }).waitFor();
    await expect(footer.getByRole("link", { name: "kontakt@example.dk" }).getAttribute("href")).resolves.toBe("mailto:kontakt@example.dk");
    await footer.getByRole("link", { name: "Tilgængelighed" }).click();
    await page.waitForURL("**/tilgaengelighed");
    await settled(page);
    await expect(page.locator("h1").textContent()).resolves.toBe("Tilgængelighed");
    expect(await page.locator("main").textContent()).toContain("Lillebælt Borgercentre (demo) står for siden.");
    expect(errors).toEqual([]);
    await context.close();
  });
});
