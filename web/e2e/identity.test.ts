import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, baseUrl, launchBrowser, newVisitor, settled } from "./browser.ts";
import { demo, focused, freshEmail, readMail, requestCode, signIn } from "./identity.ts";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const header = (page: Page) => page.getByRole("banner");
const h1 = (page: Page) => page.locator("main h1").textContent();
const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";

async function signOut(page: Page) {
  if (!new URL(page.url()).pathname.endsWith("/min-side")) {
    await header(page).getByRole("link", { name: /^Min side/ }).click();
    await page.waitForURL("**/min-side");
    await settled(page);
  }
  await page.getByRole("button", { name: "Log ud", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByText("Du er logget ud.").waitFor();
  await header(page).getByRole("link", { name: "Log ind" }).waitFor();
  // The cookie no longer opens My page.
  const session = await page.evaluate(() => fetch("/api/identity/session").then((r) => r.json()));
  expect(session).toEqual({ signed_in: false, person: null });
}

/** Who is the staff member's invitee; the admin test looks for it in the log. */
const invitee = { email: freshEmail("ny-mentor"), name: "Nina Ny" };

describe("each demo role signs in through the outbox and sees their own things", () => {
  it("a citizen signs in with the code, has no staff links and no access to the staff pages", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await page.goto("/");
    await settled(page);
    await header(page).getByRole("link", { name: "Log ind" }).click();
    await page.waitForURL("**/logind");
    await settled(page);
    await expect(h1(page)).resolves.toBe("Log ind");

    const challenge = await requestCode(page, demo.citizen.email);
    await expect(mainText(page)).resolves.toContain(`Vi har sendt en mail til ${demo.citizen.email}.`);
    const mail = await readMail(context, demo.citizen.email, challenge);
    expect(mail.subject).toMatch(/^Din kode til Nærhed: \d{6}$/);
    await page.getByLabel("Kode").fill(mail.code!);
    await page.getByRole("button", { name: "Log ind", exact: true }).click();
    await page.waitForURL("**/min-side");
    await settled(page);

    await expect(h1(page)).resolves.toBe("Min side");
    await header(page).getByRole("link", { name: `Min side ${demo.citizen.name}` }).waitFor();
    const about = page.getByRole("region", { name: "Om dig" });
    // The address comes with the person's own record, which loads after the page is drawn.
    await about.getByText(demo.citizen.email).waitFor();
    await expect(about.textContent()).resolves.toContain("Borger");
    await expect(page.getByRole("link", { name: "Inviter en person" }).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "Se loggen" }).count()).resolves.toBe(0);

    for (const path of ["/personale/inviter", "/admin/log"]) {
      await page.goto(path);
      await settled(page);
      await expect(h1(page)).resolves.toBe("Du har ikke adgang");
      await expect(mainText(page)).resolves.toContain("Du har ikke adgang til det her.");
    }

    await signOut(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a council member signs in with the link in the mail and sees the role in words", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await signIn(page, demo.council.email, "link");
    await expect(h1(page)).resolves.toBe("Min side");
    await expect(page.getByRole("region", { name: "Om dig" }).textContent()).resolves.toContain(
      "Medlem af borgerrådet, Borgercenter Nord",
    );
    await expect(page.getByRole("link", { name: "Inviter en person" }).count()).resolves.toBe(0);
    await signOut(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a mentor signs in and sees the mentor role", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await signIn(page, demo.mentor.email);
    await expect(page.getByRole("region", { name: "Om dig" }).textContent()).resolves.toContain("Mentor, Borgercenter Nord");
    await expect(page.getByRole("link", { name: "Inviter en person" }).count()).resolves.toBe(0);
    await signOut(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a staff member may invite only council members and mentors, at their own centre", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await signIn(page, demo.staff.email);
    const staff = page.getByRole("region", { name: "For personale" });
    await expect(staff.getByRole("link", { name: "Adgangskode" }).count()).resolves.toBe(1);
    await expect(staff.getByRole("link", { name: "Se loggen" }).count()).resolves.toBe(0);
    await staff.getByRole("link", { name: "Inviter en person" }).click();
    await page.waitForURL("**/personale/inviter");
    await settled(page);
    await expect(h1(page)).resolves.toBe("Inviter en person");

    const roles = page.getByRole("group", { name: "Rolle" });
    await expect(roles.getByRole("radio").evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value))).resolves.toEqual([
      "council_member",
      "mentor",
    ]);
    await expect(roles.textContent()).resolves.not.toMatch(/Personale|Administrator|Borger\b/);

    await page.getByLabel("Personens mail").fill(invitee.email);
    await page.getByLabel("Personens navn").fill(invitee.name);
    await page.getByLabel("Mentor").check();
    const centres = page.getByRole("group", { name: "Borgercenter" });
    await expect(centres.getByRole("radio").count()).resolves.toBe(1);
    await expect(centres.getByLabel("Borgercenter Nord").isChecked()).resolves.toBe(true);
    await page.getByRole("button", { name: "Send invitation" }).click();

    await page.getByText(`Vi har inviteret ${invitee.name}.`).waitFor();
    await page.getByText("Rolle: Mentor, Borgercenter Nord").waitFor();
    const mail = await readMail(context, invitee.email);
    expect(mail.subject).toBe("Du er inviteret til Nærhed");

    // The API refuses what the form does not offer: staff cannot make someone staff.
    const refused = await page.evaluate(() =>
      fetch("/api/identity/invitations", {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": "da" },
        body: JSON.stringify({ email: "x@example.dk", display_name: "X", role: "staff", centre_id: "nord" }),
      }).then((r) => r.status),
    );
    expect(refused).toBe(403);

    await signOut(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a staff member may add a password, and then sign in with it instead of a code", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await signIn(page, demo.staff.email);
    await page.getByRole("link", { name: "Adgangskode", exact: true }).click();
    await page.waitForURL("**/min-side/adgangskode");
    await settled(page);
    await expect(h1(page)).resolves.toBe("Vælg en adgangskode");

    await page.getByLabel("Ny adgangskode").fill("for kort");
    await page.getByRole("button", { name: "Gem adgangskoden" }).click();
    await page.locator(".error-summary").getByRole("link", { name: "Adgangskoden skal have mindst 12 tegn." }).waitFor();
    await expect(page.locator("#new-password-error").textContent()).resolves.toContain("Adgangskoden skal have mindst 12 tegn.");

    const password = "kaffe og kage hver fredag";
    await page.getByLabel("Ny adgangskode").fill(password);
    await page.getByRole("button", { name: "Gem adgangskoden" }).click();
    await page.getByText("Vi har gemt din adgangskode.").waitFor();
    await signOut(page);

    await page.goto("/logind");
    await settled(page);
    await page.getByText("Personale: log ind med adgangskode").click();
    await page.getByLabel("Din arbejdsmail").fill(demo.staff.email);
    await page.getByLabel("Adgangskode", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Log ind med adgangskode" }).click();
    await page.waitForURL("**/min-side");
    await settled(page);
    await header(page).getByRole("link", { name: `Min side ${demo.staff.name}` }).waitFor();
    await signOut(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an admin sees the staff member's invitation in the log, and can filter it", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await signIn(page, demo.admin.email);
    await page.getByRole("region", { name: "For personale" }).getByRole("link", { name: "Se loggen" }).click();
    await page.waitForURL("**/admin/log");
    await settled(page);
    await expect(h1(page)).resolves.toBe("Log over ændringer");

    const table = page.getByRole("table", { name: "Ændringer" });
    // The log names the invitee by id only (no email, so erasing them leaves none behind).
    const invitation = (rows: typeof table) => rows.getByRole("row").filter({ hasText: "Inviterede en person" }).filter({ hasText: '"role":"mentor"' });
    const row = invitation(table);
    await expect(row.count()).resolves.toBe(1);
    const cells = await row.locator("th, td").allTextContents();
    expect(cells[0]).toMatch(/^\d{1,2}\. \p{L}+ \d{4} kl\. \d{2}\.\d{2}$/u);
    expect(cells[1]).toContain(demo.staff.name);
    expect(cells[2]).toBe("Inviterede en person");
    expect(cells[3]).toMatch(/^identity:person:[0-9a-f-]{36}$/);
    expect(cells[4]).toContain('"role":"mentor"');

    // Copenhagen time: the hour shown is the UTC hour plus one or two.
    const at = await row.locator("time").getAttribute("datetime");
    const copenhagen = new Intl.DateTimeFormat("da-DK", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Copenhagen" }).format(new Date(at!));
    expect(cells[0]).toContain(copenhagen);

    await page.getByLabel("Person-id").fill(demo.staff.id);
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    await page.waitForURL(`**/admin/log?person=${demo.staff.id}`);
    await settled(page);
    await expect(invitation(table).count()).resolves.toBe(1);
    expect(await table.textContent()).not.toContain(invitee.email);
    const actors = await table.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(actors.every((text) => text.includes(demo.staff.name))).toBe(true);

    await page.getByLabel("Person-id").fill(demo.citizen.id);
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    await page.waitForURL(`**/admin/log?person=${demo.citizen.id}`);
    await settled(page);
    await expect(page.getByRole("status").first().textContent()).resolves.toBe("Der er ingen ændringer.");

    await signOut(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("when something is wrong", () => {
  it("a wrong code shows the error summary, which takes focus and links to the field", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await page.goto("/logind");
    await requestCode(page, freshEmail("forkert"));
    await page.getByLabel("Kode").fill("000000");
    await page.getByRole("button", { name: "Log ind", exact: true }).click();

    const summary = page.locator(".error-summary");
    await summary.waitFor();
    await expect(summary.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("Der er et problem");
    await expect(focused(page)).resolves.toMatchObject({ className: expect.stringContaining("error-summary") });
    const link = summary.getByRole("link", { name: "Koden er forkert. Se i din mail og prøv igen." });
    await expect(link.getAttribute("href")).resolves.toBe("#code");
    // The same words at the field.
    await expect(page.locator("#code-error").textContent()).resolves.toContain("Koden er forkert. Se i din mail og prøv igen.");
    await expect(page.getByLabel("Kode").getAttribute("aria-invalid")).resolves.toBe("true");
    await link.click();
    await expect(focused(page)).resolves.toMatchObject({ tag: "input", id: "code" });
    expect(new URL(page.url()).pathname).toBe("/logind/kode");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a page that needs sign-in sends you to /logind, and back again after", async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto("/min-side");
    await page.waitForURL("**/logind?til=%2Fmin-side");
    await settled(page);
    await expect(mainText(page)).resolves.toContain("Du skal logge ind for at se siden.");
    await signIn(page, freshEmail("tilbage"));
    await expect(h1(page)).resolves.toBe("Min side");
    await context.close();
  });

  it("an old link says so plainly and offers a new code", async () => {
    const { context, page } = await newVisitor(browser);
    const email = freshEmail("link");
    await signIn(page, email, "link");
    // Used once already: a second time does not work.
    const challenge = new URL((await readMail(context, email)).link!).searchParams;
    await page.goto(`/logind/link?c=${challenge.get("c")}&t=${challenge.get("t")}`);
    await settled(page);
    await expect(h1(page)).resolves.toBe("Linket virker ikke");
    await expect(page.getByRole("alert").textContent()).resolves.toBe("Koden er brugt. Bed om en ny kode.");
    await page.getByRole("link", { name: "Bed om en ny kode" }).click();
    await page.waitForURL("**/logind");
    await context.close();
  });
});

describe("using only the keyboard", () => {
  it("signs in and out without a mouse", async () => {
    const { context, page, errors } = await newVisitor(browser);
    const email = freshEmail("tastatur");
    await page.goto("/");
    await settled(page);

    // Tab to "Log ind" in the header and open it.
    let href: string | null = null;
    for (let presses = 0; presses < 10 && href !== "/logind"; presses += 1) {
      await page.keyboard.press("Tab");
      href = await page.evaluate(() => document.activeElement?.getAttribute("href") ?? null);
    }
    expect(href).toBe("/logind");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/logind");
    await settled(page);
    await expect(focused(page)).resolves.toMatchObject({ tag: "h1", text: "Log ind" });

    // From the heading, the email field is the first stop. Enter sends the form.
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatchObject({ tag: "input", id: "email" });
    await page.keyboard.type(email);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/logind/kode?c=*");
    await settled(page);
    await expect(focused(page)).resolves.toMatchObject({ tag: "h1", text: "Skriv koden fra mailen" });

    const mail = await readMail(context, email, new URL(page.url()).searchParams.get("c")!);
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatchObject({ tag: "input", id: "code" });
    await page.keyboard.type(mail.code!);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/min-side");
    await settled(page);
    await expect(focused(page)).resolves.toMatchObject({ tag: "h1", text: "Min side" });

    // Tab on to "Log ud" and press it.
    let text: string | undefined;
    for (let presses = 0; presses < 25 && text !== "Log ud"; presses += 1) {
      await page.keyboard.press("Tab");
      text = (await focused(page)).text;
    }
    expect(text).toBe("Log ud");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByText("Du er logget ud.").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("your own data", () => {
  it("reads your data as a page, downloads it as a file, then deletes you after a plain confirmation", async () => {
    const { context, page, errors } = await newVisitor(browser);
    const email = freshEmail("slet");
    await signIn(page, email);

    // A page in plain words first (issue 17, item 5); the file is made from what the page got, never from "preparing".
    await page.getByRole("link", { name: "Se dine data" }).click();
    await page.waitForURL("**/min-side/mine-data");
    await settled(page);
    await expect(h1(page)).resolves.toBe("Det ved vi om dig");
    const about = page.getByRole("region", { name: "Om dig" });
    await expect(about.innerText()).resolves.toContain(email);
    await expect(mainText(page)).resolves.not.toContain("display_name");
    expect(await axeViolations(page)).toEqual([]);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Hent som fil" }).click();
    const file = await (await download).path();
    const data = JSON.parse(await readFile(file, "utf8")) as { identity: { person: { email: string } }; status?: string };
    expect(data.status).toBeUndefined();
    expect(data.identity.person.email).toBe(email);
    await page.getByRole("link", { name: "Tilbage til Min side" }).click();
    await page.waitForURL("**/min-side");
    await settled(page);

    await page.getByRole("link", { name: "Slet mig" }).click();
    await page.waitForURL("**/min-side/slet");
    await settled(page);
    await expect(h1(page)).resolves.toBe("Slet dig fra Nærhed");
    await expect(mainText(page)).resolves.toContain("Du kan ikke fortryde det.");
    await page.getByRole("button", { name: "Ja, slet mig" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByText("Vi har slettet dig fra Nærhed.").waitFor();
    await header(page).getByRole("link", { name: "Log ind" }).waitFor();
    const session = await page.evaluate(() => fetch("/api/identity/session").then((r) => r.json()));
    expect(session.signed_in).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("changes name and language, and the site follows", async () => {
    const { context, page, errors } = await newVisitor(browser);
    await signIn(page, freshEmail("navn"));
    await page.getByLabel("Dit navn").fill("Karl Kage");
    await page.getByLabel("English").check();
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await page.locator("main h1").filter({ hasText: "My page" }).waitFor();
    await page.getByText("We have saved it.").waitFor();
    await header(page).getByRole("link", { name: "My page Karl Kage" }).waitFor();
    await page.reload();
    await settled(page);
    await header(page).getByRole("link", { name: "My page Karl Kage" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

it("the outbox is served by the local platform, not the site", async () => {
  const response = await fetch(new URL("/dev/outbox", baseUrl()));
  expect(response.status).toBe(200);
  expect(await response.text()).toContain("<article>");
});
