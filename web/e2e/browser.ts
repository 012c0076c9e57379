import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Cookie, type Page } from "playwright-core";
import { inject } from "vitest";

export const baseUrl = (): string => inject("baseUrl");

/** Debian's Chromium (never a downloaded one). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium" });
}

export const LANGUAGE_STORAGE_KEY = "naerhed.language";

/**
 * A fresh visitor (own storage). With `language`, the visitor has chosen it before; with `site`, they
 * visit another platform than the run's; with `cookies`, they are signed in with a session made earlier.
 */
export async function newVisitor(
  browser: Browser,
  options: { language?: "da" | "en"; width?: number; site?: string; browserLocale?: string; cookies?: Cookie[] } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: options.site ?? baseUrl(),
    // A Danish browser unless a test says otherwise: the site follows the browser until the person chooses.
    locale: options.browserLocale ?? (options.language === "en" ? "en-GB" : "da-DK"),
    viewport: { width: options.width ?? 1024, height: 800 },
  });
  if (options.language) {
    await context.addInitScript(
      ([key, value]) => {
        if (!localStorage.getItem(key!)) localStorage.setItem(key!, value!);
      },
      [LANGUAGE_STORAGE_KEY, options.language],
    );
  }
  if (options.cookies) await context.addCookies(options.cookies);
  const page = await context.newPage();
  // Script errors in the page: tests expect this list to stay empty.
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Waits until the page has its heading and is no longer loading anything. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const heading = document.querySelector("main h1");
    const loading = [...document.querySelectorAll("main [role=status]")].some((el) => el.textContent?.includes("…"));
    return heading !== null && !loading;
  });
}

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Axe violations in a form that reads well in a failed assertion. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return result.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join(", ")}`,
  );
}

export type OfferSummary = { id: string; name: string };

/** The published offers, straight from the API. */
export async function publishedOffers(): Promise<OfferSummary[]> {
  const offers: OfferSummary[] = [];
  let cursor: string | null = null;
  do {
    const url = new URL("/api/directory/offers", baseUrl());
    url.searchParams.set("limit", "50");
    if (cursor) url.searchParams.set("cursor", cursor);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    const page = (await response.json()) as { items: OfferSummary[]; next_cursor: string | null };
    offers.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return offers;
}
