import type { Browser, Cookie, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, newVisitor, settled } from "./browser.ts";
import { demo, freshEmail, sharedSessionCookies, signIn } from "./identity.ts";

/**
 * The citizen panel, tried as people would: a new citizen joins and answers the demo's open
 * 7-question consultation with the keyboard only (another with the mouse, double-clicking
 * send), and cannot answer twice; staff publish the closed café consultation, whose group of
 * 3 ("Andet") is hidden; anyone reads the result. Axe checks every page on the way.
 * Demo data: packages/core/src/panel/demo-panel.ts.
 */

const ACTIVITIES = "019ab000-0000-7000-8000-000000002001";
const CAFE = "019ab000-0000-7000-8000-000000002002";

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
const focusedText = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const label = el?.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : undefined;
    return `${el?.tagName.toLowerCase()}|${el?.getAttribute("type") ?? ""}|${(label ?? el?.textContent ?? "").trim()}`;
  });

/** Presses Tab until the focused element's "tag|type|text" matches, as a keyboard user moves through the page. */
async function tabTo(page: Page, wanted: RegExp, presses = 80): Promise<void> {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press("Tab");
    if (wanted.test(await focusedText(page))) return;
  }
  throw new Error(`Tab never reached ${wanted}; last: ${await focusedText(page)}`);
}

async function expectNoAxe(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** A new citizen, signed in through the real flow. */
async function newCitizen(label: string) {
  const visitor = await newVisitor(browser);
  await signIn(visitor.page, freshEmail(label));
  return visitor;
}

async function apiStatus(page: Page, path: string, body: unknown) {
  return page.evaluate(
    async ([p, b]) => (await fetch(p as string, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(b) })).status,
    [path, body] as const,
  );
}

async function respondents(): Promise<number> {
  const staff = await newVisitor(browser);
  await staff.context.addCookies(staffCookies);
  const answer = await staff.page.request.get(`/api/panel/centres/nord/consultations/${ACTIVITIES}/results`);
  const { respondents: n } = (await answer.json()) as { respondents: number };
  await staff.context.close();
  return n;
}

describe("a citizen joins and answers", () => {
  it("joins, answers 7 questions with the keyboard only, and cannot answer twice", async () => {
    const before = await respondents();
    const { page, context, errors } = await newCitizen("panel-keys");
    await page.goto("/borgerpanelet");
    await settled(page);
    await expect(h1(page)).resolves.toBe("Borgerpanelet");
    await expect(page.locator("main").textContent()).resolves.toContain("Hvordan melder du dig ud?");
    await expectNoAxe(page);

    // Join: consent, no profile, and the button.
    await tabTo(page, /^a\|\|Meld dig ind$/);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/borgerpanelet/tilmeld");
    await settled(page);
    await expectNoAxe(page);
    await tabTo(page, /^button\|submit\|Meld mig ind$/);
    await page.keyboard.press("Enter");
    await expect(page.locator(".error-summary").textContent()).resolves.toContain("Du skal sige ja til vilkårene");
    await tabTo(page, /^input\|checkbox\|Ja, jeg vil være med/);
    await page.keyboard.press("Space");
    await tabTo(page, /^button\|submit\|Meld mig ind$/);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/borgerpanelet/mine");
    await settled(page);
    await expect(page.locator("main").textContent()).resolves.toContain("Du er nu med i borgerpanelet.");
    await expectNoAxe(page);

    // The open consultation.
    await tabTo(page, /^a\|\|Svar på: Hvad synes du om centret\?$/);
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/borgerpanelet/svar/${ACTIVITIES}`);
    await settled(page);
    await expectNoAxe(page);
    await tabTo(page, /^button\|button\|Start$/);
    await page.keyboard.press("Enter");

    const progress = () => page.locator("main h2.progress").textContent();
    const next = async () => {
      await tabTo(page, /^button\|submit\|Næste$/);
      await page.keyboard.press("Enter");
    };
    // 1: one choice. Tab into the group, Space picks the first.
    await expect(progress()).resolves.toBe("Spørgsmål 1 af 7");
    await expectNoAxe(page);
    await tabTo(page, /^input\|radio\|.*Hver uge$/);
    await page.keyboard.press("Space");
    await next();
    // 2: several choices.
    await expect(progress()).resolves.toBe("Spørgsmål 2 af 7");
    await tabTo(page, /^input\|checkbox\|.*Ture ud af huset$/);
    await page.keyboard.press("Space");
    await tabTo(page, /^input\|checkbox\|.*Være sammen med andre$/);
    await page.keyboard.press("Space");
    await next();
    // 3: yes or no.
    await expect(progress()).resolves.toBe("Spørgsmål 3 af 7");
    await tabTo(page, /^input\|radio\|Ja$/);
    await page.keyboard.press("Space");
    await next();
    // 4: the faces; arrows move along the scale.
    await expect(progress()).resolves.toBe("Spørgsmål 4 af 7");
    await expectNoAxe(page);
    await tabTo(page, /^input\|radio\|.*Meget dårligt$/);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("#answer-q4-4").isChecked()).toBe(true);
    await next();
    // 5: short text; Enter in the box goes on.
    await expect(progress()).resolves.toBe("Spørgsmål 5 af 7");
    await tabTo(page, /^input\|text\|/);
    await page.keyboard.type("At jeg møder andre.");
    await page.keyboard.press("Enter");
    // 6: optional long text, skipped.
    await expect(progress()).resolves.toBe("Spørgsmål 6 af 7");
    await expect(page.locator("main").textContent()).resolves.toContain("Du må gerne springe over.");
    await next();
    // 7: back twice keeps the answers.
    await expect(progress()).resolves.toBe("Spørgsmål 7 af 7");
    for (let i = 0; i < 2; i++) {
      await tabTo(page, /^button\|button\|Tilbage$/);
      await page.keyboard.press("Enter");
    }
    await expect(progress()).resolves.toBe("Spørgsmål 5 af 7");
    await expect(page.locator("#answer-q5").inputValue()).resolves.toBe("At jeg møder andre.");
    await next();
    await next();
    // 7 is required: Next without an answer says so.
    await next();
    await expect(page.locator(".error-summary").textContent()).resolves.toContain("Svar på spørgsmålet.");
    await expectNoAxe(page);
    await tabTo(page, /^input\|radio\|Ja$/);
    await page.keyboard.press("ArrowDown");
    await next();

    // Check your answers, then send.
    await expect(page.locator("main h2").first().textContent()).resolves.toBe("Tjek dine svar");
    const check = await page.locator(".check-list").textContent();
    for (const answer of ["Hver uge", "Ture ud af huset, Være sammen med andre", "Godt", "At jeg møder andre.", "Ikke svaret", "Nej"]) expect(check).toContain(answer);
    await expectNoAxe(page);
    await tabTo(page, /^button\|button\|Send mine svar$/);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Tak for dine svar" }).waitFor();
    await expect(page.locator("main").textContent()).resolves.toContain("Hvad sker der nu?");
    // The send button is gone: focus lands on what comes next, not on the page's top.
    await expect(focusedText(page)).resolves.toBe("h2||Hvad sker der nu?");
    await expectNoAxe(page);

    // Not twice: the page says so, and the API refuses.
    await page.goto(`/borgerpanelet/svar/${ACTIVITIES}`);
    await settled(page);
    await expect(page.locator("main").textContent()).resolves.toContain("Du har svaret. Tak for det.");
    expect(await page.getByRole("button", { name: "Start" }).count()).toBe(0);
    expect(await apiStatus(page, `/api/panel/consultations/${ACTIVITIES}/answers`, { answers: { q1: "c1" } })).toBe(409);
    expect(await respondents()).toBe(before + 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("answers with the mouse, keeps a draft to continue later, and a double-click on send stores one answer", async () => {
    const before = await respondents();
    const { page, context, errors } = await newCitizen("panel-mouse");
    await page.goto("/borgerpanelet/tilmeld");
    await settled(page);
    await page.getByLabel("Ja, jeg vil være med i borgerpanelet").check();
    await page.locator("#panel-relation-relative").check();
    await page.getByRole("button", { name: "Meld mig ind" }).click();
    await page.waitForURL("**/borgerpanelet/mine");
    await page.getByRole("link", { name: "Svar på: Hvad synes du om centret?" }).click();
    await settled(page);
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByText("Hver måned").click();
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByText("Lave mad").click();
    await page.getByRole("button", { name: "Næste" }).click();
    // Save the draft and come back later.
    await page.getByRole("button", { name: "Gem og svar senere" }).click();
    await page.waitForURL("**/borgerpanelet/mine");
    await expect(page.locator("main").textContent()).resolves.toContain("Dine svar er gemt på denne computer.");
    await page.getByRole("link", { name: "Svar på: Hvad synes du om centret?" }).click();
    await settled(page);
    await expect(page.locator("main").textContent()).resolves.toContain("Vi har gemt dine svar fra sidst.");
    await expect(page.locator("main h2.progress").textContent()).resolves.toBe("Spørgsmål 3 af 7");
    await page.getByText("Nej", { exact: true }).click();
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByText("Meget godt").click();
    await page.getByRole("button", { name: "Næste" }).click();
    await page.locator("#answer-q5").fill("Maden. Ring til Jens på 12345678");
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByText("Ja", { exact: true }).click();
    await page.getByRole("button", { name: "Næste" }).click();
    await expect(page.locator(".check-list").textContent()).resolves.toContain("Lave mad");
    await page.getByRole("button", { name: "Send mine svar" }).dblclick();
    await page.getByRole("heading", { level: 1, name: "Tak for dine svar" }).waitFor();
    expect(await respondents()).toBe(before + 1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("staff and results", () => {
  it("staff see a group of 3 hidden, publish a summary, and anyone reads it", async () => {
    const staff = await newVisitor(browser);
    await staff.context.addCookies(staffCookies);
    const page = staff.page;
    await page.goto("/personale/borgerpanel");
    await settled(page);
    await expectNoAxe(page);
    await page.getByRole("link", { name: "Åbningstider i caféen" }).click();
    await page.waitForURL(`**/personale/borgerpanel/nord/${CAFE}`);
    await settled(page);
    await expect(page.locator("main").textContent()).resolves.toContain("24 af 25 har svaret.");
    await expectNoAxe(page);
    await page.getByRole("link", { name: "Se resultater" }).click();
    await page.waitForURL("**/resultat");
    await settled(page);
    await expectNoAxe(page);
    // "Andet" has 3 answers: hidden, and "Pårørende" (7) too, else 3 = total − the rest.
    const otherRow = page.locator("table", { hasText: "Hvem: Hvornår skal caféen åbne?" }).locator("tr", { hasText: "Andet" });
    await expect(otherRow.locator("td").textContent()).resolves.toBe("For få til at vise");
    await expect(page.locator("main").textContent()).resolves.toContain("Mere kage og kaffe.");
    await page.getByLabel("Kort resultat til alle").fill("De fleste vil have caféen åben kl. 10. Det gør vi fra januar.");
    await page.getByRole("button", { name: "Udgiv resultat" }).click();
    await page.getByText("Resultatet er udgivet.").waitFor();
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    for (const language of ["da", "en"] as const) {
      const visitor = await newVisitor(browser, { language });
      await visitor.page.goto("/borgerpanelet");
      await settled(visitor.page);
      await expectNoAxe(visitor.page);
      await visitor.page.getByRole("link", { name: "Åbningstider i caféen" }).click();
      await visitor.page.waitForURL(`**/borgerpanelet/resultater/${CAFE}`);
      await settled(visitor.page);
      await expect(visitor.page.locator("main").textContent()).resolves.toContain("De fleste vil have caféen åben kl. 10.");
      const tooFew = language === "da" ? "For få til at vise" : "Too few to show";
      const other = language === "da" ? "Andet" : "Other";
      const row = visitor.page.locator("table", { hasText: "Hvornår skal caféen åbne?" }).locator("tr", { hasText: other }).first();
      await expect(row.locator("td").first().textContent()).resolves.toBe(tooFew);
      // Free text is never public.
      await expect(visitor.page.locator("main").textContent()).resolves.not.toContain("Mere kage");
      // The chart, its table and its sentences carry the same numbers.
      await expect(visitor.page.locator("svg.chart").first().getAttribute("role")).resolves.toBe("img");
      await expectNoAxe(visitor.page);
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    }
  });

  it("staff build a consultation, preview it as a member, a segment that fits fewer than 5 is refused, and one that fits is sent with its progress", async () => {
    const staff = await newVisitor(browser);
    await staff.context.addCookies(staffCookies);
    const page = staff.page;
    await page.goto("/personale/borgerpanel/nord/ny");
    await settled(page);
    await expectNoAxe(page);
    await page.getByLabel("Titel").fill("Ny bus til centret");
    await page.getByLabel("Kort tekst til borgeren").fill("Vi vil købe en ny bus. Hvad skal den kunne?");
    await page.getByLabel("Spørgsmålet").fill("Hvor skal bussen køre hen?");
    await page.getByLabel("Valg 1", { exact: true }).fill("Til stranden");
    await page.getByLabel("Billede til valg 1").selectOption("sun");
    await page.getByLabel("Valg 2", { exact: true }).fill("Til byen");
    await page.getByRole("button", { name: "Se det som borger" }).click();
    await page.getByRole("heading", { name: "Sådan ser borgeren det" }).waitFor();
    await page.locator(".preview").getByRole("button", { name: "Start" }).click();
    await expect(page.locator(".preview h2.progress").textContent()).resolves.toBe("Spørgsmål 1 af 1");
    await expect(page.locator(".preview").textContent()).resolves.toContain("Til stranden");
    await expectNoAxe(page);
    await page.getByRole("button", { name: "Gem kladde" }).click();
    await page.waitForURL(/\/personale\/borgerpanel\/nord\/[0-9a-f-]{36}$/);
    await page.getByText("Kladden er gemt.").waitFor();
    // Only members under 18 at Borgercenter Syd: nobody in the demo panel.
    await page.getByText("Kun nogle grupper").click();
    await page.locator("#c-age-under_18").check();
    await page.locator("#c-area-syd").check();
    // Never the exact number of a small group.
    await page.getByRole("button", { name: "Tæl hvem der passer" }).click();
    await page.getByText("færre end 5 i panelet passer.").waitFor();
    await page.getByRole("button", { name: "Send ud til panelet" }).click();
    await expect(page.locator(".error-summary").textContent()).resolves.toContain("Gruppen er for lille. Der skal være mindst 5 i den, så ingen kan genkendes.");
    await expectNoAxe(page);
    // Without the age group it reaches the demo members at Borgercenter Syd (nobody who joins in these tests gives an area).
    await page.locator("#c-age-under_18").uncheck();
    await page.getByRole("button", { name: "Send ud til panelet" }).click();
    await page.getByText(/^Spørgsmålene er udgivet\. Vi sender dem nu til \d+\.$/).waitFor();
    await page.getByRole("status").filter({ hasText: /^Sendt til alle \d+\.$/ }).waitFor();
    await expectNoAxe(page);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });
});

describe("axe on the panel's signed-in pages in English", () => {
  it("finds no problems for a member or for staff", async () => {
    const member = await newVisitor(browser, { language: "en" });
    await signIn(member.page, freshEmail("panel-en"));
    const joined = await member.page.evaluate(async () =>
      (await fetch("/api/panel/membership", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ consent: true, contact: "site" }) })).status,
    );
    expect(joined).toBe(200);
    for (const [path, heading] of [
      ["/borgerpanelet/tilmeld", "Join"],
      ["/borgerpanelet/mine", "Your questions"],
      [`/borgerpanelet/svar/${ACTIVITIES}`, "Hvad synes du om centret?"],
    ] as const) {
      await member.page.goto(path);
      await settled(member.page);
      await expect(h1(member.page)).resolves.toBe(heading);
      await expectNoAxe(member.page);
    }
    // Staff's Danish words on the English page are marked Danish (WCAG 3.1.2); the site's own are not.
    await expect(member.page.locator("main h1").getAttribute("lang")).resolves.toBe("da");
    await member.page.getByRole("button", { name: "Start" }).click();
    await expect(member.page.locator("main legend, main label.question__text").first().getAttribute("lang")).resolves.toBe("da");
    await expect(member.page.getByRole("button", { name: "Next" }).getAttribute("lang")).resolves.toBeNull();
    expect(member.errors).toEqual([]);
    await member.context.close();

    const staff = await newVisitor(browser, { language: "en" });
    await staff.context.addCookies(staffCookies);
    for (const path of ["/personale/borgerpanel", `/personale/borgerpanel/nord/${ACTIVITIES}`, `/personale/borgerpanel/nord/${ACTIVITIES}/resultat`]) {
      await staff.page.goto(path);
      await settled(staff.page);
      await expectNoAxe(staff.page);
    }
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });
});
