import { randomUUID } from "node:crypto";
import type { Browser, Cookie } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, newVisitor, settled } from "./browser.ts";
import { demo, freshEmail, sharedSessionCookies } from "./identity.ts";

/**
 * The council's staff tools on the demo council of Borgercenter Nord: staff
 * (personale@example.dk) add a member and change them, plan a meeting and publish its minutes;
 * anyone then reads the minutes on the public council page. Axe checks both pages.
 *
 * The platform is shared with council.test.ts, which counts the members in term and the
 * upcoming meetings: the new member starts next month, and the meeting was yesterday.
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

const visitor = (cookies?: Cookie[]) => newVisitor(browser, { cookies });

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("the council's staff tools", () => {
  it("staff add a member and change their role; the list keeps them with role, kind and term", async () => {
    const staff = await visitor(staffCookies);
    await staff.page.goto("/borgerraadet/nord");
    await settled(staff.page);
    // From the council page by keyboard.
    await staff.page.getByRole("link", { name: "Ret medlemmer" }).focus();
    await staff.page.keyboard.press("Enter");
    await staff.page.waitForURL("**/borgerraadet/nord/medlemmer");
    await settled(staff.page);
    await staff.page.getByRole("heading", { name: "Frida Formand" }).waitFor();
    await staff.page.getByRole("heading", { name: "Gert Nielsen" }).waitFor();
    expect(await axeViolations(staff.page)).toEqual([]);

    // Nothing filled in: the summary says what is missing.
    await staff.page.getByRole("button", { name: "Gem", exact: true }).click();
    await staff.page.getByRole("link", { name: "Skriv personens navn." }).waitFor();
    await expect(staff.page.getByRole("link", { name: "Skriv personens mail." }).count()).resolves.toBe(1);
    expect(await axeViolations(staff.page)).toEqual([]);

    const name = `Maja Møller ${randomUUID().slice(0, 4)}`;
    await staff.page.locator("#member-name").fill(name);
    await staff.page.locator("#member-email").fill(freshEmail("raad"));
    await staff.page.getByLabel("Pårørende").check();
    await staff.page.locator("#term-from").fill(inDays(30));
    await staff.page.getByRole("button", { name: "Gem", exact: true }).click();
    await staff.page.getByText(`${name} er gemt.`).waitFor();
    const card = staff.page.locator("li.card").filter({ has: staff.page.getByRole("heading", { name }) });
    await card.getByText("Starter senere").waitFor();
    await expect(card.getByText(/^Medlem\. Pårørende\. Fra /).count()).resolves.toBe(1);

    // Change the role.
    await card.getByRole("button", { name: `Ret ${name}` }).click();
    await staff.page.getByRole("heading", { name: `Ret ${name}` }).waitFor();
    await expect(staff.page.locator("#member-name").inputValue()).resolves.toBe(name);
    await staff.page.getByLabel("Sekretær").check();
    await staff.page.getByRole("button", { name: "Gem", exact: true }).click();
    await staff.page.getByText(`${name} er gemt.`).waitFor();
    await card.getByText(/^Sekretær\. Pårørende\. Fra /).waitFor();
    expect(await axeViolations(staff.page)).toEqual([]);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });

  it("staff plan a meeting and publish its minutes; the public council page shows them", async () => {
    const staff = await visitor(staffCookies);
    await staff.page.goto("/borgerraadet/nord");
    await settled(staff.page);
    await staff.page.getByRole("link", { name: "Møder og referater" }).focus();
    await staff.page.keyboard.press("Enter");
    await staff.page.waitForURL("**/borgerraadet/nord/moeder");
    await settled(staff.page);
    await staff.page.getByRole("heading", { name: "Lav et nyt møde" }).waitFor();
    expect(await axeViolations(staff.page)).toEqual([]);

    // The API's own messages, per field, in the summary.
    await staff.page.locator("#meeting-date").fill(inDays(-1));
    await staff.page.locator("#meeting-start").fill("10:00");
    await staff.page.locator("#meeting-end").fill("09:00");
    await staff.page.getByRole("button", { name: "Lav mødet" }).click();
    const summary = staff.page.locator(".error-summary");
    await summary.waitFor();
    await expect(summary.getByRole("link").count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(staff.page.locator("#meeting-place").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(staff.page.locator("#meeting-access").getAttribute("aria-invalid")).resolves.toBe("true");
    expect(await axeViolations(staff.page)).toEqual([]);

    const place = `Mødelokale ${randomUUID().slice(0, 6)}, Nordvej 1`;
    await staff.page.locator("#meeting-place").fill(place);
    await staff.page.locator("#meeting-access").fill("Ingen trin. Toilet til kørestol.");
    await staff.page.getByRole("button", { name: "Lav mødet" }).click();
    await expect.poll(() => staff.page.locator("#meeting-end").getAttribute("aria-invalid")).toBe("true");
    await expect(summary.getByRole("link").count()).resolves.toBe(1);
    await expect(staff.page.locator("#meeting-place").getAttribute("aria-invalid")).resolves.toBe(null);
    await staff.page.locator("#meeting-end").fill("11:30");
    await staff.page.locator("#meeting-agenda").fill("Nye kopper til caféen\nEventuelt");
    await staff.page.getByRole("button", { name: "Lav mødet" }).click();
    await staff.page.getByText("Mødet er lavet. Alle kan se det nu.").waitFor();

    const card = staff.page.locator("li.card").filter({ hasText: place });
    await card.getByText("Referatet er ikke vist for alle endnu.").waitFor();
    await card.getByRole("button", { name: /^Skriv referat for mødet / }).click();
    await staff.page.getByRole("heading", { name: /^Referat for mødet / }).waitFor();
    const minutes = `Vi talte om kopper ${randomUUID().slice(0, 4)}. Caféen får nye.`;
    await staff.page.locator("#minutes-summary").fill(minutes);
    await staff.page.locator("#minutes-decisions").fill("Vi køber tyve nye kopper.\nPeter handler ind.");
    await staff.page.getByLabel("Frida Formand").check();
    await staff.page.getByLabel("Rasmus Rådsmedlem").check();
    await staff.page.getByLabel("Ja. Vis det for alle.").check();
    expect(await axeViolations(staff.page)).toEqual([]);
    await staff.page.getByRole("button", { name: "Gem referatet" }).click();
    await staff.page.getByText("Referatet er gemt. Alle kan se det.").waitFor();
    await card.getByText("Alle kan se referatet.").waitFor();
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    // Anyone reads the minutes: the summary first, the decisions, who came.
    const anyone = await visitor();
    await anyone.page.goto("/borgerraadet/nord");
    await settled(anyone.page);
    const past = anyone.page.getByRole("region", { name: "Tidligere møder" });
    const meeting = past.locator(".council-meeting").filter({ hasText: place });
    await meeting.getByText(minutes).waitFor();
    await expect(meeting.getByText("Vi køber tyve nye kopper.").count()).resolves.toBe(1);
    await expect(meeting.getByText(/Frida Formand, Rasmus Rådsmedlem/).count()).resolves.toBe(1);
    await expect(meeting.getByText("Ingen trin. Toilet til kørestol.").count()).resolves.toBe(1);
    expect(await axeViolations(anyone.page)).toEqual([]);
    expect(anyone.errors).toEqual([]);
    await anyone.context.close();
  });
});
