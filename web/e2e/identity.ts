import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Cookie, Page } from "playwright-core";
import { baseUrl, newVisitor, settled } from "./browser.ts";

/** The demo accounts `npm start` loads (packages/core/src/identity/demo-people.ts). */
export const demo = {
  citizen: { email: "borger@example.dk", name: "Bente Borger", id: "019ab000-0000-7000-8000-000000000001" },
  council: { email: "raadsmedlem@example.dk", name: "Rasmus Rådsmedlem", id: "019ab000-0000-7000-8000-000000000002" },
  mentor: { email: "mentor@example.dk", name: "Mona Mentor", id: "019ab000-0000-7000-8000-000000000003" },
  staff: { email: "personale@example.dk", name: "Peter Personale", id: "019ab000-0000-7000-8000-000000000004" },
  admin: { email: "admin@example.dk", name: "Anna Admin", id: "019ab000-0000-7000-8000-000000000005" },
  chair: { email: "formand@example.dk", name: "Frida Formand", id: "019ab000-0000-7000-8000-000000000006" },
} as const;

/**
 * An address nobody has used in this run. Sign-in is limited to 5 codes per email in 15
 * minutes, and the platform is shared by every test file: tests that ask for many codes use
 * their own address (a new address signs in as a new citizen).
 */
export const freshEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.dk`;

export type Mail = { to: string; subject: string; code?: string; link?: string };

/**
 * Opens /dev/outbox in a new tab, as a tester would, and reads the newest mail to `email`
 * (with `challengeId`: the one whose link is for that sign-in).
 */
export async function readMail(context: BrowserContext, email: string, challengeId?: string): Promise<Mail> {
  const outbox = await context.newPage();
  try {
    for (let attempt = 0; attempt < 25; attempt += 1) {
      await outbox.goto("/dev/outbox");
      const mails = await outbox.locator("main article").evaluateAll((articles) =>
        articles.map((article) => ({
          to: article.querySelector("p strong")?.textContent?.trim() ?? "",
          subject: article.querySelector("h2")?.textContent?.trim() ?? "",
          link: article.querySelector("pre a")?.getAttribute("href") ?? undefined,
        })),
      );
      // Newest first: the first match is the latest mail.
      const mail = mails.find((m) => m.to === email && (!challengeId || m.link?.includes(`c=${challengeId}`)));
      if (mail) return { ...mail, code: mail.subject.match(/\b\d{6}\b/)?.[0] };
      await outbox.waitForTimeout(200);
    }
    throw new Error(`no mail to ${email}${challengeId ? ` for challenge ${challengeId}` : ""} in /dev/outbox`);
  } finally {
    await outbox.close();
  }
}

/** On /logind: types the email and asks for a code. Returns the challenge id from the address. */
export async function requestCode(page: Page, email: string): Promise<string> {
  if (!new URL(page.url()).pathname.startsWith("/logind")) await page.goto("/logind");
  await settled(page);
  await page.locator("#email").fill(email);
  await page.locator("form").filter({ has: page.locator("#email") }).getByRole("button").click();
  await page.waitForURL("**/logind/kode?c=*");
  await settled(page);
  const challenge = new URL(page.url()).searchParams.get("c");
  if (!challenge) throw new Error(`no challenge in ${page.url()}`);
  return challenge;
}

/** Signs in through the real flow: email, mail in the outbox, then the code (or the link). */
export async function signIn(page: Page, email: string, via: "code" | "link" = "code"): Promise<void> {
  const challenge = await requestCode(page, email);
  const mail = await readMail(page.context(), email, challenge);
  if (via === "link") {
    if (!mail.link) throw new Error(`the mail to ${email} has no link`);
    await page.goto(mail.link);
  } else {
    if (!mail.code) throw new Error(`the mail to ${email} has no code: ${mail.subject}`);
    await page.locator("#code").fill(mail.code);
    await page.locator("form").filter({ has: page.locator("#code") }).getByRole("button").click();
  }
  await page.waitForURL("**/min-side");
  await settled(page);
}

/** Signs in once in its own context and returns the session cookie, to give to other visitors. */
export async function sessionCookies(browser: Browser, email: string): Promise<Cookie[]> {
  const { context, page } = await newVisitor(browser);
  await signIn(page, email);
  const cookies = await context.cookies();
  await context.close();
  return cookies;
}

/**
 * Like `sessionCookies`, but one sign-in per email for the whole run, shared by every test
 * file (files run in separate workers, so the cookies are kept in a file named after the
 * run's platform). A cookie that no longer works (signed out) is replaced by a new sign-in.
 * Use it for demo accounts whose sign-ins are counted (see web/README.md).
 */
export async function sharedSessionCookies(browser: Browser, email: string): Promise<Cookie[]> {
  const id = createHash("sha256").update(`${baseUrl()}|${email}`).digest("hex").slice(0, 16);
  const file = join(tmpdir(), `naerhed-e2e-session-${id}.json`);
  if (existsSync(file)) {
    const cookies = JSON.parse(readFileSync(file, "utf8")) as Cookie[];
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const session = (await (await fetch(new URL("/api/identity/session", baseUrl()), { headers: { cookie } })).json()) as { signed_in: boolean };
    if (session.signed_in) return cookies;
  }
  const cookies = await sessionCookies(browser, email);
  writeFileSync(file, JSON.stringify(cookies));
  return cookies;
}

/** The text of the element that has focus, and what it is. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName.toLowerCase(),
      id: element?.id,
      text: element?.textContent?.trim(),
      className: element?.getAttribute("class") ?? "",
    };
  });
