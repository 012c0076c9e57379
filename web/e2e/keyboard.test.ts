import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newVisitor, settled } from "./browser.ts";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return { tag: element?.tagName.toLowerCase(), id: element?.id, text: element?.textContent?.trim() };
  });

describe("using only the keyboard", () => {
  it("reaches the skip link first, and it moves focus to the main content", async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto("/");
    await settled(page);

    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatchObject({ tag: "a", text: "Gå til indholdet" });
    await expect(page.getByRole("link", { name: "Gå til indholdet" }).isVisible()).resolves.toBe(true);

    await page.keyboard.press("Enter");
    await expect(focused(page)).resolves.toMatchObject({ tag: "main", id: "main" });

    // The next Tab goes to the first door, not back into the header.
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatchObject({ tag: "a" });
    await expect(page.evaluate(() => document.activeElement?.getAttribute("href"))).resolves.toBe("/tilbud");
    await context.close();
  });

  it("opens a door with Enter, and focus lands on the new page's heading", async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto("/");
    await settled(page);

    let href: string | null = null;
    for (let presses = 0; presses < 15 && href !== "/borgerraadet"; presses += 1) {
      await page.keyboard.press("Tab");
      href = await page.evaluate(() => document.activeElement?.getAttribute("href") ?? null);
    }
    expect(href).toBe("/borgerraadet");

    await page.keyboard.press("Enter");
    await page.waitForURL("**/borgerraadet");
    await settled(page);
    await expect(focused(page)).resolves.toMatchObject({ tag: "h1", text: "Borgerrådet" });
    await expect(page.title()).resolves.toBe("Borgerrådet – Nærhed");
    await context.close();
  });

  it("shows clearly where the focus is", async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto("/tilbud");
    await settled(page);

    const outline = (selector: string) =>
      page.$eval(selector, (element) => {
        const style = getComputedStyle(element);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
      });

    for (const selector of ["main article a", "button[lang=en]", "header a"]) {
      const before = await outline(selector);
      await page.focus(selector);
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab"); // focus by keyboard, as a person would
      const after = await outline(selector);
      expect(before.style, selector).toBe("none");
      expect(after.style, selector).toBe("solid");
      expect(after.width, selector).toBeGreaterThanOrEqual(3);
      expect(after).not.toEqual(before);
    }
    await context.close();
  });
});
