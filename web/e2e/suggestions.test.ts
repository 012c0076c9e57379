import type { Browser, Cookie, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, newVisitor, settled } from "./browser.ts";
import { demo, sharedSessionCookies } from "./identity.ts";

/**
 * "Kender du et tilbud?": an anonymous visitor suggests an offer; the staff member at
 * Borgercenter Nord signs in through /dev/outbox and makes it a draft. Then axe on both
 * pages in both languages. The staff account's sign-ins are counted (5 codes per email in
 * 15 minutes, for the whole run): this file shares one sign-in with the other files
 * (`sharedSessionCookies`); if none has signed in yet, it signs in through /dev/outbox.
 * Anonymous suggestions are limited to 5 an hour per address: this file sends 3.
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

const h1 = (page: Page) => page.locator("main h1").textContent();

/** Fills in the form's required fields and sends it; waits for the thank-you. */
async function suggest(page: Page, name: string, language: "da" | "en" = "da") {
  const labels = {
    da: { name: "Hvad hedder tilbuddet?", what: "Hvad laver man der?", where: "Hvor er det? Hvem kan man spørge?", send: "Send forslaget", thanks: "Tak for dit forslag!" },
    en: { name: "What is the activity called?", what: "What do people do there?", where: "Where is it? Who can people ask?", send: "Send the suggestion", thanks: "Thank you for your suggestion!" },
  }[language];
  await page.getByLabel(labels.name).fill(name);
  await page.getByLabel(labels.what).fill("Vi går en tur hver tirsdag. Bagefter drikker vi kaffe.");
  await page.getByLabel(labels.where).fill("Ved søen i Lyngbakken. Spørg efter Lone.");
  await page.locator("#suggest-centre-nord").check();
  await page.getByRole("button", { name: labels.send }).click();
  await page.getByText(labels.thanks).waitFor();
  // The thanks take the focus: keyboard and screen-reader users hear what happened.
  const focused = await page.evaluate(() => ({ result: document.activeElement?.classList.contains("result") ?? false, text: document.activeElement?.textContent ?? "" }));
  expect(focused.result).toBe(true);
  expect(focused.text).toContain(labels.thanks);
}

describe("a citizen's suggestion becomes a draft", () => {
  it("an anonymous visitor suggests an offer, and staff make it a draft", async () => {
    const name = `<script>alert("hej")</script> Gåklubben ${Date.now()}`;
    const visitor = await newVisitor(browser);
    await visitor.page.goto("/tilbud");
    await settled(visitor.page);
    await visitor.page.getByRole("link", { name: "Kender du et tilbud, som ikke er her? Fortæl os om det." }).click();
    await visitor.page.waitForURL("**/tilbud/foreslaa");
    await settled(visitor.page);
    await expect(h1(visitor.page)).resolves.toBe("Kender du et tilbud?");
    await suggest(visitor.page, name);
    await expect(visitor.page.locator("main").textContent()).resolves.toContain("En ansat i borgercentret læser dit forslag.");
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();

    const staff = await newVisitor(browser);
    await staff.context.addCookies(staffCookies);
    await staff.page.goto("/personale/forslag");
    await settled(staff.page);
    await expect(h1(staff.page)).resolves.toBe("Forslag fra borgere");
    // The script tag is shown as the text that was typed, and never runs.
    const card = staff.page.locator("article").filter({ has: staff.page.getByRole("heading", { level: 3, name }) });
    await expect(card.count()).resolves.toBe(1);
    await card.getByRole("button", { name: "Lav til kladde" }).click();
    const open = staff.page.getByRole("link", { name: "Åbn kladden" });
    await open.waitFor();
    const href = (await open.getAttribute("href"))!;
    expect(href).toMatch(/^\/personale\/tilbud\/[0-9a-f-]{36}$/);
    await expect(staff.page.getByRole("heading", { level: 3, name }).count()).resolves.toBe(0);

    const draft = await staff.page.request.get(`/api/directory/centres/nord/offers/${href.split("/").pop()}`);
    expect(draft.status()).toBe(200);
    expect(((await draft.json()) as { offer: { name: string; publication: string } }).offer).toMatchObject({ name, publication: "draft" });
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });
});

describe.each(["da", "en"] as const)("axe finds no WCAG 2.2 AA problems on the suggestion pages (%s)", (language) => {
  const titles = {
    suggest: { da: "Kender du et tilbud?", en: "Do you know an activity?" },
    queue: { da: "Forslag fra borgere", en: "Suggestions from citizens" },
  };

  async function open(path: string, cookies: Cookie[] = []) {
    const visitor = await newVisitor(browser, { language });
    await visitor.context.addCookies(cookies);
    await visitor.page.goto(path);
    await settled(visitor.page);
    return visitor;
  }

  it("on the form, with the error summary, and after sending", async () => {
    const { context, page, errors } = await open("/tilbud/foreslaa");
    await expect(h1(page)).resolves.toBe(titles.suggest[language]);
    await expect(page.getAttribute("html", "lang")).resolves.toBe(language);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("main form button[type=submit]").click();
    await page.locator(".error-summary").waitFor();
    await expect(page.locator(".error-summary li").count()).resolves.toBe(4);
    expect(await axeViolations(page)).toEqual([]);
    await suggest(page, `Axe ${language}`, language);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("on the staff queue, with a suggestion and the decline form open", async () => {
    const { context, page, errors } = await open("/personale/forslag", staffCookies);
    // Something in the queue: sent as the staff member, so it does not count against the address.
    const sent = await page.request.post("/api/directory/suggestions", {
      data: { name: `Til axe ${language}`, description: "En kort tekst.", where: "Ved søen.", centre_id: "nord", contact_email: "lone@example.dk" },
    });
    expect(sent.status()).toBe(201);
    await page.reload();
    await settled(page);
    await expect(h1(page)).resolves.toBe(titles.queue[language]);
    await page.getByRole("heading", { level: 3, name: `Til axe ${language}` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const card = page.locator("article").filter({ has: page.getByRole("heading", { level: 3, name: `Til axe ${language}` }) });
    await card.getByRole("button", { name: language === "da" ? "Afvis" : "Decline", exact: true }).click();
    await card.locator("form button[type=submit]").click();
    await page.locator(".error-summary").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
