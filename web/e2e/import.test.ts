import { randomUUID } from "node:crypto";
import type { Browser, Cookie, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, newVisitor, settled } from "./browser.ts";
import { demo, focused, sharedSessionCookies } from "./identity.ts";

/**
 * Import and export (/personale/import): staff preview a CSV file, see its bad row and that
 * nothing was saved, correct the file, import it, and find the drafts on their list. The staff
 * demo account signs in at most once per run (`sharedSessionCookies`).
 */

let browser: Browser;
let staffCookies: Cookie[];

beforeAll(async () => {
  browser = await launchBrowser();
  staffCookies = await sharedSessionCookies(browser, demo.staff.email);
});

afterAll(async () => {
  await browser?.close();
});

async function asStaff(language?: "da" | "en") {
  const visitor = await newVisitor(browser, { language });
  await visitor.context.addCookies(staffCookies);
  return visitor;
}

const HEADER = "name,description,organization_name,status,area,category,free,postal_code,address_1,city";
const csv = (...lines: string[]) => ({ name: "tilbud.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`) });

/** The names of the centre's offers, as the API has them now. */
async function storedNames(page: Page): Promise<string[]> {
  const response = await page.request.get("/api/directory/centres/nord/offers");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: { name: string }[] }).items.map((offer) => offer.name);
}

describe("staff import a file of offers", () => {
  it("see a bad row and that nothing is saved, correct it, import, and find the drafts on their list", async () => {
    const { context, page, errors } = await asStaff();
    const tag = randomUUID().slice(0, 6);
    const walk = `Gåtur ${tag}`;
    const knit = `Strikkecafé ${tag}`;

    await page.goto("/personale/tilbud");
    await settled(page);
    await page.getByRole("link", { name: "Importér eller eksportér tilbud" }).click();
    await page.waitForURL("**/personale/import");
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);

    // A file with one bad postcode: the error is shown and linked; nothing is saved.
    const input = page.getByLabel("Vælg en fil");
    await input.setInputFiles(
      csv(`${walk},Vi går en tur.,Gåklubben,active,Nordby,sport,ja,7000,Vej 1,Fredericia`, `${knit},Vi strikker.,Strikkeklubben,active,Nordby,creative,ja,70,Vej 2,Fredericia`),
    );
    const error = page.getByRole("link", { name: "Række 2, Postnummer (kolonnen postal_code): Postnummeret skal have 4 cifre." });
    await error.waitFor();
    await expect(page.getByRole("button", { name: /^Importér/ }).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Vælg den rettede fil" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await error.click();
    await expect(focused(page)).resolves.toMatchObject({ tag: "th", text: "2" });
    expect(await storedNames(page)).not.toEqual(expect.arrayContaining([walk]));

    // The corrected file: both rows become new drafts.
    await input.setInputFiles(
      csv(`${walk},Vi går en tur.,Gåklubben,active,Nordby,sport,ja,7000,Vej 1,Fredericia`, `${knit},Vi strikker.,Strikkeklubben,active,Nordby,creative,ja,7000,Vej 2,Fredericia`),
    );
    const confirm = page.getByRole("button", { name: "Importér 2 tilbud" });
    await confirm.waitFor();
    await expect(confirm.isEnabled()).resolves.toBe(true);
    await expect(page.getByText("Nye: 2. Ændrede: 0. Uden ændring: 0. Med fejl: 0.").isVisible()).resolves.toBe(true);
    await confirm.click();
    await page.getByText("Færdig. 2 nye og 0 ændrede tilbud er gemt som kladder.").waitFor();

    // The same file again: nothing new, so no "Importér 0 tilbud", but a way on.
    await input.setInputFiles(
      csv(`${walk},Vi går en tur.,Gåklubben,active,Nordby,sport,ja,7000,Vej 1,Fredericia`, `${knit},Vi strikker.,Strikkeklubben,active,Nordby,creative,ja,7000,Vej 2,Fredericia`),
    );
    await page.getByText("Der er ikke noget nyt i filen. Alle tilbud i den er gemt allerede.").waitFor();
    await expect(page.getByRole("button", { name: /^Importér/ }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Gå til listen med tilbud" }).click();
    await page.waitForURL("**/personale/tilbud");
    await settled(page);
    for (const name of [walk, knit]) {
      const card = page.locator("main article").filter({ has: page.getByRole("link", { name, exact: true }) });
      await expect(card.textContent()).resolves.toContain("Kladde");
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it("has no accessibility problems in English", async () => {
    const { context, page, errors } = await asStaff("en");
    await page.goto("/personale/import");
    await settled(page);
    await expect(page.locator("main h1").textContent()).resolves.toBe("Import and export activities");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
