import { DeleteCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOffers } from "@naerhed/local/demo/offers";
import type { CuratedOffer, Offer } from "@naerhed/core/directory/offer";
import { organizationId } from "@naerhed/core/directory/hsds";
import { createDirectoryStore, type DirectoryStore } from "@naerhed/core/directory/store";
import { makeOffer } from "../../core/test/offer-fixtures.ts";
import { json, testApi } from "./support.ts";

/**
 * Import (issue 4, point 6): staff preview a file of offers (the export's CSV or HSDS JSON),
 * then import it into their centre as drafts. Against DynamoDB Local; "nothing written" is
 * checked in the table itself.
 */

type Api = Awaited<ReturnType<typeof testApi>>;
type PreviewRow = { row: number; name?: string; id?: string; action: string; problems: { column: string; message: string; text: string }[] };
type Preview = { rows: PreviewRow[]; plan: string };
type ErrorBody = { error: { code: string; message: string; fields?: { field: string; message: string }[]; details?: { preview: Preview } } };

/** A published offer with the fields a CSV must quote and texts a spreadsheet would run as formulas. */
const tricky = makeOffer({
  name: 'Kaffe, kage og "hygge"',
  alternate_name: "=1+1",
  description: "Vi mødes over en kop kaffe.\nAlle er velkomne; også børn.",
  organization_name: 'Foreningen "Æblehaven", Sønderlund',
  category: "meeting_place",
  free: false,
  fees_description: "-10 kr. for kaffen",
  phone: "+45 70 00 09 99",
  location: { name: "@Huset", address_1: "Åvej 9", postal_code: "6800", city: "Sønderlund" },
  accessibility_notes: "Trinfri adgang.",
});
const nordPublished = [...demoOffers.filter((o) => o.centre_id === "nord" && o.publication === "published"), tricky];

/** What an import sets: the offer without its state and bookkeeping. */
function fieldsOf(offer: Offer | CuratedOffer) {
  const { id: _i, publication: _p, assured_date: _a, last_modified: _l, version: _v, ...fields } = offer as CuratedOffer;
  return fields;
}
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

let source: Api;
let t: Api;
let store: DirectoryStore;
let staff: { cookie: string };
let staffSyd: { cookie: string };
let admin: { cookie: string };
let csvExport: string;
/** The JSON export in two parts: all of it is over the API's 64 KB a request, so the page (and this test) sends it in parts. */
let jsonParts: string[];

beforeAll(async () => {
  source = await testApi();
  const sourceStore = createDirectoryStore(source.db, source.config.tableNames.directory!);
  for (const offer of [...demoOffers, tricky]) await sourceStore.putOffer(offer);
  t = await testApi();
  store = createDirectoryStore(t.db, t.config.tableNames.directory!);
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Ida Import");
  staffSyd = await t.personWith([{ role: "staff", centre_id: "syd" }]);
  admin = await t.personWith([{ role: "admin" }]);
});
afterAll(() => Promise.all([source.db.destroy(), t.db.destroy()]));

/** The export of `offers`, made by the source API's own export routes. */
async function exportOf(offers: readonly Offer[], format: "csv" | "json"): Promise<string> {
  const api = await testApi();
  const exportStore = createDirectoryStore(api.db, api.config.tableNames.directory!);
  for (const offer of offers) await exportStore.putOffer(offer);
  const text = await (await api.api.request(`/api/hsds/export.${format}`)).text();
  api.db.destroy();
  return text;
}

const contentType = (format: "csv" | "json") => (format === "csv" ? "text/csv" : "application/json");

async function preview(file: string, format: "csv" | "json" = "csv", cookie = staff.cookie, centre = "nord") {
  const response = await t.api.request(`/api/directory/centres/${centre}/import/preview`, {
    method: "POST",
    headers: { "content-type": contentType(format), cookie },
    body: file,
  });
  return { status: response.status, body: (await response.json()) as Preview & ErrorBody };
}

async function importFile(file: string, plan: string, format: "csv" | "json" = "csv", cookie = staff.cookie) {
  const response = await t.api.request(`/api/directory/centres/nord/import?plan=${plan}`, {
    method: "POST",
    headers: { "content-type": contentType(format), cookie },
    body: file,
  });
  return { status: response.status, body: (await response.json()) as { created: number; updated: number; unchanged: number } & ErrorBody };
}

/** Preview, check it has no errors, import with its plan. */
async function previewAndImport(file: string, format: "csv" | "json" = "csv") {
  const seen = await preview(file, format);
  expect(seen.status).toBe(200);
  expect(seen.body.rows.flatMap((row) => row.problems)).toEqual([]);
  const done = await importFile(file, seen.body.plan, format);
  expect(done.status).toBe(200);
  return { preview: seen.body, result: done.body };
}

/** Every offer of centre nord, whole (the test's own read of gsi2; the module's worklist reads only a few fields). */
const stored = async (): Promise<CuratedOffer[]> => {
  const { Items = [] } = await t.db.send(
    new QueryCommand({ TableName: t.config.tableNames.directory!, IndexName: "gsi2", KeyConditionExpression: "gsi2pk = :c", ExpressionAttributeValues: { ":c": "CENTRE#nord" } }),
  );
  return Items.map(({ pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...offer }) => offer as CuratedOffer).sort(byId);
};
/** Each test starts from a centre without offers (DeleteItem here is the test's own, not the module's). */
const clear = async () => {
  for (const offer of await stored()) {
    await t.db.send(new DeleteCommand({ TableName: t.config.tableNames.directory!, Key: { pk: `OFFER#${offer.id}`, sk: "OFFER" } }));
  }
};

const csv = (...lines: string[]) => `${["name,description,organization_name,status,area,category,free,postal_code,address_1,city", ...lines].join("\r\n")}\r\n`;

beforeAll(async () => {
  csvExport = await exportOf(nordPublished, "csv");
  jsonParts = [await exportOf(nordPublished.slice(0, 7), "json"), await exportOf(nordPublished.slice(7), "json")];
});

describe("export → import round trip", () => {
  it.each(["csv", "json"] as const)("the %s export, imported, gives drafts with the original offers' fields and ids", async (format) => {
    await clear();
    const parts = format === "csv" ? [csvExport] : jsonParts;
    const done = [];
    for (const part of parts) done.push(await previewAndImport(part, format));
    expect(done.flatMap(({ preview: seen }) => seen.rows.map((row) => row.action))).toEqual(nordPublished.map(() => "create"));
    expect(done.reduce((sum, { result }) => sum + result.created, 0)).toBe(nordPublished.length);
    const offers = await stored();
    expect(offers.map((o) => o.id)).toEqual(nordPublished.map((o) => o.id).sort());
    // HSDS keeps accessibility on a location, so the JSON export has no place for the notes of an offer without one.
    const exported = (offer: Offer) => (format === "json" && !offer.location ? { ...offer, accessibility_notes: undefined } : offer);
    // Each offer now points at its organisation's record, made from the name (same id as the name had).
    const linked = (offer: Offer) => ({ ...offer, organization_id: organizationId(offer.organization_name) });
    expect(offers.map(fieldsOf)).toEqual([...nordPublished].sort(byId).map(exported).map(linked).map(fieldsOf));
    // The new fields came through too: access facts, weekly times, dated sessions, languages, coordinates.
    expect(offers.some((o) => o.accessibility?.includes("hearing_loop"))).toBe(true);
    expect(offers.some((o) => (o.weekly?.length ?? 0) > 0 && (o.sessions?.length ?? 0) === 0)).toBe(true);
    expect(offers.some((o) => (o.sessions?.length ?? 0) > 0)).toBe(true);
    expect(offers.some((o) => o.languages?.includes("en"))).toBe(true);
    expect(offers.every((o) => o.publication === "draft" && o.version === 1)).toBe(true);
  });

  it("a confidential place is not in the export, so its row asks for the address", async () => {
    await clear();
    const hidden = makeOffer({ location: { address_1: "Skjult Vej 1", postal_code: "7000", city: "Fredericia", confidential: true } });
    const { body } = await preview(await exportOf([hidden], "csv"));
    expect(body.rows[0]!.problems).toEqual([expect.objectContaining({ column: "address_1", message: "import_confidential_address" })]);
    expect(await stored()).toEqual([]);
  });
});

describe("nothing is written until every row is right", () => {
  it("a preview writes nothing, and shows what each row would do", async () => {
    await clear();
    const { status, body } = await preview(csvExport);
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(nordPublished.length);
    const first = nordPublished.find((offer) => offer.id === body.rows[0]!.id)!;
    expect(body.rows[0]).toEqual({
      row: 1,
      name: first.name,
      id: first.id,
      action: "create",
      problems: [],
      // The organisation is a record of its own (made by the round trip above), with the id its name already had.
      organization: { id: organizationId(first.organization_name), name: first.organization_name, status: "existing", by: "name" },
    });
    expect(await stored()).toEqual([]);
  });

  it("a file with one bad row writes nothing; the preview and the import name the row and the problem, in Danish or English", async () => {
    await clear();
    const file = csv("Gåtur,Vi går.,Gåklubben,active,Nordby,sport,ja,7000,Vej 1,Fredericia", "Strik,Vi strikker.,Strikkeklubben,active,Nordby,creative,ja,70,Vej 2,Fredericia");
    const seen = await preview(file);
    expect(seen.body.rows.map((row) => row.action)).toEqual(["create", "error"]);
    expect(seen.body.rows[1]!.problems).toEqual([
      { column: "postal_code", message: "postal_code_invalid", text: "Række 2, Postnummer (kolonnen postal_code): Postnummeret skal have 4 cifre." },
    ]);
    const english = await t.api.request("/api/directory/centres/nord/import/preview", {
      method: "POST",
      headers: { "content-type": "text/csv", cookie: staff.cookie, "accept-language": "en" },
      body: file,
    });
    expect(((await english.json()) as Preview).rows[1]!.problems[0]!.text).toBe("Row 2, Postcode (column postal_code): The postcode must have 4 digits.");

    const done = await importFile(file, seen.body.plan);
    expect(done.status).toBe(400);
    expect(done.body.error.fields).toEqual([{ field: "rows.2.postal_code", message: "Postnummeret skal have 4 cifre." }]);
    expect(await stored()).toEqual([]);
  });

  it("a file that is not CSV or JSON, or cannot be read, is refused with a plain message", async () => {
    const wrongType = await t.api.request("/api/directory/centres/nord/import/preview", {
      method: "POST",
      headers: { "content-type": "text/plain", cookie: staff.cookie },
      body: "name\r\nx\r\n",
    });
    // Refused before the import reads it, in words that say what the import takes.
    expect(wrongType.status).toBe(415);
    expect(((await wrongType.json()) as ErrorBody).error.message).toBe(
      "Vi tager CSV fra eksporten, HSDS JSON eller HSDS-tabeller som CSV-filer med datapackage.json, gerne samlet i en zip-fil.",
    );
    const broken = await preview('name\r\n"open\r\n');
    expect(broken.status).toBe(400);
    expect(broken.body.error.fields).toEqual([{ field: "file", message: expect.stringContaining("citationstegn") }]);
  });

  it("an import without the preview's plan writes nothing", async () => {
    await clear();
    const response = await t.api.request("/api/directory/centres/nord/import", {
      method: "POST",
      headers: { "content-type": "text/csv", cookie: staff.cookie },
      body: csvExport,
    });
    expect(response.status).toBe(400);
    expect(await stored()).toEqual([]);
  });
});

describe("centres", () => {
  it("rows for another centre are refused, and the whole file is not written", async () => {
    await clear();
    const everything = await exportOf(demoOffers.filter((o) => o.publication === "published").slice(0, 60), "csv");
    const seen = await preview(everything);
    const refused = seen.body.rows.filter((row) => row.action === "error");
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((row) => row.problems.some((p) => p.message === "import_other_centre"))).toBe(true);
    expect(refused[0]!.problems[0]!.text).toMatch(/^Række \d+, Borgercenter \(kolonnen centre\): Tilbuddet hører til et andet borgercenter/);
    expect((await importFile(everything, seen.body.plan)).status).toBe(400);
    expect(await stored()).toEqual([]);
  });

  it("an id that belongs to another centre's offer is refused", async () => {
    await clear();
    const theirs = makeOffer({ centre_id: "syd", name: "Sydens tilbud" });
    await store.putOffer(theirs);
    const file = await exportOf([{ ...theirs, centre_id: "nord" }], "csv");
    const seen = await preview(file);
    expect(seen.body.rows[0]).toMatchObject({ action: "error", problems: [{ column: "id", message: "import_offer_other_centre" }] });
  });

  it("staff of another centre may not preview or import into this one", async () => {
    expect((await preview(csvExport, "csv", staffSyd.cookie)).status).toBe(403);
    expect((await importFile(csvExport, "x".repeat(43), "csv", staffSyd.cookie)).status).toBe(403);
    expect(await stored()).toEqual([]);
  });
});

describe("updates and retries", () => {
  it("importing the same file again writes nothing and makes no copies", async () => {
    await clear();
    const file = csv("Gåtur,Vi går.,Gåklubben,active,Nordby,sport,ja,7000,Vej 1,Fredericia");
    await previewAndImport(file);
    await previewAndImport(csvExport);
    const before = await stored();
    const again = await previewAndImport(csvExport);
    expect(again.preview.rows.every((row) => row.action === "unchanged")).toBe(true);
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: nordPublished.length });
    const second = await previewAndImport(file);
    expect(second.result).toMatchObject({ created: 0, unchanged: 1 });
    expect(await stored()).toEqual(before);
  });

  it("a changed row updates its offer as a new draft version; each change is in the audit log", async () => {
    await clear();
    await store.putOffer(tricky);
    const changed = await exportOf([{ ...tricky, name: "Kaffe og kage" }], "json");
    const { preview: seen, result } = await previewAndImport(changed, "json");
    expect(seen.rows[0]).toMatchObject({ action: "update", id: tricky.id });
    expect(result).toMatchObject({ created: 0, updated: 1 });
    const [offer] = await stored();
    expect(offer).toMatchObject({ name: "Kaffe og kage", publication: "draft", version: 2, assured_date: tricky.assured_date });
    // A published offer that became a draft is gone from the public pages until staff publish it again.
    expect((await t.api.request(`/api/directory/offers/${tricky.id}`)).status).toBe(404);
    const log = (await (await t.api.request(`/api/identity/audit?item=directory:offer:${tricky.id}`, { headers: { cookie: admin.cookie } })).json()) as {
      items: { action: string; actor_name: string }[];
    };
    expect(log.items[0]).toEqual(expect.objectContaining({ action: "directory.offer.import_update", actor_name: "Ida Import" }));
  });

  it("when someone edits an offer after the preview, the import writes nothing and shows the new preview", async () => {
    await clear();
    await store.putOffer(tricky);
    const changed = await exportOf([{ ...tricky, name: "Kaffe og kage" }], "csv");
    const seen = await preview(changed);
    const edit = await t.api.request(`/api/directory/centres/nord/offers/${tricky.id}`, {
      method: "PUT",
      ...json({ version: 1, offer: { ...fieldsOf(tricky), description: "Ny tekst fra en kollega." } }, { cookie: staff.cookie }),
    });
    expect(edit.status).toBe(200);
    const done = await importFile(changed, seen.body.plan);
    expect(done.status).toBe(409);
    expect(done.body.error.code).toBe("import_changed");
    expect(done.body.error.details?.preview.rows[0]).toMatchObject({ action: "update" });
    const [offer] = await stored();
    expect(offer).toMatchObject({ name: tricky.name, description: "Ny tekst fra en kollega.", version: 2 });
  });

  it("refuses more than 50 rows in one request and says so (the page sends large files in parts)", async () => {
    const many = csv(...Array.from({ length: 51 }, (_, i) => `Tilbud ${i},Tekst.,Org,active,Nordby,sport,ja,7000,Vej 1,By`));
    const seen = await preview(many);
    expect(seen.status).toBe(400);
    expect(seen.body.error.fields?.[0]?.message).toMatch(/højst 50 /);
  });
});
