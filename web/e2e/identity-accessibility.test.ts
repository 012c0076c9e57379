import type { Browser, Cookie, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, newVisitor, settled } from "./browser.ts";
import { demo, sessionCookies, sharedSessionCookies } from "./identity.ts";

/**
 * axe (WCAG 2.2 AA tags) on every identity page, in Danish and English, signed out and
 * signed in as the roles that see each page. Each role signs in once; its cookie is reused.
 */

type Who = "nobody" | "citizen" | "staff" | "admin";
type Target = {
  name: string;
  who: Who;
  path: string;
  da: string;
  en: string;
  /** Something to do on the page before axe looks (e.g. show the error summary). */
  act?: (page: Page, language: "da" | "en") => Promise<void>;
};

const submitEmpty = async (page: Page) => {
  await page.locator("main form").first().locator("button[type=submit]").click();
  await page.locator(".error-summary").waitFor();
};

const targets: Target[] = [
  { name: "sign-in", who: "nobody", path: "/logind", da: "Log ind", en: "Sign in" },
  {
    name: "sign-in with the error summary and the staff password form open",
    who: "nobody",
    path: "/logind",
    da: "Log ind",
    en: "Sign in",
    act: async (page) => {
      await page.locator("details summary").click();
      await submitEmpty(page);
    },
  },
  {
    name: "sign-in after being sent from My page",
    who: "nobody",
    path: "/min-side",
    da: "Log ind",
    en: "Sign in",
  },
  {
    name: "code",
    who: "nobody",
    path: "/logind/kode?c=019ab111-0000-7000-8000-000000000001",
    da: "Skriv koden fra mailen",
    en: "Write the code from the email",
  },
  {
    name: "code with the error summary",
    who: "nobody",
    path: "/logind/kode?c=019ab111-0000-7000-8000-000000000001",
    da: "Skriv koden fra mailen",
    en: "Write the code from the email",
    act: submitEmpty,
  },
  { name: "a broken link", who: "nobody", path: "/logind/link", da: "Linket virker ikke", en: "The link does not work" },
  { name: "privacy", who: "nobody", path: "/privatliv", da: "Privatliv og dine data", en: "Privacy and your data" },
  { name: "privacy, signed in", who: "citizen", path: "/privatliv", da: "Privatliv og dine data", en: "Privacy and your data" },
  { name: "My page (citizen)", who: "citizen", path: "/min-side", da: "Min side", en: "My page" },
  {
    name: "My page with an error",
    who: "citizen",
    path: "/min-side",
    da: "Min side",
    en: "My page",
    act: async (page) => {
      await page.locator("#display_name").fill("");
      await page.locator("section[aria-labelledby=me-edit] button[type=submit]").click();
      await page.locator(".error-summary").waitFor();
    },
  },
  { name: "delete yourself", who: "citizen", path: "/min-side/slet", da: "Slet dig fra Nærhed", en: "Delete yourself from Nærhed" },
  { name: "messages to you", who: "citizen", path: "/min-side/beskeder", da: "Beskeder til dig", en: "Messages to you" },
  {
    name: "stop messages, from the link",
    who: "nobody",
    path: `/stop?p=00000000-0000-7000-8000-000000000000&k=vote_opened&t=${"A".repeat(43)}`,
    da: "Stop beskeder",
    en: "Stop messages",
  },
  {
    name: "stop messages, a link that does not work",
    who: "nobody",
    path: `/stop?p=00000000-0000-7000-8000-000000000000&k=vote_opened&t=${"A".repeat(43)}`,
    da: "Stop beskeder",
    en: "Stop messages",
    act: async (page) => {
      await page.locator("main button").click();
      await page.locator("main [role=status] .alert, main [role=status] p").first().waitFor();
    },
  },
  { name: "no access (citizen on the log)", who: "citizen", path: "/admin/log", da: "Du har ikke adgang", en: "You do not have access" },
  { name: "My page (staff)", who: "staff", path: "/min-side", da: "Min side", en: "My page" },
  { name: "choose a password", who: "staff", path: "/min-side/adgangskode", da: "Vælg en adgangskode", en: "Choose a password" },
  { name: "invite", who: "staff", path: "/personale/inviter", da: "Inviter en person", en: "Invite a person" },
  {
    name: "invite with the error summary",
    who: "staff",
    path: "/personale/inviter",
    da: "Inviter en person",
    en: "Invite a person",
    act: submitEmpty,
  },
  { name: "invite (admin, every role)", who: "admin", path: "/personale/inviter", da: "Inviter en person", en: "Invite a person" },
  { name: "remove a role", who: "staff", path: "/personale/fjern-rolle", da: "Fjern en rolle", en: "Remove a role" },
  { name: "remove a role with the error summary", who: "staff", path: "/personale/fjern-rolle", da: "Fjern en rolle", en: "Remove a role", act: submitEmpty },
  { name: "the audit log", who: "admin", path: "/admin/log", da: "Log over ændringer", en: "Log of changes" },
  { name: "the organisation's settings", who: "admin", path: "/admin/organisation", da: "Organisationen", en: "The organisation" },
  { name: "the centres", who: "admin", path: "/admin/centre", da: "Borgercentre", en: "Citizen centres" },
];

let browser: Browser;
const cookies: Partial<Record<Who, Cookie[]>> = { nobody: [] };

beforeAll(async () => {
  browser = await launchBrowser();
  cookies.citizen = await sessionCookies(browser, demo.citizen.email);
  // Shared with the other files: the staff account's sign-ins are counted (web/README.md).
  cookies.staff = await sharedSessionCookies(browser, demo.staff.email);
  cookies.admin = await sessionCookies(browser, demo.admin.email);
  // Something for the log to show: the admin changes their own name (same name again).
  const { context, page } = await newVisitor(browser);
  await context.addCookies(cookies.admin);
  const response = await page.request.patch("/api/me", { data: { display_name: demo.admin.name } });
  expect(response.status()).toBe(200);
  await context.close();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(["da", "en"] as const)("axe finds no WCAG 2.2 AA problems on the identity pages (%s)", (language) => {
  it.each(targets)("on $name ($who)", async (target) => {
    const { context, page, errors } = await newVisitor(browser, { language });
    await context.addCookies(cookies[target.who]!);
    await page.goto(target.path);
    await settled(page);
    await expect(page.locator("main h1").textContent()).resolves.toBe(target[language]);
    await expect(page.getAttribute("html", "lang")).resolves.toBe(language);
    if (target.who === "admin" && target.path === "/admin/log") {
      await expect(page.locator("main table tbody tr").count()).resolves.toBeGreaterThan(0);
    }
    await target.act?.(page, language);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("a narrow phone screen (320 px)", () => {
  it("never needs sideways scrolling on the identity pages", async () => {
    const wide: string[] = [];
    for (const who of ["nobody", "citizen", "staff", "admin"] as const) {
      const { context, page } = await newVisitor(browser, { width: 320 });
      await context.addCookies(cookies[who]!);
      for (const target of targets.filter((t) => t.who === who && !t.act)) {
        await page.goto(target.path);
        await settled(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) wide.push(`${target.path} (${who}): ${width} px`);
      }
      await context.close();
    }
    expect(wide).toEqual([]);
  });
});
