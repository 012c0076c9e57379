import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { makePerson, mockFetch, renderApp, sentBody, sentHeader, sentMethod, sentUrl } from "./helpers.tsx";

/** /personale/import: staff export the directory and import a file of offers (web/src/directory/staff/ImportPage.tsx). */

const staff = makePerson({ display_name: "Ida Import", grants: [{ role: "staff", centre_id: "nord" }] });
const HEADER = "name,description,organization_name,status,area,category,free,postal_code,address_1,city";
const file = (...lines: string[]) => new File([[HEADER, ...lines].join("\r\n")], "tilbud.csv", { type: "text/csv" });

async function openPage() {
  renderApp("/personale/import", { person: staff });
  await screen.findByRole("heading", { level: 1, name: "Importér og eksportér tilbud" });
  return screen.getByLabelText("Vælg en fil");
}

const choose = (input: HTMLElement, chosen: File) => fireEvent.change(input, { target: { files: [chosen] } });

const row = (n: number, action: string, problems: { column: string; text: string }[] = []) => ({
  row: n,
  name: `Tilbud ${n}`,
  id: `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, "0")}`,
  action,
  problems,
});

describe("the import page", () => {
  it("links to both exports and labels the file input", async () => {
    const input = await openPage();
    expect(input).toHaveAttribute("type", "file");
    expect(input).toHaveAccessibleDescription(/HSDS-tabeller/);
    expect(screen.getByRole("link", { name: "Hent en CSV-fil til regneark" })).toHaveAttribute("href", "/api/hsds/export.csv");
    expect(screen.getByRole("link", { name: "Hent en JSON-fil (HSDS)" })).toHaveAttribute("href", "/api/hsds/export.json");
    expect(document.title).toBe("Importér og eksportér tilbud – Nærhed");
  });

  it("shows a bad row's error in the summary, linked to the row, and keeps the import button off", async () => {
    const input = await openPage();
    const bad = "Række 2, Postnummer (kolonnen postal_code): Postnummeret skal have 4 cifre.";
    const fetch = mockFetch({ body: { rows: [row(1, "create"), row(2, "error", [{ column: "postal_code", text: bad }])], plan: "p".repeat(43), terms: [], kept_out: {} } });
    choose(input, file("Gåtur,Vi går.,Klub,active,Nordby,sport,ja,7000,Vej 1,By", "Strik,Vi strikker.,Klub,active,Nordby,creative,ja,70,Vej 2,By"));

    const link = await screen.findByRole("link", { name: bad });
    expect(link).toHaveAttribute("href", "#import-row-2");
    expect(screen.getByRole("heading", { name: "Nogle rækker har fejl" })).toBeInTheDocument();
    expect(screen.getByText("Nye: 1. Ændrede: 0. Uden ændring: 0. Med fejl: 1.")).toBeInTheDocument();
    // One next step: correct the file. No import button that cannot be pressed.
    expect(screen.queryByRole("button", { name: /^Importér/ })).toBeNull();
    expect(screen.getByText("Ret fejlene i filen. Vælg så filen igen. Intet er gemt endnu.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Vælg den rettede fil" }));
    expect(input).toHaveFocus();
    // The preview's heading once: it also names the table.
    expect(screen.getAllByText("Sådan bliver det")).toHaveLength(1);
    expect(screen.getByRole("table", { name: "Sådan bliver det" })).toBeInTheDocument();
    expect(screen.getByRole("cell", { name: "Tilbud 2" }).closest("tr")).toHaveTextContent("Fejl");
    // Only the preview was asked for: nothing is written.
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(sentUrl(fetch).pathname).toBe("/api/directory/centres/nord/import/preview");
    expect(sentUrl(fetch).searchParams.get("first_row")).toBe("1");
    expect(sentHeader(fetch, "content-type")).toBe("text/csv");
    expect(sentMethod(fetch)).toBe("POST");
  });

  it("says there is nothing new when a file holds only what is saved, instead of offering to import 0", async () => {
    const input = await openPage();
    const fetch = mockFetch({ body: { rows: [row(1, "unchanged"), row(2, "unchanged")], plan: "u".repeat(43), terms: [], kept_out: {} } });
    choose(input, file("Gåtur,Vi går.,Klub,active,Nordby,sport,ja,7000,Vej 1,By", "Strik,Vi strikker.,Klub,active,Nordby,creative,ja,7000,Vej 2,By"));
    await screen.findByText("Der er ikke noget nyt i filen. Alle tilbud i den er gemt allerede.");
    expect(screen.queryByRole("button", { name: /^Importér/ })).toBeNull();
    expect(screen.getByRole("link", { name: "Gå til listen med tilbud" })).toHaveAttribute("href", "/personale/tilbud");
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("imports a clean file after the person confirms, with the preview's plan, and says what was saved", async () => {
    const input = await openPage();
    const plan = "q".repeat(43);
    const fetch = mockFetch(
      { body: { rows: [row(1, "create"), row(2, "update")], plan, terms: [], kept_out: {} } },
      { body: { created: 1, updated: 1, unchanged: 0, rows: [] } },
    );
    choose(input, file("Gåtur,Vi går.,Klub,active,Nordby,sport,ja,7000,Vej 1,By", "Strik,Vi strikker.,Klub,active,Nordby,creative,ja,7000,Vej 2,By"));
    const button = await screen.findByRole("button", { name: "Importér 2 tilbud" });
    expect(button).toBeEnabled();
    fireEvent.click(button);
    await screen.findByText("Færdig. 1 nye og 1 ændrede tilbud er gemt som kladder.");
    expect(sentUrl(fetch, 1).pathname).toBe("/api/directory/centres/nord/import");
    expect(sentUrl(fetch, 1).searchParams.get("plan")).toBe(plan);
    expect(screen.getByRole("link", { name: "Se kladderne og udgiv dem" })).toHaveAttribute("href", "/personale/tilbud");
  });

  it("says at once when the file cannot be read, without asking the API", async () => {
    const input = await openPage();
    const fetch = mockFetch();
    choose(input, new File(['name\r\n"open'], "tilbud.csv"));
    expect(await screen.findByText("Vi kan ikke læse filen som CSV. Et citationstegn står forkert. Gem filen som CSV igen.")).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sends a large file in parts of at most 50 rows, shows progress, and counts every row", async () => {
    const input = await openPage();
    const lines = Array.from({ length: 250 }, (_, i) => `Tilbud ${i + 1},Tekst.,Klub,active,Nordby,sport,ja,7000,Vej 1,By`);
    const part = (first: number, count: number) => ({
      body: { rows: Array.from({ length: count }, (_, i) => row(first + i, "create")), plan: "r".repeat(43), terms: [], kept_out: {} },
    });
    const fetch = mockFetch(part(1, 50), part(51, 50), part(101, 50), part(151, 50), part(201, 50));
    choose(input, file(...lines));
    expect(await screen.findByText(/^Tjekker række/, { selector: "label" })).toBeInTheDocument();
    await screen.findByRole("button", { name: "Importér 250 tilbud" });
    expect([0, 1, 2, 3, 4].map((call) => sentUrl(fetch, call).searchParams.get("first_row"))).toEqual(["1", "51", "101", "151", "201"]);
  });

  it("catches the same offer in two parts of a large file", async () => {
    const input = await openPage();
    const lines = Array.from({ length: 51 }, (_, i) => `Tilbud ${i + 1},Tekst.,Klub,active,Nordby,sport,ja,7000,Vej 1,By`);
    const same = row(1, "create");
    mockFetch(
      { body: { rows: [same, ...Array.from({ length: 49 }, (_, i) => row(i + 2, "create"))], plan: "s".repeat(43), terms: [], kept_out: {} } },
      { body: { rows: [{ ...same, row: 51 }], plan: "t".repeat(43), terms: [], kept_out: {} } },
    );
    choose(input, file(...lines));
    await screen.findByRole("link", { name: "Række 51: Det samme tilbud står i flere rækker. Slet de ekstra rækker." });
    expect(screen.queryByRole("button", { name: /^Importér/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Vælg den rettede fil" })).toBeInTheDocument();
  });
});

describe("importing another publisher's HSDS tables", () => {
  const term = { key: "t-1", taxonomy: "Frivilligcenter emner", code: "FC-MOTION", name: "Motion og bevægelse", count: 1, suggestion: "sport" };
  const services = "id,organization_id,name,description,status\r\n0190a1b2-c3d4-7e5f-8a9b-000000000001,o1,Motion,Vi bevæger os.,active\r\n";
  const organizations = "id,name,description\r\no1,Frivilligcenter Trekanten,Et frivilligcenter.\r\n";
  const funding = "id,organization_id,service_id,source\r\nf1,o1,,Driftstilskud\r\n";
  const datapackage = JSON.stringify({ name: "trekanten", title: "Frivilligcenter Trekanten", resources: [] });
  const tables = [
    new File([services], "services.csv", { type: "text/csv" }),
    new File([organizations], "organizations.csv", { type: "text/csv" }),
    new File([funding], "funding.csv", { type: "text/csv" }),
    new File([datapackage], "datapackage.json", { type: "application/json" }),
  ];

  it("nests the tables into services, asks what the foreign terms are, keeps the choice and imports", async () => {
    const input = await openPage();
    const preview = (mapped?: string) => ({
      body: {
        rows: [{ ...row(1, "create"), organization: { name: "Frivilligcenter Trekanten", status: "new" } }],
        plan: "m".repeat(43),
        terms: [{ ...term, ...(mapped ? { mapped } : {}) }],
        kept_out: { funding: 0 },
      },
    });
    const fetch = mockFetch(preview(), { status: 204, body: undefined }, preview("sport"), { body: { created: 1, updated: 0, unchanged: 0, rows: [] } });
    fireEvent.change(input, { target: { files: tables } });

    // The tables went as one JSON part, with the publisher from datapackage.json.
    const select = await screen.findByLabelText("Motion og bevægelse (i 1 tilbud)");
    expect(sentHeader(fetch, "content-type")).toBe("application/json");
    expect(sentUrl(fetch).searchParams.get("publisher")).toBe("Frivilligcenter Trekanten");
    expect((JSON.parse(String(fetch.mock.calls[0]?.[1]?.body)) as { name: string; organization: { name: string } }[])[0]).toMatchObject({
      name: "Motion",
      organization: { name: "Frivilligcenter Trekanten" },
    });
    // The organisation's own funding belongs to no service: it is named as kept out.
    expect(screen.getByText("Det her kommer ikke med, for Nærhed har ikke felter til det: 1 rækker om tilskud.")).toBeInTheDocument();
    expect(screen.getByRole("cell", { name: "Ny: Frivilligcenter Trekanten" })).toBeInTheDocument();
    expect(select).toHaveValue("sport");
    // The next step is matching the categories: no import button until then.
    expect(screen.queryByRole("button", { name: /^Importér/ })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Gem valgene og tjek filen igen" }));
    const button = await screen.findByRole("button", { name: "Importér 1 tilbud" });
    await waitFor(() => expect(button).toBeEnabled());
    expect(sentMethod(fetch, 1)).toBe("PUT");
    expect(sentUrl(fetch, 1).pathname).toBe("/api/directory/centres/nord/import/mapping");
    expect(sentBody(fetch, 1)).toEqual({ publisher: "Frivilligcenter Trekanten", terms: { "t-1": "sport" } });
    fireEvent.click(button);
    await screen.findByText("Færdig. 1 nye og 0 ændrede tilbud er gemt som kladder.");
    expect(sentUrl(fetch, 3).searchParams.get("publisher")).toBe("Frivilligcenter Trekanten");
  });

  it("says so when the tables have no services table", async () => {
    const input = await openPage();
    const fetch = mockFetch();
    fireEvent.change(input, { target: { files: [tables[1], tables[3]] } });
    expect(await screen.findByText("Vi kan ikke finde tabellen services.csv. Den skal være med.")).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });
});
