import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newVisitor } from "./browser.ts";

/**
 * /api/docs in a real browser under the site's Content-Security-Policy (script-src 'self',
 * style-src 'self'): the viewer shows every operation of /api/openapi.json, and the browser
 * reports no blocked script, style or request.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("/api/docs", () => {
  it("shows the public API in Swagger UI without a single CSP violation", async () => {
    const { context, page, errors } = await newVisitor(browser);
    const violations: string[] = [];
    await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    const response = await page.goto("/api/docs");
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self'; style-src 'self'/);
    await page.locator(".opblock-summary-path").first().waitFor();
    const paths = await page.locator(".opblock-summary-path").allTextContents();
    const openapi = (await (await page.request.get("/api/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(openapi.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
    expect(paths.length).toBe(operations);
    expect(paths.map((path) => path.replace(/\u200b/g, ""))).toContain("/hsds/services/{id}");
    // The stylesheet applied (Swagger UI's own layout, not the browser's plain one).
    const radius = await page.locator(".swagger-ui .opblock").first().evaluate((element) => getComputedStyle(element).borderRadius);
    expect(radius).not.toBe("0px");
    expect(violations).toEqual([]);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
