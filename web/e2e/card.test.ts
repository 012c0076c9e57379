import type { Browser, BrowserContext, Cookie } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, newVisitor, settled } from "./browser.ts";
import { demo, freshEmail, sessionCookies, sharedSessionCookies } from "./identity.ts";

/**
 * Issue 16, flow 1, in the browser: staff make a person without email and print a card; the
 * person signs in with the card (the QR link and the typed code), sees "Du har 1 afstemning" and
 * votes with a supporter; the log shows the help, not the choice; the card is stopped and at
 * once works no more.
 */

let browser: Browser;
let staffCookies: Cookie[];
let adminCookies: Cookie[];

/**
 * Borgercenter Midt: no other e2e file uses its council, so the member added here changes no
 * other file's vote counts (the files share one platform and may run at the same time).
 */
const CENTRE = "midt";

beforeAll(async () => {
  browser = await launchBrowser();
  adminCookies = await sharedSessionCookies(browser, demo.admin.email);
  // A staff member of Midt, invited by the admin as a municipality would.
  const staffEmail = freshEmail("staff-midt");
  const admin = await newVisitor(browser);
  await admin.context.addCookies(adminCookies);
  await api(admin.context, "POST", "/api/identity/invitations", { email: staffEmail, display_name: "Mette Midt", role: "staff", centre_id: CENTRE });
  await admin.context.close();
  staffCookies = await sessionCookies(browser, staffEmail);
});

afterAll(async () => {
  await browser?.close();
});

const visitor = (cookies?: Cookie[]) => newVisitor(browser, { cookies });

/** An API call in a visitor's session, as the page's own fetch would make it. */
async function api(context: BrowserContext, method: string, path: string, data?: unknown) {
  const response = await context.request.fetch(path, { method, ...(data === undefined ? {} : { data }) });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.status() === 204 ? undefined : await response.json();
}

describe("a person without email, with a sign-in card", () => {
  it("is made and carded by staff, signs in by QR and by code, votes with a supporter, and the stopped card works no more", async () => {
    const name = `Kaj Kort ${Date.now() % 100000}`;
    const staff = await visitor(staffCookies);

    // Staff make the person, with the person present, and see that they have no email.
    await staff.page.goto("/personale/personer");
    await settled(staff.page);
    await staff.page.getByRole("heading", { name: "Personer uden mail" }).waitFor();
    expect(await axeViolations(staff.page)).toEqual([]);
    await staff.page.locator("#person-name").fill(name);
    await staff.page.getByRole("button", { name: "Lav personen" }).click();
    await staff.page.getByText("Sæt flueben, når personen er her.").first().waitFor();
    await staff.page.getByLabel("Personen er her sammen med mig").check();
    await staff.page.getByRole("button", { name: "Lav personen" }).click();
    await staff.page.getByText(`${name} er lavet. Nu kan du printe et kort.`).waitFor();
    const row = staff.page.getByRole("listitem").filter({ has: staff.page.getByRole("heading", { name }) });
    await row.getByText("Ingen mail · Intet kort").waitFor();

    // The card: made with the person present, printed on A6 with the name, QR code and typed code.
    await row.getByRole("link", { name: `Print kort til ${name}` }).click();
    await staff.page.getByRole("heading", { name: "Print kort" }).waitFor();
    await staff.page.getByLabel("Personen er her sammen med mig").check();
    const issued = staff.page.waitForResponse((response) => response.url().endsWith("/card") && response.request().method() === "POST");
    await staff.page.getByRole("button", { name: "Lav kortet" }).click();
    const { card } = (await (await issued).json()) as { card: { person_id: string; code: string; token: string } };
    const printed = staff.page.locator(".sign-in-card");
    await printed.getByRole("heading", { name }).waitFor();
    await printed.getByRole("img", { name: "QR-kode. Scan den for at logge ind." }).waitFor();
    expect(await printed.locator(".sign-in-card__code").textContent()).toBe(`${card.code.slice(0, 3)}-${card.code.slice(3, 6)}-${card.code.slice(6)}`);
    await printed.getByText("Scan QR-koden med kameraet på din telefon.").waitFor();
    expect(await axeViolations(staff.page)).toEqual([]);

    // The person sits on the council, and a vote opens (through the API, as the council pages do it).
    await api(staff.context, "PUT", `/api/council/centres/${CENTRE}/members`, {
      person_id: card.person_id,
      display_name: name,
      role: "member",
      kind: "citizen",
      term_from: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    });
    const proposal = (await api(staff.context, "POST", `/api/council/centres/${CENTRE}/proposals`, { title: `Flere bænke ${name}`, summary: "Flere bænke ved søen.", body: "Så kan flere gå en tur." })).proposal;
    if (proposal.status === "submitted") await api(staff.context, "POST", `/api/council/centres/${CENTRE}/proposals/${proposal.id}/accept`);
    const vote = (await api(staff.context, "POST", `/api/council/centres/${CENTRE}/proposals/${proposal.id}/vote`, { closes_at: new Date(Date.now() + 2 * 86_400_000).toISOString(), ballot: "open" })).vote;

    // Scanning: the QR link signs the person in on this device and leads to My page, which says a vote waits.
    const scanned = await visitor();
    await scanned.page.goto(`/kort#t=${card.token}`);
    await scanned.page.waitForURL("**/min-side");
    await scanned.page.getByRole("link", { name: "Du har 1 afstemning" }).waitFor();
    expect(scanned.page.url()).not.toContain(card.token);

    // Typing: the code from the card, on another device; the front page says it too.
    const person = await visitor();
    await person.page.goto("/kort");
    await settled(person.page);
    expect(await axeViolations(person.page)).toEqual([]);
    await person.page.getByLabel("Koden på kortet").fill(card.code.toLowerCase());
    await person.page.getByRole("button", { name: "Log ind" }).click();
    await person.page.waitForURL("**/min-side");
    await person.page.goto("/");
    await settled(person.page);
    await person.page.getByRole("link", { name: "Du har 1 afstemning" }).click();

    // Voting with a supporter beside them.
    const ballot = person.page.getByRole("region", { name: proposal.title });
    await ballot.waitFor();
    await ballot.getByLabel("Har du en bisidder med? Skriv navnet (kan udelades)").fill("Birthe Bisidder");
    expect(await axeViolations(person.page)).toEqual([]);
    await ballot.getByRole("button", { name: "Jeg stemmer FOR" }).click();
    await ballot.getByText("Du fik hjælp af Birthe Bisidder.").waitFor();

    // The log: the help and its time, not the choice.
    const admin = await visitor(adminCookies);
    await admin.page.goto(`/admin/log?item=${encodeURIComponent(`council:vote:${vote.id}`)}`);
    await settled(admin.page);
    const help = admin.page.getByRole("row").filter({ hasText: /assisted by Birthe Bisidder at \d\d:\d\d/ });
    await help.waitFor();
    expect(await help.textContent()).toContain(name);
    const rows = await admin.page.getByRole("row").allTextContents();
    // No line about this vote says how anyone voted: neither the help nor any other.
    expect(rows.filter((row) => /\b(for|imod|against|abstain)\b/i.test(row.replace(/assisted by Birthe Bisidder/, "")))).toEqual([]);

    // Lost card: one click (with the person present); the card and its sessions stop at once.
    await staff.page.goto("/personale/personer");
    await settled(staff.page);
    await staff.page.getByLabel("Personen er her sammen med mig").check();
    await staff.page.getByRole("button", { name: `Kortet er væk: stop kortet til ${name}` }).click();
    await staff.page.getByText(`Kortet til ${name} virker ikke mere.`).waitFor();

    await person.page.goto("/min-side");
    await person.page.waitForURL("**/logind**");
    const again = await visitor();
    await again.page.goto("/kort");
    await settled(again.page);
    await again.page.getByLabel("Koden på kortet").fill(card.code);
    await again.page.getByRole("button", { name: "Log ind" }).click();
    await again.page.getByText("Kortet virker ikke mere. Spørg personalet.").waitFor();
    expect(await again.page.locator("main").textContent()).not.toContain(name);
    await again.page.goto(`/kort#t=${card.token}`);
    await again.page.getByText("Kortet virker ikke mere. Spørg personalet.").waitFor();

    // The easy-read how-tos, a picture per step.
    for (const [path, heading] of [
      ["/hjaelp/kort", "Sådan logger du ind med dit kort"],
      ["/hjaelp/bisidder", "Sådan stemmer du med en bisidder"],
      ["/hjaelp/beskeder", "Sådan får du beskeder"],
    ] as const) {
      await again.page.goto(path);
      await settled(again.page);
      await again.page.getByRole("heading", { level: 1, name: heading }).waitFor();
      expect(await again.page.locator(".picture-steps li svg.pictogram").count()).toBe(6);
      expect(await axeViolations(again.page)).toEqual([]);
    }

    for (const visit of [staff, scanned, person, admin, again]) await visit.context.close();
  }, 180_000);
});
