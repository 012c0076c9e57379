import { readdirSync, readFileSync } from "node:fs";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizationId } from "@naerhed/core/directory/hsds";
import { nestTables, readTables } from "@naerhed/core/directory/hsds-dataset";
import { checkItem } from "@naerhed/core/directory/import-rows";
import { demoCentres } from "@naerhed/local/demo/organisation";
import type { CuratedOffer } from "@naerhed/core/directory/offer";
import type { Organization } from "@naerhed/core/directory/organization";
import { createDirectoryStore, type DirectoryStore } from "@naerhed/core/directory/store";
import { messages } from "@naerhed/core/shared/messages";
import { hsdsValidators, problemsOf } from "./hsds-schemas.ts";
import { json, testApi } from "./support.ts";

/**
 * Import of another publisher's HSDS 3.0 dataset, in both forms, from fixtures of our own
 * (fixtures/hsds-foreign/: "Frivilligcenter Trekanten", 12 services, every HSDS table Nærhed maps
 * and several it does not; six services are each implausible in one way). Against DynamoDB
 * Local: "nothing written" is read in the table itself.
 */

const FIXTURES = new URL("./fixtures/hsds-foreign/", import.meta.url);
const nestedText = readFileSync(new URL("services.json", FIXTURES), "utf8");
const nested = JSON.parse(nestedText) as { contents: Record<string, any>[] };
const tabularFiles = Object.fromEntries(readdirSync(new URL("tabular/", FIXTURES)).map((name) => [name, readFileSync(new URL(`tabular/${name}`, FIXTURES), "utf8")]));
const PUBLISHER = "Frivilligcenter Trekanten";

/** The services each plausibility problem is shown on, with the column and message the preview gives. */
const implausible: Record<string, { column: string; message: keyof typeof messages.da }> = {
  "Sommerudflugt til Egeskov": { column: "sessions", message: "import_session_past" },
  "Bowling i Leeds": { column: "latitude", message: "import_coordinates_outside_denmark" },
  "Forkert sted": { column: "latitude", message: "import_coordinates_out_of_range" },
  Telefonrådgivning: { column: "phone", message: "import_phone_quotes" },
  Stolyoga: { column: "schedules", message: "import_timezone_invalid" },
  Onlinegruppe: { column: "url", message: "import_url_not_web" },
};
const clean = nested.contents.filter((service) => !(service.name in implausible));
const cleanIds = new Set(clean.map((service) => service.id as string));

type Preview = {
  rows: { row: number; name?: string; id?: string; action: string; problems: { column: string; message: string; text: string }[]; organization?: { id: string; name: string; status: string; by?: string } }[];
  plan: string;
  terms: { key: string; name: string; count: number; mapped?: string; suggestion?: string }[];
  kept_out: Record<string, number>;
  kept_out_text: string[];
  publisher?: string;
};

let t: Awaited<ReturnType<typeof testApi>>;
let store: DirectoryStore;
let staff: { cookie: string };

beforeAll(async () => {
  t = await testApi();
  store = createDirectoryStore(t.db, t.config.tableNames.directory!);
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
  // Two organisations are already here: one under another name but with the same CVR number, one with the same name.
  const existing: Organization[] = [
    { id: organizationId("Åben Dør (forening)"), name: "Åben Dør (forening)", identifiers: [{ identifier_type: "CVR-nummer", identifier: "29 87 65 43" }], version: 1, last_modified: "2026-01-01T00:00:00.000Z" },
    { id: organizationId("Gåklubben Solsikken"), name: "Gåklubben Solsikken", version: 1, last_modified: "2026-01-01T00:00:00.000Z" },
  ];
  for (const organization of existing) await store.saveOrganization(organization, null, t.services.audit.line({ actor: { person_id: "test", display_name: "Test" } as never, action: "test", item: "test", summary: "{}" }));
});
afterAll(() => t.db.destroy());

type Body = { body: string | Uint8Array | FormData; type?: string };
const jsonBody = (services: unknown): Body => ({ body: JSON.stringify(services), type: "application/json" });
const zipBody = (files: Record<string, string>): Body => ({ body: zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [`export/${name}`, strToU8(text)]))), type: "application/zip" });
const formBody = (files: Record<string, string>): Body => {
  const form = new FormData();
  for (const [name, text] of Object.entries(files)) form.append("files", new File([text], name, { type: name.endsWith(".json") ? "application/json" : "text/csv" }));
  return { body: form };
};
/** The tabular files with only the clean services left in services.csv. */
const cleanTables = () => {
  const [header, ...lines] = tabularFiles["services.csv"]!.trimEnd().split("\r\n");
  return { ...tabularFiles, "services.csv": `${[header, ...lines.filter((line) => cleanIds.has(line.slice(0, 36)))].join("\r\n")}\r\n` };
};

async function send(path: string, { body, type }: Body, query = `publisher=${encodeURIComponent(PUBLISHER)}`, language = "da") {
  const response = await t.api.request(`/api/directory/centres/nord/${path}?${query}`, {
    method: "POST",
    headers: { ...(type ? { "content-type": type } : {}), cookie: staff.cookie, "accept-language": language },
    body,
  });
  return { status: response.status, body: (await response.json()) as any };
}
const preview = async (body: Body, language = "da") => {
  const answer = await send("import/preview", body, undefined, language);
  expect(answer.status).toBe(200);
  return answer.body as Preview;
};

const offersOfNord = async (): Promise<CuratedOffer[]> => {
  const { Items = [] } = await t.db.send(
    new QueryCommand({ TableName: t.config.tableNames.directory!, IndexName: "gsi2", KeyConditionExpression: "gsi2pk = :c", ExpressionAttributeValues: { ":c": "CENTRE#nord" } }),
  );
  return Items as CuratedOffer[];
};

describe("the fixtures", () => {
  it("are valid HSDS 3.0, and the tabular form nests into the same offers as the nested form", () => {
    const h = hsdsValidators();
    for (const service of nested.contents) expect(problemsOf(h.service, service), service.name).toEqual([]);
    const tables = readTables(tabularFiles);
    if (!tables.ok) throw new Error(tables.problem);
    expect(tables.publisher).toBe(PUBLISHER);
    const fromTables = nestTables(tables.tables).services;
    const rows = (services: unknown[]) => services.map((service, index) => checkItem({ row: index + 1, service }, [], { own: "nord", known: demoCentres }, { terms: {} }));
    expect(rows(fromTables)).toEqual(rows(nested.contents));
    // Every table Nærhed maps is in the fixture, and several it does not.
    expect(Object.keys(tables.tables).sort()).toEqual(
      [
        "accessibility", "addresses", "attributes", "contacts", "cost_options", "funding", "languages", "locations", "metadata", "organization_identifiers",
        "organizations", "phones", "programs", "required_documents", "schedules", "service_areas", "service_at_locations", "services", "taxonomies", "taxonomy_terms",
      ].sort(),
    );
  });
});

describe.each([
  ["nested JSON (a Page)", () => jsonBody(nested)],
  ["tables in a zip", () => zipBody(tabularFiles)],
  ["tables as files of a form", () => formBody(tabularFiles)],
] as const)("a dataset with implausible rows, as %s", (_form, body) => {
  it("shows each plausibility problem on its row, in Danish and English, and the import writes nothing", async () => {
    const seen = await preview(body());
    expect(seen.rows).toHaveLength(12);
    for (const row of seen.rows) {
      const expected = implausible[row.name!];
      if (!expected) {
        expect(row.problems, row.name).toEqual([]);
        continue;
      }
      expect(row.action, row.name).toBe("error");
      expect(row.problems, row.name).toEqual([{ ...expected, text: expect.stringContaining(`(kolonnen ${expected.column}): ${messages.da[expected.message]}`) }]);
      expect(row.problems[0]!.text).toMatch(new RegExp(`^Række ${row.row}, [A-ZÆØÅ]`));
    }
    const english = await preview(body(), "en");
    const yoga = english.rows.find((row) => row.name === "Stolyoga")!;
    expect(yoga.problems[0]!.text).toBe(`Row ${yoga.row}, Times (column schedules): ${messages.en.import_timezone_invalid}`);

    const refused = await send(`import`, body(), `publisher=${encodeURIComponent(PUBLISHER)}&plan=${seen.plan}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toHaveLength(6);
    expect(await offersOfNord()).toEqual([]);
  });
});

describe("importing the clean services", () => {
  it("asks staff to confirm the foreign terms, suggests ours, and refuses to import until they did", async () => {
    const seen = await preview(jsonBody(clean));
    expect(seen.terms.map((term) => [term.name, term.count, term.suggestion, term.mapped])).toEqual([
      ["Motion og bevægelse", 2, "sport", undefined],
      ["Kørestolsvenlig", 1, "step_free", undefined],
      ["Samvær og fællesskab", 1, "meeting_place", undefined],
      ["Ensomhed", 2, undefined, undefined],
      ["Rådgivning", 1, "counselling", undefined],
      ["Kreativitet", 1, "creative", undefined],
    ]);
    const refused = await send("import", jsonBody(clean), `publisher=${encodeURIComponent(PUBLISHER)}&plan=${seen.plan}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([{ field: "mapping", message: messages.da.import_mapping_unconfirmed }]);
    expect(await offersOfNord()).toEqual([]);
  });

  it("says what it keeps out, matches organisations by CVR number and by name, and imports once", async () => {
    const first = await preview(jsonBody(clean));
    const terms = Object.fromEntries(first.terms.map((term) => [term.key, term.suggestion ?? "meeting_place"]));
    const confirmed = await t.api.request("/api/directory/centres/nord/import/mapping", { method: "PUT", ...json({ publisher: PUBLISHER, terms }, { cookie: staff.cookie }) });
    expect(confirmed.status).toBe(204);

    const seen = await preview(jsonBody(clean));
    expect(seen.terms.every((term) => term.mapped === terms[term.key])).toBe(true);
    expect(seen.kept_out).toEqual({ funding: 2, required_documents: 2, programs: 1, contacts: 1, phones: 1, service_at_locations: 1, schedules: 1, languages: 1 });
    expect(seen.kept_out_text).toEqual(expect.arrayContaining(["2 rækker om tilskud", "2 krav om dokumenter", "1 programmer"]));
    const organization = (name: string) => seen.rows.find((row) => row.name === name)!.organization;
    expect(organization("Åben café")).toEqual({ id: organizationId("Åben Dør (forening)"), name: "Åben Dør (forening)", status: "existing", by: "identifier" });
    expect(organization("Gåtur ved fjorden")).toMatchObject({ status: "existing", by: "name" });
    expect(organization("Motionshold for alle")).toEqual({ id: organizationId("Frivilligcenter Trekanten"), name: "Frivilligcenter Trekanten", status: "new" });

    const done = await send("import", jsonBody(clean), `publisher=${encodeURIComponent(PUBLISHER)}&plan=${seen.plan}`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ created: 6, updated: 0, unchanged: 0 });

    const offers = await offersOfNord();
    expect(offers).toHaveLength(6);
    const motion = offers.find((offer) => offer.name === "Motionshold for alle")!;
    expect(motion).toMatchObject({
      publication: "draft",
      organization_id: organizationId("Frivilligcenter Trekanten"),
      organization_name: "Frivilligcenter Trekanten",
      category: "sport",
      accessibility: ["step_free"],
      free: true,
      phone: "+45 75 92 10 21",
      area: "Fredericia",
      minimum_age: 18,
      languages: ["da", "en"],
      weekly: [
        { weekday: "mo", opens_at: "10:00", closes_at: "11:30" },
        { weekday: "th", opens_at: "10:00", closes_at: "11:30" },
      ],
      location: { name: "Kulturhuset", address_1: "Prinsessegade 23", postal_code: "7000", city: "Fredericia", latitude: 55.5657, longitude: 9.7526 },
      accessibility_notes: "Rampe ved indgangen. Handicaptoilet i stueetagen.",
    });
    const cafe = offers.find((offer) => offer.name === "Åben café")!;
    expect(cafe).toMatchObject({ category: "meeting_place", free: false, fees_description: "20 kr. for kaffe og kage", sessions: [{ date: "2027-01-15", opens_at: "13:00", closes_at: "16:00" }] });
    expect(offers.find((offer) => offer.name === "Telefonvenner")).toMatchObject({ category: "meeting_place", area: "Trekantområdet" });

    const organizations = await store.listOrganizations();
    expect(organizations.map((o) => o.name).sort()).toEqual(["Frivilligcenter Trekanten", "Gåklubben Solsikken", "Kolding Kommune, Handicap og Psykiatri", "Åben Dør (forening)"].sort());
    expect(organizations.find((o) => o.name === "Frivilligcenter Trekanten")).toMatchObject({
      website: "https://frivilligcenter-trekanten.example.dk",
      email: "info@frivilligcenter-trekanten.example.dk",
      legal_status: "Forening",
      phone: "+45 75 92 10 20",
      identifiers: [{ identifier_scheme: "DK-CVR", identifier_type: "CVR-nummer", identifier: "31234567" }],
    });

    // Again, in either form: the mapping is remembered for the publisher, and nothing is written twice.
    for (const again of [jsonBody(clean), zipBody(cleanTables())]) {
      const repeat = await preview(again);
      expect(repeat.terms.every((term) => term.mapped !== undefined)).toBe(true);
      expect(repeat.rows.map((row) => row.action)).toEqual(clean.map(() => "unchanged"));
      const none = await send("import", again, `publisher=${encodeURIComponent(PUBLISHER)}&plan=${repeat.plan}`);
      expect(none.body).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    }
    expect(await offersOfNord()).toHaveLength(6);
    expect(await store.listOrganizations()).toHaveLength(4);
  });

  it("counts the rows of tables that belong to no service as kept out too", async () => {
    const seen = await preview(zipBody(cleanTables()));
    // Besides the services' own: the organisation's funding, a programme nobody runs, two lines of change history;
    // and the six implausible services' rows of other tables, which no service in this file holds.
    expect(seen.kept_out).toMatchObject({ funding: 3, programs: 2, metadata: 2 });
    expect(seen.publisher).toBe(PUBLISHER);
  });
});

describe("bad input", () => {
  it("anything else is a 415 with one sentence that says what the import takes", async () => {
    for (const type of ["text/plain", "application/xml", "application/pdf"]) {
      const answer = await send("import/preview", { body: "<x/>", type });
      expect(answer.status).toBe(415);
      expect(answer.body.error.message).toBe(messages.da.import_format_invalid);
    }
    const notTables = await send("import/preview", formBody({ "notes.csv": "a,b\r\n1,2\r\n" }));
    expect(notTables.status).toBe(415);
  });

  it("a zip that is broken or has no services table is a 400 that says so", async () => {
    const broken = await send("import/preview", { body: "PK not really a zip", type: "application/zip" });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toBe(messages.da.import_zip_invalid);
    const { "services.csv": _services, ...withoutServices } = tabularFiles;
    const missing = await send("import/preview", zipBody(withoutServices));
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe(messages.da.import_tabular_no_services);
  });

  it("a mapping to something that is not ours is refused", async () => {
    const answer = await t.api.request("/api/directory/centres/nord/import/mapping", {
      method: "PUT",
      ...json({ publisher: PUBLISHER, terms: { x: "swimming" } }, { cookie: staff.cookie }),
    });
    expect(answer.status).toBe(400);
  });
});
