import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, newVisitor, settled } from "./browser.ts";

/** Search for citizens (/tilbud/soeg) on the demo offers: typing, a filter, loosening it, opening a result, Back. */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => page.locator("main [role=status]").first();

/** Waits until the search has answered with a count (not "Søger …"). */
async function counted(page: Page, text: RegExp): Promise<void> {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector("main [role=status]")?.textContent ?? ""),
    text.source,
  );
}

/** Opens the folded filters (on a wide screen they start open). */
async function openFilters(page: Page): Promise<void> {
  const filters = page.getByRole("button", { name: /^(Filtre|Filters)/ });
  if ((await filters.getAttribute("aria-expanded")) === "false") await filters.click();
}

describe("searching for an offer", () => {
  it("types 'svøm', applies 'Kun gratis', loosens it again, opens the result, and comes back with Back", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await page.goto("/tilbud");
    await settled(page);
    await page.getByRole("link", { name: "Søg efter tilbud" }).click();
    await page.waitForURL("**/tilbud/soeg");
    await settled(page);
    await expect(page.title()).resolves.toBe("Søg i tilbud – Nærhed");
    await counted(page, /^Vi fandt \d+ tilbud\.$/);

    await page.getByRole("searchbox", { name: "Hvad leder du efter?" }).fill("svøm");
    await page.waitForURL(/\?q=sv%C3%B8m$/);
    await counted(page, /^Vi fandt 1 tilbud\.$/);
    await expect(page.locator("main article h2").allTextContents()).resolves.toEqual(["Svømning i varmt vand"]);

    // The swimming costs money: "Kun gratis" finds nothing, and the page says what to loosen.
    await openFilters(page);
    const free = page.getByRole("button", { name: "Kun gratis" });
    await free.click();
    await page.waitForURL(/free=true/);
    await counted(page, /^Vi fandt ingen tilbud\.$/);
    await expect(free.getAttribute("aria-pressed")).resolves.toBe("true");
    const loosen = page.getByRole("button", { name: "Vis også tilbud, der koster penge. Det giver 1 tilbud." });
    await loosen.click();
    await counted(page, /^Vi fandt 1 tilbud\.$/);
    expect(new URL(page.url()).searchParams.get("free")).toBeNull();
    await expect(status(page).evaluate((element) => element === document.activeElement)).resolves.toBe(true);

    // Back undoes the loosening: the address holds the search.
    await page.goBack();
    await counted(page, /^Vi fandt ingen tilbud\.$/);
    await expect(page.getByRole("button", { name: "Kun gratis" }).getAttribute("aria-pressed")).resolves.toBe("true");
    await page.goForward();
    await counted(page, /^Vi fandt 1 tilbud\.$/);

    await page.getByRole("link", { name: "Svømning i varmt vand", exact: true }).click();
    await page.waitForURL(/\/tilbud\/[0-9a-f-]{36}$/);
    await settled(page);
    await expect(page.locator("h1").textContent()).resolves.toBe("Svømning i varmt vand");

    await page.goBack();
    await page.waitForURL(/\/tilbud\/soeg\?q=sv%C3%B8m$/);
    await counted(page, /^Vi fandt 1 tilbud\.$/);
    await expect(page.getByRole("searchbox").inputValue()).resolves.toBe("svøm");

    expect(errors).toEqual([]);
    await context.close();
  });

  it("can be used with the keyboard only, on a phone where the filters start folded", async () => {
    const { context, page, errors } = await newVisitor(browser, { width: 375 });
    await page.goto("/tilbud/soeg");
    await settled(page);
    await page.getByRole("searchbox").focus();
    await page.keyboard.type("kaffe");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\?q=kaffe$/);
    await counted(page, /^Vi fandt \d+ tilbud\.$/);
    // Tab to "Filtre", open it with Enter, then Tab to "Kun gratis" and press it with the space bar.
    const filters = page.getByRole("button", { name: "Filtre" });
    for (let i = 0; i < 10 && !(await filters.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(filters.getAttribute("aria-expanded")).resolves.toBe("true");
    const free = page.getByRole("button", { name: "Kun gratis" });
    for (let i = 0; i < 30 && !(await free.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.waitForURL(/free=true/);
    await counted(page, /^Vi fandt \d+ tilbud\.$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("journey 1: a relative looks for a free Tuesday activity near 7000 for her brother in a wheelchair, on a phone", () => {
  it("finds a free, step-free activity for a 34-year-old near 7000 Fredericia on Tuesdays, and reaches the first result in at most 10 Tabs", async () => {
    const { context, page, errors } = await newVisitor(browser, { width: 375 });
    await page.goto("/tilbud/soeg");
    await settled(page);
    await counted(page, /^Vi fandt \d+ tilbud\.$/);

    const filters = page.getByRole("button", { name: /^Filtre/ });
    await expect(filters.getAttribute("aria-expanded")).resolves.toBe("false");
    await filters.click();
    await page.getByRole("button", { name: "Kun gratis" }).click();
    await page.getByRole("group", { name: "Adgang" }).getByRole("button", { name: "Uden trin" }).click();
    await page.getByRole("group", { name: "Dag" }).getByRole("button", { name: "Tirsdag" }).click();
    await page.getByRole("textbox", { name: "Din alder" }).fill("34");
    await page.getByRole("textbox", { name: "Dit postnummer" }).fill("7000");
    await page.waitForURL((url) => url.searchParams.get("postcode") === "7000" && url.searchParams.get("age") === "34");
    await counted(page, /^Vi fandt \d+ tilbud\.$/);

    // Nearest first: the three in Fredericia, each with its distance, before those in other towns.
    const cards = page.locator("main article");
    const nearest = await cards.evaluateAll((articles) => articles.slice(0, 3).map((a) => a.querySelector("h2")?.textContent));
    expect(nearest.sort()).toEqual(["Gruppe for pårørende", "Kørestolsbasket", "Syværksted"]);
    // Each card says when on Tuesday and in which town, so she need not open every offer.
    await expect(cards.first().textContent()).resolves.toMatch(/Hvornår(Hver tirsdag|Tirsdag \d+\. \p{L}+ \d{4}) kl\. \d\d:\d\d til \d\d:\d\d/u);
    await expect(cards.first().textContent()).resolves.toMatch(/HvorFredericia, \d+(,\d)? km væk/);
    await expect(cards.first().textContent()).resolves.toMatch(/Uden trin/);
    await expect(page.getByRole("button", { name: "Filtre (5)" }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // The same search opened again (a bookmark, a link from a relative): Tabs from the top of the page to the first result.
    await page.reload();
    await settled(page);
    await counted(page, /^Vi fandt \d+ tilbud\.$/);
    const firstResult = cards.first().getByRole("link").first();
    let tabs = 0;
    while (tabs < 40 && !(await firstResult.evaluate((element) => element === document.activeElement))) {
      await page.keyboard.press("Tab");
      tabs += 1;
    }
    expect(tabs).toBeLessThanOrEqual(10);
    // The first result sits in the first screen of a phone, not 2,400 px down.
    const top = await cards.first().evaluate((card) => card.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThan(812);

    await page.getByRole("link", { name: "Kørestolsbasket" }).click();
    await page.waitForURL(/\/tilbud\/[0-9a-f-]{36}$/);
    await settled(page);
    await expect(page.locator("main").textContent()).resolves.toMatch(/Hver tirsdag kl\. \d\d:\d\d til \d\d:\d\d/);
    const calendar = page.getByRole("link", { name: "Sæt tiderne i din kalender" });
    const ics = await page.request.get((await calendar.getAttribute("href"))!);
    expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(await ics.text()).toContain("RRULE:FREQ=WEEKLY;BYDAY=TU");
    expect(await axeViolations(page)).toEqual([]);

    // The link back returns to her search as it was, not to all offers (issue 17, item 3).
    await page.getByRole("link", { name: "Tilbage til din søgning" }).click();
    await page.waitForURL((url) => url.searchParams.get("postcode") === "7000" && url.searchParams.get("day") === "tu" && url.searchParams.get("free") === "true");
    await counted(page, /^Vi fandt \d+ tilbud\.$/);
    await expect(page.getByRole("button", { name: "Filtre (5)" }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe.each(["da", "en"] as const)("axe finds no WCAG 2.2 AA problems on search (%s)", (language) => {
  it.each([
    ["with results", "/tilbud/soeg?q=kaffe&category=meeting_place"],
    ["with nothing found and loosening buttons", "/tilbud/soeg?q=sv%C3%B8m&free=true&age=30"],
    ["with words that find nothing", "/tilbud/soeg?q=zebraer"],
  ])("%s", async (_name, path) => {
    const { context, page, errors } = await newVisitor(browser, { language });
    await page.goto(path);
    await settled(page);
    await counted(page, language === "da" ? /^Vi fandt/ : /^We found/);
    await expect(page.getAttribute("html", "lang")).resolves.toBe(language);
    // The age field with a wrong value shows its error: axe checks that state too.
    if (path.includes("zebraer")) {
      await openFilters(page);
      await page.getByRole("textbox", { name: language === "da" ? "Din alder" : "Your age" }).fill("abc");
      await page.locator(".field__error").waitFor();
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
