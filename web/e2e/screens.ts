import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startPlatform } from "@naerhed/local/server";

/**
 * Screenshots of the main pages on a phone (375 px) and a desktop (1280 px), as PNGs in
 * docs/screens/<label>/, so the next person sees the intended look.
 * Run from the repository root after `npm run build:web`:
 *   node --import tsx web/e2e/screens.ts after
 */

const label = process.argv[2] ?? "after";
const out = fileURLToPath(new URL(`../../docs/screens/${label}/`, import.meta.url));
mkdirSync(out, { recursive: true });

const viewports = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 900 } } as const;

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const loading = [...document.querySelectorAll("main [role=status]")].some((el) => el.textContent?.includes("…"));
    return document.querySelector("main h1") !== null && !loading;
  });
  await page.evaluate(() => document.fonts.ready);
}

async function signIn(context: BrowserContext, email: string): Promise<void> {
  const page = await context.newPage();
  await page.goto("/logind");
  await settled(page);
  await page.locator("#email").fill(email);
  await page.locator("form").filter({ has: page.locator("#email") }).getByRole("button").click();
  await page.waitForURL("**/logind/kode?c=*");
  const outbox = await context.newPage();
  await outbox.goto("/dev/outbox");
  const subject = (await outbox.locator("main article h2").first().textContent()) ?? "";
  await outbox.close();
  await page.locator("#code").fill(subject.match(/\b\d{6}\b/)![0]);
  await page.locator("form").filter({ has: page.locator("#code") }).getByRole("button").click();
  await page.waitForURL("**/min-side");
  await page.close();
}

const platform = await startPlatform({ port: 0, dataDir: null, seedDemo: true, quiet: true });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium" });
try {
  const offers = (await (await fetch(`${platform.url}/api/directory/offers?limit=1`)).json()) as { items: { id: string }[] };
  const publicPages: [string, string][] = [
    ["front", "/"],
    ["offers", "/tilbud"],
    ["search", "/tilbud/soeg?day=tu"],
    ["offer", `/tilbud/${offers.items[0]!.id}`],
    ["council", "/borgerraadet"],
    ["panel", "/borgerpanelet"],
    ["mentor", "/mentorordningen"],
    ["sign-in", "/logind"],
  ];
  const staffPages: [string, string][] = [
    ["my-page", "/min-side"],
    ["staff-offers", "/personale/tilbud"],
  ];
  for (const [device, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ baseURL: platform.url, viewport, locale: "da-DK" });
    await context.addInitScript(() => localStorage.setItem("naerhed.language", "da"));
    const page = await context.newPage();
    const shoot = async ([name, path]: [string, string]) => {
      await page.goto(path);
      await settled(page);
      await page.screenshot({ path: join(out, `${name}-${device}.png`), fullPage: true });
      console.log(`${label}/${name}-${device}.png`);
    };
    for (const entry of publicPages) await shoot(entry);
    await signIn(context, "personale@example.dk");
    for (const entry of staffPages) await shoot(entry);
    await context.close();
  }
} finally {
  await browser.close();
  await platform.stop();
}
