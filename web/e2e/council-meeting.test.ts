import { randomUUID } from "node:crypto";
import type { Browser, Cookie } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, newVisitor, settled } from "./browser.ts";
import { demo, sharedSessionCookies } from "./identity.ts";

/**
 * Votes taken at a meeting (issue 16) and planned meetings changed or cancelled (issue 17, item
 * 12), on the demo council of Borgercenter Nord. The chair (formand@example.dk) writes down a
 * show of hands from the demo's past meeting, whose minutes say who came (5 of the 6 members in
 * term then); anyone then reads that the proposal was decided at the meeting, by the same quorum
 * rule as online. The platform is shared with council.test.ts: the proposal is this test's own,
 * and the meeting it plans is cancelled, so it leaves the calendar feed that test counts.
 */

/** The demo's meetings are held here (packages/local/src/demo/council.ts). */
const DEMO_PLACE = "Borgercenter Nord, mødesal 1, Nørregade 4";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let browser: Browser;
let chairCookies: Cookie[];

beforeAll(async () => {
  browser = await launchBrowser();
  chairCookies = await sharedSessionCookies(browser, demo.chair.email);
});

afterAll(async () => {
  await browser?.close();
});

const visitor = (cookies?: Cookie[]) => newVisitor(browser, { cookies });

describe("a vote taken at the meeting", () => {
  it("the chair writes down a show of hands; the public result says it was decided at the meeting, with the same quorum rule", async () => {
    const chair = await visitor(chairCookies);
    // A proposal of this test's own, on the agenda (the steps before are the inbox's, tested in council.test.ts).
    const title = `Vand i haven ${randomUUID().slice(0, 4)}`;
    await chair.page.goto("/borgerraadet/nord");
    await settled(chair.page);
    const created = await chair.page.request.post("/api/council/centres/nord/proposals", { data: { title, summary: "Vi vil vande haven.", body: "Haven tørrer ud om sommeren." } });
    expect(created.status()).toBe(201);
    const proposalId = ((await created.json()) as { proposal: { id: string } }).proposal.id;
    expect((await chair.page.request.post(`/api/council/centres/nord/proposals/${proposalId}/accept`)).status()).toBe(200);

    // From the council page to the meetings page by keyboard.
    await chair.page.reload();
    await settled(chair.page);
    await chair.page.getByRole("link", { name: "Møder og referater" }).focus();
    await chair.page.keyboard.press("Enter");
    await chair.page.waitForURL("**/borgerraadet/nord/moeder");
    await settled(chair.page);
    const held = chair.page.locator("li.card").filter({ hasText: DEMO_PLACE }).filter({ has: chair.page.getByRole("button", { name: /^Skriv afstemning fra mødet / }) });
    await held.getByRole("button", { name: /^Skriv afstemning fra mødet / }).click();
    await chair.page.getByRole("heading", { name: /^Afstemning på mødet / }).waitFor();
    await chair.page.getByText("Med på mødet: Frida Formand, Rasmus Rådsmedlem, Karen Hansen, Peter Personale, Lene Frivillig.").waitFor();
    expect(await axeViolations(chair.page)).toEqual([]);

    await chair.page.getByRole("radio", { name: title }).check();
    // A hand missing: the API says so, at the first member's choice.
    await chair.page.getByRole("button", { name: "Gem afstemningen" }).click();
    const summary = chair.page.locator(".error-summary");
    await summary.getByRole("link", { name: "Vælg for, imod eller hverken for eller imod for hver, der var med på mødet." }).waitFor();
    expect(await axeViolations(chair.page)).toEqual([]);

    const hands: [string, string][] = [
      ["Frida Formand", "For"],
      ["Rasmus Rådsmedlem", "For"],
      ["Karen Hansen", "For"],
      ["Peter Personale", "Imod"],
      ["Lene Frivillig", "Hverken for eller imod"],
    ];
    for (const [name, choice] of hands) await chair.page.getByRole("group", { name: `Hvad stemte ${name}?` }).getByLabel(choice, { exact: true }).check();
    await chair.page.getByRole("button", { name: "Gem afstemningen" }).click();
    await chair.page.getByText("Afstemningen er gemt. Alle kan se resultatet.").waitFor();
    await chair.page.getByRole("link", { name: "Se resultatet" }).click();
    await chair.page.waitForURL(`**/borgerraadet/nord/forslag/${proposalId}`);

    // Anyone reads how it was decided.
    const anyone = await visitor();
    await anyone.page.goto(`/borgerraadet/nord/forslag/${proposalId}`);
    await settled(anyone.page);
    await expect(anyone.page.locator("main .badge").textContent()).resolves.toBe("Vedtaget");
    await anyone.page.getByText(/^Afgjort på mødet \S+ \d+\. \S+ kl\. \d+\.\d+\./).waitFor();
    await expect(anyone.page.getByText("5 af 6 var med og stemte. Det er nok.").count()).resolves.toBe(1);
    // The same rule as online: more than half of the members must take part.
    await expect(anyone.page.getByText(/Mindst 4 af 6 medlemmer skal stemme\..*På mødet stemmer alle, der er med\./).count()).resolves.toBe(1);
    await expect(anyone.page.getByText("Peter Personale: Imod").count()).resolves.toBe(1);
    expect(await axeViolations(anyone.page)).toEqual([]);

    // The easy-read page it links to.
    await anyone.page.getByRole("link", { name: "Sådan stemmer vi på mødet" }).click();
    await anyone.page.getByRole("heading", { level: 1, name: "Sådan stemmer vi på mødet" }).waitFor();
    await expect(anyone.page.locator(".picture-steps__step svg").count()).resolves.toBe(8);
    expect(await axeViolations(anyone.page)).toEqual([]);

    for (const visit of [chair, anyone]) {
      expect(visit.errors).toEqual([]);
      await visit.context.close();
    }
  });
});

describe("a planned meeting changed and cancelled", () => {
  it("the chair moves a meeting, then cancels it; the public page marks it cancelled with the reason", async () => {
    const chair = await visitor(chairCookies);
    await chair.page.goto("/borgerraadet/nord/moeder");
    await settled(chair.page);
    const place = `Lokale ${randomUUID().slice(0, 6)}, Nordvej 2`;
    await chair.page.locator("#meeting-date").fill(inDays(10));
    await chair.page.locator("#meeting-place").fill(place);
    await chair.page.locator("#meeting-access").fill("Ingen trin.");
    await chair.page.getByRole("button", { name: "Lav mødet" }).click();
    await chair.page.getByText("Mødet er lavet. Alle kan se det nu.").waitFor();

    const card = chair.page.locator("li.card").filter({ hasText: place });
    await card.getByRole("button", { name: /^Ret mødet / }).click();
    await chair.page.getByRole("heading", { name: /^Ret mødet / }).waitFor();
    await expect(chair.page.locator("#meeting-place").inputValue()).resolves.toBe(place);
    await chair.page.locator("#meeting-start").fill("17:00");
    await chair.page.locator("#meeting-end").fill("19:00");
    await chair.page.getByRole("button", { name: "Gem ændringerne" }).click();
    await chair.page.getByText("Mødet er ændret. Rådet får besked.").waitFor();
    await card.getByText(/kl\. 17\.00/).waitFor();

    await card.getByRole("button", { name: /^Aflys mødet / }).click();
    await chair.page.locator("#cancel-reason").fill("Salen er optaget.");
    expect(await axeViolations(chair.page)).toEqual([]);
    await chair.page.getByRole("button", { name: "Ja, aflys mødet" }).click();
    await chair.page.getByText("Mødet er aflyst. Rådet får besked.").waitFor();
    await card.getByText("Aflyst").waitFor();

    const anyone = await visitor();
    await anyone.page.goto("/borgerraadet/nord");
    await settled(anyone.page);
    const shown = anyone.page.locator("li.card").filter({ hasText: place });
    await shown.getByText("Mødet er aflyst. Hvorfor: Salen er optaget.").waitFor();
    expect(await axeViolations(anyone.page)).toEqual([]);
    for (const visit of [chair, anyone]) {
      expect(visit.errors).toEqual([]);
      await visit.context.close();
    }
  });
});
