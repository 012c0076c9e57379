import { randomUUID } from "node:crypto";
import { ensureAdmin } from "@naerhed/core/identity/people";
import { createIdentityStore } from "@naerhed/core/identity/store";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import { identityTable } from "@naerhed/core/shared/tables";
import type { Platform } from "@naerhed/local/server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, launchBrowser, newVisitor, settled } from "./browser.ts";
import { signIn } from "./identity.ts";

/**
 * Issue 15's "done when", as one story on a platform of its own that starts EMPTY, as a deployed
 * stage does (tables created, no demo data): the first administrator sets the organisation up,
 * a staff member they invite publishes an offer, and a relative finds it. The platform uses the
 * run's DynamoDB Local under its own table prefix, so it costs no second Java process.
 */

let platform: Platform;
let browser: Browser;

beforeAll(async () => {
  const { startPlatform } = await import("@naerhed/local/server");
  const shared = inject("dynamoEndpoint");
  platform = await startPlatform({
    port: 0,
    dataDir: null,
    ...(shared ? { dynamoEndpoint: shared } : {}),
    tablePrefix: `first-run-${randomUUID().slice(0, 8)}-`,
    seedDemo: false,
    quiet: true,
    siteHost: "127.0.0.1",
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const admin = { email: "forste-admin@example.dk" };
const staff = { email: "ny-medarbejder@example.dk", name: "Nanna Ny" };
const offerName = `Gåklub ved åen ${randomUUID().slice(0, 6)}`;
/** A small SVG logo, as an administrator would pick it on their own machine. */
const logo = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#7a1f3d"/></svg>');

/** A visitor to this test's own platform. */
const visitor = () => newVisitor(browser, { site: platform.url });

const h1 = (page: Page) => page.locator("main h1").textContent();

async function createCentre(page: Page, centre: { name: string; address: string; postcode: string; city: string; municipality: string; region: string }) {
  const form = page.locator("section").filter({ has: page.getByRole("heading", { name: "Nyt center" }) });
  await form.getByLabel("Navn på dansk").fill(centre.name);
  await form.getByLabel("Adresse").fill(centre.address);
  await form.getByLabel("Postnummer").fill(centre.postcode);
  await form.getByLabel("By").fill(centre.city);
  await form.getByLabel("Kommune").fill(centre.municipality);
  await form.getByLabel("Region").fill(centre.region);
  await form.getByRole("button", { name: "Opret center" }).click();
  await page.getByText(`Vi har oprettet ${centre.name}.`).waitFor();
}

describe("a new organisation on an empty platform", () => {
  it("is set up by its first administrator; invited staff publish at 8000 Aarhus C; a relative near 8200 finds it", { timeout: 120_000 }, async () => {
    // `npm run admin:create -- <email>`: the one step outside the site.
    const db = createDocumentClient(platform.config);
    await ensureAdmin({ store: createIdentityStore(db, platform.config.tableNames[identityTable.id]!), now: () => new Date() }, admin.email);
    db.destroy();

    // Before the set-up, a relative meets a plain "not set up yet" page, not an empty site. (Not
    // the search: its first use builds the directory's index, which then lives up to a minute.)
    const early = await visitor();
    await early.page.goto("/");
    await settled(early.page);
    await early.page.getByRole("heading", { level: 1, name: "Siden er ikke sat op endnu" }).waitFor();
    await early.page.getByText("Siden er ikke klar endnu. Prøv igen senere.").waitFor();
    await expect(early.page.getByRole("link", { name: "Find tilbud" }).count()).resolves.toBe(0);
    expect(await axeViolations(early.page)).toEqual([]);
    await early.context.close();

    // The administrator signs in and is led to the set-up.
    const { context, page, errors } = await visitor();
    await signIn(page, admin.email);
    await page.getByRole("heading", { level: 1, name: "Siden er ikke sat op endnu" }).waitFor();
    await page.getByRole("link", { name: "Sæt siden op" }).click();
    await page.waitForURL("**/admin/opsaetning");
    await settled(page);
    await expect(h1(page)).resolves.toBe("Sæt siden op");
    expect(await axeViolations(page)).toEqual([]);

    // 1. The organisation: name, colour, contact; then its logo, through the page's file field.
    await page.getByRole("link", { name: "Skriv, hvem I er" }).click();
    await page.waitForURL("**/admin/organisation");
    await settled(page);
    await page.getByLabel("Navn", { exact: true }).fill("Østjysk Ledsagerservice");
    await page.getByLabel("Kort navn").fill("Ledsagerservice");
    await page.getByLabel("Hovedfarve").fill("#7a1f3d");
    await page.getByText(/Kontrast [\d.]+:1 mod hvid\. Det er godt nok\./).waitFor();
    await page.getByLabel("Telefon").fill("70 10 20 30");
    await page.getByLabel("E-mail").fill("kontakt@ledsager.example.dk");
    await page.getByLabel("Adresse").fill("Banegårdspladsen 1, 8000 Aarhus C");
    await page.getByLabel("Åbent").fill("Hverdage 9-15");
    await page.getByLabel("Kommuner").fill("Aarhus Kommune\nKøbenhavns Kommune");
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await page.getByText("Vi har gemt det.").waitFor();
    await page.locator("#org-logo").setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: logo });
    await page.getByRole("button", { name: "Gem logo" }).click();
    await page.getByText("Vi har gemt logoet.").waitFor();
    // The header shows it, and the site takes the colour.
    const headerLogo = page.locator("header img.site-logo");
    await headerLogo.waitFor();
    await page.waitForFunction(() => (document.querySelector("header img.site-logo") as HTMLImageElement | null)?.naturalWidth === 40);
    await expect(page.evaluate(() => document.documentElement.style.getPropertyValue("--org-colour"))).resolves.toBe("#7a1f3d");
    expect(await axeViolations(page)).toEqual([]);

    // 2. Two centres in two municipalities.
    await page.getByRole("link", { name: "Gå til borgercentrene" }).click();
    await page.waitForURL("**/admin/centre");
    await settled(page);
    await createCentre(page, { name: "Borgercenter Aarhus", address: "Banegårdspladsen 1", postcode: "8000", city: "Aarhus C", municipality: "Aarhus Kommune", region: "Region Midtjylland" });
    await createCentre(page, { name: "Borgercenter Østerbro", address: "Østerbrogade 1", postcode: "2100", city: "København Ø", municipality: "Københavns Kommune", region: "Region Hovedstaden" });
    await expect(page.getByRole("heading", { level: 2 }).allTextContents()).resolves.toEqual(expect.arrayContaining(["Borgercenter Aarhus", "Borgercenter Østerbro"]));
    expect(await axeViolations(page)).toEqual([]);

    // 3. A staff member for the Aarhus centre; then the site is ready.
    await page.goto("/admin/opsaetning");
    await settled(page);
    await page.getByRole("link", { name: "Inviter personale" }).click();
    await page.waitForURL("**/personale/inviter");
    await settled(page);
    await page.getByLabel("Personens mail").fill(staff.email);
    await page.getByLabel("Personens navn").fill(staff.name);
    await page.getByRole("group", { name: "Rolle" }).getByLabel("Personale").check();
    await page.getByRole("group", { name: "Borgercenter" }).getByLabel("Borgercenter Aarhus").check();
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByText(`Vi har inviteret ${staff.name}.`).waitFor();
    await page.goto("/admin/opsaetning");
    await settled(page);
    await page.getByRole("button", { name: "Siden er klar" }).click();
    await page.waitForURL("**/min-side");
    await settled(page);
    await expect(page.getByText("Siden er ikke sat op endnu").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();

    // The staff member signs in from the invitation and publishes an offer at 8000 Aarhus C.
    const colleague = await visitor();
    await signIn(colleague.page, staff.email);
    await colleague.page.goto("/personale/tilbud/nyt");
    await settled(colleague.page);
    const editor = colleague.page;
    await editor.getByLabel("Navn", { exact: true }).fill(offerName);
    await editor.getByLabel("Hvad laver man").fill("Vi går en tur langs åen. Bagefter drikker vi kaffe.");
    await editor.getByRole("radio", { name: "Kreativt værksted" }).check();
    await editor.getByLabel("Hvem står bag").fill("Gåklubben Åen");
    await editor.getByRole("radio", { name: "Kører", exact: true }).check();
    await editor.getByLabel("Bydel").fill("Midtbyen");
    await editor.getByLabel("Adresse", { exact: true }).fill("Åboulevarden 1");
    await editor.getByLabel("Postnummer").fill("8000");
    await editor.getByLabel("By", { exact: true }).fill("Aarhus C");
    await editor.getByRole("radio", { name: "Ja" }).check();
    await editor.getByRole("button", { name: "Udgiv" }).click();
    await editor.getByText("Tilbuddet er udgivet. Borgerne kan se det nu.").waitFor();
    expect(colleague.errors).toEqual([]);
    await colleague.context.close();

    // A relative, not signed in, searches near 8200 Aarhus N.
    const relative = await visitor();
    await relative.page.goto("/tilbud/soeg?postcode=8200");
    await settled(relative.page);
    const card = relative.page.locator("main article").filter({ hasText: offerName });
    await card.waitFor();
    await expect(card.textContent()).resolves.toMatch(/\b\d+(,\d)? km væk/);

    // The footer: the organisation's contact, and the accessibility statement one click away.
    const footer = relative.page.getByRole("contentinfo");
    await footer.getByRole("heading", { name: "Østjysk Ledsagerservice" }).waitFor();
    await expect(footer.getByRole("link", { name: "70 10 20 30" }).getAttribute("href")).resolves.toBe("tel:70102030");
    await expect(footer.getByRole("link", { name: "kontakt@ledsager.example.dk" }).getAttribute("href")).resolves.toBe("mailto:kontakt@ledsager.example.dk");
    await footer.getByRole("link", { name: "Tilgængelighed" }).click();
    await relative.page.waitForURL("**/tilgaengelighed");
    await settled(relative.page);
    await expect(relative.page.locator("main").textContent()).resolves.toContain("Østjysk Ledsagerservice står for siden.");
    await expect(relative.page.getByRole("main").getByRole("link", { name: "kontakt@ledsager.example.dk" }).getAttribute("href")).resolves.toBe(
      "mailto:kontakt@ledsager.example.dk",
    );
    expect(relative.errors).toEqual([]);
    await relative.context.close();
  });
});
