import { randomUUID } from "node:crypto";
import type { Browser, Cookie, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, newVisitor, publishedOffers, settled } from "./browser.ts";
import { demo, focused, freshEmail, sessionCookies, sharedSessionCookies } from "./identity.ts";

/**
 * Staff curating their centre's offers: the list (/personale/tilbud) and the editor
 * (/personale/tilbud/nyt, /personale/tilbud/:id). The staff demo account (staff at nord)
 * signs in through /dev/outbox at most once per run (`sharedSessionCookies`, shared with the
 * other files), and every test reuses its cookie.
 */

let browser: Browser;
let staffCookies: Cookie[];
let citizenCookies: Cookie[];

beforeAll(async () => {
  browser = await launchBrowser();
  staffCookies = await sharedSessionCookies(browser, demo.staff.email);
  // A new address signs in as a new citizen (the demo citizen's sign-ins are used elsewhere).
  citizenCookies = await sessionCookies(browser, freshEmail("borger-tilbud"));
});

afterAll(async () => {
  await browser?.close();
});

const h1 = (page: Page) => page.locator("main h1").textContent();
const unique = (name: string) => `${name} ${randomUUID().slice(0, 6)}`;

async function asStaff(language?: "da" | "en") {
  const visitor = await newVisitor(browser, { language });
  await visitor.context.addCookies(staffCookies);
  return visitor;
}

/** Waits for the LIX hint of a text to settle on something matching `pattern`. */
const lixHint = (page: Page, id: string, pattern: RegExp) =>
  page.waitForFunction(
    ([hintId, source]) => new RegExp(source!).test(document.getElementById(hintId!)?.textContent ?? ""),
    [`${id}-lix`, pattern.source],
  );

/** A draft made through the API, as another tab would (same cookie). */
async function createDraft(page: Page, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const response = await page.request.post("/api/directory/centres/nord/offers", { data: { centre_id: "nord", ...body } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { offer: { id: string; version: number } }).offer;
}

const complete = {
  description: "Vi strikker og drikker kaffe. Alle kan være med.",
  organization_name: "Strikkeklubben Maske",
  status: "active",
  area: "Lyngbakken",
  category: "creative",
  free: true,
};

describe("staff curate their centre's offers", () => {
  it("create a draft, see the LIX hint, preview, publish, find it, check it with one click, archive it", async () => {
    const { context, page, errors } = await asStaff();
    const name = unique("Strikkecafé");

    // From My page to the list.
    await page.goto("/min-side");
    await settled(page);
    await page.getByRole("link", { name: "Ret jeres tilbud" }).click();
    await page.waitForURL("**/personale/tilbud");
    await settled(page);
    await expect(h1(page)).resolves.toBe("Jeres tilbud");

    await page.getByRole("link", { name: "Nyt tilbud" }).click();
    await page.waitForURL("**/personale/tilbud/nyt");
    await settled(page);
    await expect(h1(page)).resolves.toBe("Nyt tilbud");

    await page.getByLabel("Navn", { exact: true }).fill(name);
    const description = page.getByLabel("Hvad laver man");
    await description.fill(
      "Vi strikker. Kommunens borgercentre tilbyder forskelligartede aktiviteter, hvor deltagerne sammen undersøger naturområdernes plantearter og dyreliv i forbindelse med længerevarende vandreture.",
    );
    await lixHint(page, "description", /svær at læse.*En sætning er for lang/);
    await expect(page.locator(".lix__long mark").count()).resolves.toBe(1);
    await description.fill("Vi strikker og drikker kaffe. Alle kan være med. Du skal ikke kunne strikke.");
    await lixHint(page, "description", /^LIX \d+ – let at læse\. Målet er 30 eller under\.$/);
    await expect(page.locator(".lix__long mark").count()).resolves.toBe(0);

    // Save it incomplete: a draft may be.
    await page.getByRole("button", { name: "Gem kladde" }).click();
    await page.getByText("Vi har gemt tilbuddet.").waitFor();
    await page.waitForURL(/\/personale\/tilbud\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split("/").pop()!;

    // Fill in the rest.
    await page.getByRole("radio", { name: "Kreativt værksted" }).check();
    await page.getByLabel("Hvem står bag").fill("Strikkeklubben Maske");
    await page.getByRole("radio", { name: "Kører", exact: true }).check();
    await page.getByLabel("Bydel").fill("Lyngbakken");
    await page.getByLabel("Adresse", { exact: true }).fill("Lyngbakken 4");
    await page.getByLabel("Postnummer").fill("8200");
    await page.getByLabel("By", { exact: true }).fill("Aarhus N");
    await page.getByRole("radio", { name: "Ja" }).check();

    // See it as a citizen would.
    await page.getByRole("button", { name: "Se som borger" }).click();
    await expect(h1(page)).resolves.toBe(name);
    await expect(focused(page)).resolves.toMatchObject({ tag: "h1", text: name });
    const preview = (await page.locator("main").textContent()) ?? "";
    expect(preview).toContain("Vi strikker og drikker kaffe.");
    expect(preview).toContain("Lyngbakken 4");
    expect(preview).toContain("Gratis");
    await page.getByRole("button", { name: "Tilbage til at rette" }).click();
    await expect(page.getByLabel("Postnummer").inputValue()).resolves.toBe("8200");

    // Publish (the typed changes are saved first).
    await page.getByRole("button", { name: "Udgiv" }).click();
    await page.getByText("Tilbuddet er udgivet. Borgerne kan se det nu.").waitFor();
    expect((await publishedOffers()).map((offer) => offer.id)).toContain(id);
    await page.getByRole("link", { name: "Se tilbuddet, som borgerne ser det" }).click();
    await page.waitForURL((url) => url.pathname === `/tilbud/${id}`);
    await settled(page);
    await expect(h1(page)).resolves.toBe(name);
    await expect(page.locator("main").textContent()).resolves.toContain("Lyngbakken 4");

    // On the list, found by the start of its name (the list comes a page at a time): checked today, with one click.
    await page.goto("/personale/tilbud");
    await settled(page);
    await page.getByRole("searchbox", { name: "Søg efter navn" }).fill(name.toLocaleUpperCase("da"));
    await page.keyboard.press("Enter");
    await page.getByText("Du ser 1 tilbud.").waitFor();
    await page.getByRole("group", { name: "Vis" }).getByRole("button", { name: "Udgivet" }).click();
    await page.getByText("Du ser 1 tilbud.").waitFor();
    const row = page.locator("main article").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(row.textContent()).resolves.toContain("Udgivet");
    await row.getByRole("button", { name: `Tjekket i dag: ${name}` }).click();
    await page.getByText(`Godt. ${name} er tjekket i dag.`).waitFor();

    // Archive, after saying yes.
    await row.getByRole("link", { name, exact: true }).click();
    await page.waitForURL(`**/personale/tilbud/${id}`);
    await settled(page);
    await page.getByRole("button", { name: "Arkiver" }).click();
    await page.getByRole("button", { name: "Ja, arkiver" }).click();
    await page.getByRole("status").filter({ hasText: "Tilbuddet er arkiveret." }).waitFor();
    await expect(page.getByRole("button", { name: "Gem kladde" }).count()).resolves.toBe(0);
    expect((await publishedOffers()).map((offer) => offer.id)).not.toContain(id);
    await page.goto(`/tilbud/${id}`);
    await settled(page);
    await expect(h1(page)).resolves.toBe("Vi kan ikke finde tilbuddet");

    expect(errors).toEqual([]);
    await context.close();
  });

  it("works with the keyboard only: fill in, save, and follow an error to its field", async () => {
    const { context, page, errors } = await asStaff();
    await page.goto("/personale/tilbud/nyt");
    await settled(page);

    const tabTo = async (check: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 60) => {
      for (let presses = 0; presses < limit; presses += 1) {
        await page.keyboard.press("Tab");
        const now = await focused(page);
        if (check(now)) return now;
      }
      throw new Error("never reached with Tab");
    };

    await tabTo((f) => f.id === "name", 20);
    const name = unique("Tastatur");
    await page.keyboard.type(name);
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatchObject({ id: "alternate_name" });
    // Into the radios of "Type", and pick the second one with the arrow key.
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatchObject({ id: "category-sport" });
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "Kreativt værksted" }).isChecked()).resolves.toBe(true);
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatchObject({ id: "description" });
    await page.keyboard.type("Vi tegner sammen. Du kan bare komme.");
    await lixHint(page, "description", /let at læse/);

    await tabTo((f) => f.tag === "button" && f.text === "Gem kladde");
    await page.keyboard.press("Enter");
    await page.getByText("Vi har gemt tilbuddet.").waitFor();
    await expect(focused(page)).resolves.toMatchObject({ tag: "button", text: "Gem kladde" });

    // Publishing the incomplete draft: the summary takes focus; its link takes you to the field.
    await tabTo((f) => f.tag === "button" && f.text === "Udgiv", 5);
    await page.keyboard.press("Enter");
    await page.locator(".error-summary").waitFor();
    await expect(focused(page)).resolves.toMatchObject({ className: expect.stringContaining("error-summary") });
    await page.keyboard.press("Tab");
    const link = await focused(page);
    expect(link.tag).toBe("a");
    const target = await page.evaluate(() => document.activeElement?.getAttribute("href")?.slice(1));
    await page.keyboard.press("Enter");
    await expect(focused(page)).resolves.toMatchObject({ id: target });

    expect(errors).toEqual([]);
    await context.close();
  });

  it("a citizen gets 'Du har ikke adgang'", async () => {
    const { context, page } = await newVisitor(browser);
    await context.addCookies(citizenCookies);
    for (const path of ["/personale/tilbud", "/personale/tilbud/nyt"]) {
      await page.goto(path);
      await settled(page);
      await expect(h1(page)).resolves.toBe("Du har ikke adgang");
    }
    await context.close();
  });
});

describe.each(["da", "en"] as const)("axe finds no WCAG 2.2 AA problems on the staff offer pages (%s)", (language) => {
  const text = {
    da: { list: "Jeres tilbud", new: "Nyt tilbud", save: "Gem kladde", publish: "Udgiv", preview: "Se som borger", conflict: "En anden har ændret tilbuddet" },
    en: { list: "Your activities", new: "New activity", save: "Save draft", publish: "Publish", preview: "See as a citizen", conflict: "Someone else has changed the activity" },
  }[language];

  async function check(page: Page, errors: string[]) {
    await expect(page.getAttribute("html", "lang")).resolves.toBe(language);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }

  it("on the list", async () => {
    const { context, page, errors } = await asStaff(language);
    await createDraft(page, { name: unique("Liste"), ...complete });
    await page.goto("/personale/tilbud");
    await settled(page);
    await expect(h1(page)).resolves.toBe(text.list);
    await expect(page.locator("main article").count()).resolves.toBeGreaterThan(0);
    await check(page, errors);
    await context.close();
  });

  it("on the empty editor, and its preview", async () => {
    const { context, page, errors } = await asStaff(language);
    await page.goto("/personale/tilbud/nyt");
    await settled(page);
    await expect(h1(page)).resolves.toBe(text.new);
    await check(page, errors);
    await page.locator("#name").fill("Gåtur");
    await page.locator("#description").fill("Vi går en tur. Meget lang tekst med rigtig mange ord som gør sætningen alt for lang at læse for de fleste mennesker i byen.");
    await lixHint(page, "description", /LIX/);
    await check(page, errors);
    await page.getByRole("button", { name: text.preview }).click();
    await expect(h1(page)).resolves.toBe("Gåtur");
    await check(page, errors);
    await context.close();
  });

  it("on the editor with errors", async () => {
    const { context, page, errors } = await asStaff(language);
    const draft = await createDraft(page, { name: unique("Mangler") });
    await page.goto(`/personale/tilbud/${draft.id}`);
    await settled(page);
    await page.getByRole("button", { name: text.publish, exact: true }).click();
    await page.locator(".error-summary").waitFor();
    await expect(page.locator(".field--error").count()).resolves.toBeGreaterThan(3);
    await check(page, errors);
    await context.close();
  });

  it("on the editor with a conflict notice", async () => {
    const { context, page, errors } = await asStaff(language);
    const name = unique("Konflikt");
    const draft = await createDraft(page, { name, ...complete });
    await page.goto(`/personale/tilbud/${draft.id}`);
    await settled(page);
    // Someone else saves first.
    const other = await page.request.put(`/api/directory/centres/nord/offers/${draft.id}`, {
      data: { version: draft.version, offer: { name, centre_id: "nord", ...complete, area: "Trøjborg" } },
    });
    expect(other.status()).toBe(200);
    await page.locator("#description").fill("Vi strikker sammen hver uge.");
    await page.getByRole("button", { name: text.save }).click();
    const notice = page.getByRole("region", { name: text.conflict });
    await notice.waitFor();
    await expect(notice.locator("li").count()).resolves.toBe(2);
    await check(page, errors);
    await context.close();
  });
});

describe("a narrow phone screen (320 px)", () => {
  it("never needs sideways scrolling on the staff offer pages", async () => {
    const { context, page } = await newVisitor(browser, { width: 320 });
    await context.addCookies(staffCookies);
    const wide: string[] = [];
    for (const path of ["/personale/tilbud", "/personale/tilbud/nyt"]) {
      await page.goto(path);
      await settled(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${path}: ${width} px`);
    }
    expect(wide).toEqual([]);
    await context.close();
  });
});
