import type { Browser, Cookie, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, newVisitor, settled } from "./browser.ts";
import { demo, sessionCookies, sharedSessionCookies } from "./identity.ts";

/**
 * The citizen council as its people use it, on the demo council of Borgercenter Nord: the chair
 * (formand@example.dk) opens a vote on a proposal that is on the agenda, a member
 * (raadsmedlem@example.dk) votes and changes the vote, the chair stops the vote, and anyone sees
 * the result with its numbers and rule. Axe checks each page on the way.
 */

/** "Et fast møde med byrådets politikere": on the agenda in the demo data (packages/core/src/council/demo-council.ts). */
const PROPOSAL = "019ab000-0000-7000-8000-0000000c0103";
const TITLE = "Et fast møde med byrådets politikere";

let browser: Browser;
let chairCookies: Cookie[];
let memberCookies: Cookie[];

beforeAll(async () => {
  browser = await launchBrowser();
  chairCookies = await sessionCookies(browser, demo.chair.email);
  memberCookies = await sharedSessionCookies(browser, demo.council.email);
});

afterAll(async () => {
  await browser?.close();
});

const visitor = (cookies?: Cookie[]) => newVisitor(browser, { cookies });

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function ballotSection(page: Page) {
  await page.goto("/borgerraadet/mine-afstemninger");
  await settled(page);
  const section = page.getByRole("region", { name: TITLE });
  await section.waitFor();
  return section;
}

describe("a motion vote in the browser", () => {
  it("the chair opens a vote; a member votes, changes it and gets a receipt; the public page shows the result and the rule", async () => {
    // The chair opens the vote from the proposal's page.
    const chair = await visitor(chairCookies);
    await chair.page.goto(`/borgerraadet/nord/forslag/${PROPOSAL}`);
    await settled(chair.page);
    await chair.page.getByRole("heading", { name: "Start en afstemning" }).waitFor();
    expect(await axeViolations(chair.page)).toEqual([]);
    await chair.page.locator("#closes-date").fill(inDays(2));
    await chair.page.locator("#closes-time").fill("16:00");
    await chair.page.getByRole("button", { name: "Start afstemningen" }).click();
    await chair.page.getByText("Afstemningen er i gang. Rådet får besked.").waitFor();
    await chair.page.getByText("0 af 6 har stemt.").waitFor();

    // The member votes FOR, then changes to IMOD; the last one counts.
    const member = await visitor(memberCookies);
    const section = await ballotSection(member.page);
    expect(await axeViolations(member.page)).toEqual([]);
    await section.getByRole("button", { name: "Jeg stemmer FOR" }).click();
    await section.getByText("Du stemte FOR.").waitFor();
    await expect(section.getByText(/^Du kan ændre det indtil \S+ \d+\. \S+ kl\. 16\.00\.$/).count()).resolves.toBe(1);
    const receipt = (await section.getByText(/^Din kvittering: /).textContent())!.replace("Din kvittering: ", "");
    expect(receipt).toMatch(/^[A-Z2-9]{8}$/);
    expect(await axeViolations(member.page)).toEqual([]);
    await section.getByRole("button", { name: "Jeg stemmer IMOD" }).click();
    await section.getByText("Du stemte IMOD.").waitFor();
    await expect(section.getByText(`Din kvittering: ${receipt}`).count()).resolves.toBe(1);
    // After a reload the page still knows the vote.
    const again = await ballotSection(member.page);
    await again.getByText("Du stemte IMOD.").waitFor();
    await expect(again.getByRole("button", { name: "Jeg stemmer IMOD" }).getAttribute("aria-pressed")).resolves.toBe("true");

    // While it is open, the member comments on the proposal.
    await member.page.goto(`/borgerraadet/nord/forslag/${PROPOSAL}`);
    await settled(member.page);
    await member.page.locator("#comment").fill("Godt forslag. Lad os prøve det.");
    await member.page.getByRole("button", { name: "Send kommentar" }).click();
    await member.page.getByText("Godt forslag. Lad os prøve det.").last().waitFor();
    expect(await axeViolations(member.page)).toEqual([]);

    // The chair stops the vote; the result is public.
    await chair.page.reload();
    await settled(chair.page);
    await chair.page.getByRole("button", { name: "Stop afstemningen nu" }).click();
    await chair.page.getByText("Afstemningen er slut.").first().waitFor();

    const anyone = await visitor();
    await anyone.page.goto(`/borgerraadet/nord/forslag/${PROPOSAL}`);
    await settled(anyone.page);
    await anyone.page.getByText("Ikke afgjort. For få stemte.").first().waitFor();
    await expect(anyone.page.getByText("Imod: 1 af 1").count()).resolves.toBe(1);
    await expect(anyone.page.getByText("1 af 6 stemte. Det er for få.").count()).resolves.toBe(1);
    await expect(anyone.page.getByText(/Mindst 4 af 6 medlemmer skal stemme/).count()).resolves.toBe(1);
    await expect(anyone.page.getByText("Rasmus Rådsmedlem: Imod").count()).resolves.toBe(1);
    // The badge says what was decided; a visitor who could not vote is not asked for a receipt (issue 17, item 6).
    await expect(anyone.page.locator("main .badge").textContent()).resolves.toBe("Ikke afgjort. For få stemte.");
    await expect(anyone.page.locator("#receipt").count()).resolves.toBe(0);
    expect(await axeViolations(anyone.page)).toEqual([]);

    // The member's receipt is in the count.
    await member.page.goto(`/borgerraadet/nord/forslag/${PROPOSAL}`);
    await settled(member.page);
    await member.page.getByRole("textbox", { name: "Har du stemt? Skriv koden fra din kvittering her." }).fill(receipt);
    await member.page.getByRole("button", { name: "Tjek kvitteringen" }).click();
    await member.page.getByText("Ja. Stemmen med den kode er talt med.").waitFor();
    expect(await axeViolations(member.page)).toEqual([]);

    // And the council page lists it with its result.
    await anyone.page.goto("/borgerraadet/nord");
    await settled(anyone.page);
    const card = anyone.page.locator(".council-proposal").filter({ hasText: TITLE });
    await card.getByText("Ikke afgjort. For få stemte.").first().waitFor();
    // The rule is on the proposal's page, not repeated on every card.
    await expect(anyone.page.locator(".council-proposal").getByText(/^Regel/).count()).resolves.toBe(0);
    expect(await axeViolations(anyone.page)).toEqual([]);

    for (const visit of [chair, member, anyone]) {
      expect(visit.errors).toEqual([]);
      await visit.context.close();
    }
  });

  it("the council page shows meetings with place and access, minutes summary first, and a calendar feed", async () => {
    const anyone = await visitor();
    await anyone.page.goto("/borgerraadet/nord");
    await settled(anyone.page);
    const meetings = anyone.page.getByRole("region", { name: "Møder" });
    await meetings.getByText(/Teleslynge i salen/).first().waitFor();
    await expect(meetings.getByRole("link", { name: "Flere bænke ved stien" }).count()).resolves.toBe(1);
    const past = anyone.page.getByRole("region", { name: "Tidligere møder" });
    await past.getByText("Vi talte om caféen. Mange vil gerne have længere åbent. Rådet stemmer om det.").waitFor();
    const feed = await anyone.page.request.get((await meetings.getByRole("link", { name: "Sæt møderne i din kalender" }).getAttribute("href"))!);
    expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
    const ics = await feed.text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(anyone.errors).toEqual([]);
    await anyone.context.close();
  });

  it("an unknown choice is refused with a clear message", async () => {
    const member = await visitor(memberCookies);
    await member.page.goto("/borgerraadet/nord");
    await settled(member.page);
    const response = await member.page.request.put("/api/council/centres/nord/votes/019ab000-0000-7000-8000-0000000c0202/ballot", {
      data: { choice: "maybe", request_key: "e2e-unknown-choice" },
    });
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("Vælg en af de tre: for, imod eller hverken for eller imod.");
    await member.context.close();
  });
});
