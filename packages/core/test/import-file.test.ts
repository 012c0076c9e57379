import { describe, expect, it } from "vitest";
import { csvRecord, parseCsv, separatorOf } from "../src/directory/csv.ts";
import { offersToCsv } from "../src/directory/hsds-csv.ts";
import { centreLookup, toHsdsService as toService } from "../src/directory/hsds.ts";
import { demoCentres } from "@naerhed/local/demo/organisation";
import { IMPORT_BATCH_BYTES, IMPORT_BATCH_ROWS, formatOf, readImportFile, splitImportFile } from "../src/directory/import-file.ts";
import { checkItem, describeProblem, markDuplicates } from "../src/directory/import-rows.ts";
import type { Offer } from "../src/directory/offer.ts";
import { makeOffer } from "./offer-fixtures.ts";

const centreOf = centreLookup(demoCentres);
const toHsdsService = (offer: Offer) => toService(offer, centreOf);
const ownCentre = { own: "nord", known: demoCentres };

describe("parseCsv (RFC 4180)", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and skips the byte order mark", () => {
    const text = '\uFEFFa,b,c\r\n"1, 2","say ""hi""","two\r\nlines"\n3,,""\r\n';
    expect(parseCsv(text)).toEqual({ ok: true, records: [["a", "b", "c"], ["1, 2", 'say "hi"', "two\r\nlines"], ["3", "", ""]] });
  });

  it("ignores blank lines and a missing final line break", () => {
    expect(parseCsv("a,b\r\n\r\nc,d")).toEqual({ ok: true, records: [["a", "b"], ["c", "d"]] });
  });

  it("refuses a quote left open or a quote in the middle of a plain field, with the line", () => {
    expect(parseCsv('a,b\r\nx,"open\r\n')).toEqual({ ok: false, line: 3 });
    expect(parseCsv('a,b\r\nx,y"z\r\n')).toEqual({ ok: false, line: 2 });
    expect(parseCsv('a,b\r\n"x"y,z\r\n')).toEqual({ ok: false, line: 2 });
  });

  it("reads a file with semicolons, as Excel with Danish settings saves it", () => {
    const text = 'name;description;city\r\n"Kaffe; kage";"Vi mødes, hver dag";Fredericia\r\n';
    expect(separatorOf(text)).toBe(";");
    expect(parseCsv(text, ";")).toEqual({ ok: true, records: [["name", "description", "city"], ["Kaffe; kage", "Vi mødes, hver dag", "Fredericia"]] });
    const file = readImportFile(`\uFEFF${text}`, "csv");
    expect(file.ok && file.items[0]?.record).toEqual(["Kaffe; kage", "Vi mødes, hver dag", "Fredericia"]);
  });

  it("gives back exactly what csvRecord wrote", () => {
    const fields = ["plain", "a,b", 'q"q', "line\nbreak", "'=SUM(A1)", ""];
    expect(parseCsv(`${csvRecord(fields)}\r\n`)).toEqual({ ok: true, records: [fields] });
  });
});

const rowsOf = (text: string) => {
  const format = formatOf(text);
  const file = readImportFile(text, format);
  if (!file.ok) throw new Error(file.problem);
  return markDuplicates(file.items.map((item) => checkItem(item, file.header, ownCentre)));
};

/** What an import sets: the offer without its state and bookkeeping. */
const fieldsOf = ({ id: _i, publication: _p, assured_date: _a, last_modified: _l, ...fields }: Offer) => fields;

const full = makeOffer({
  name: "=Strik & snak",
  alternate_name: "Strikkecaféen",
  description: 'Vi strikker, drikker kaffe og siger "hej".\nAlle kan være med.',
  url: "https://strik.example.dk",
  email: "strik@example.dk",
  phone: "+45 12 34 56 78",
  category: "creative",
  free: false,
  fees_description: "-20 kr. for kaffe",
  eligibility_description: "Voksne",
  application_process: "Mød bare op.",
  minimum_age: 18,
  maximum_age: 99,
  schedule_description: "Tirsdage kl. 14-16",
  location: { name: "Kulturhuset", address_1: "Storegade 1", postal_code: "7000", city: "Fredericia" },
  accessibility_notes: "@Trinfri adgang",
  accessibility: ["step_free", "quiet_room"],
  weekly: [
    { weekday: "tu", opens_at: "14:00", closes_at: "16:00" },
    { weekday: "th", opens_at: "10:00", closes_at: "12:30" },
  ],
  sessions: [{ date: "2027-01-09", opens_at: "10:00", closes_at: "13:00" }],
  languages: ["da", "ar"],
});
const placed = makeOffer({ location: { address_1: "Vej 2", postal_code: "7000", city: "Fredericia", latitude: 55.5657, longitude: 9.7526 } });
const bare = makeOffer({ name: "Gåtur", free: true });

describe("reading the export back", () => {
  it("the CSV export gives back every field of each offer, formula guards included", () => {
    const rows = rowsOf(offersToCsv([full, placed, bare], centreOf));
    expect(rows.map((row) => row.problems)).toEqual([[], [], []]);
    expect(rows.map((row) => row.input)).toEqual([fieldsOf(full), fieldsOf(placed), fieldsOf(bare)]);
    expect(rows.map((row) => row.id)).toEqual([full.id, placed.id, bare.id]);
  });

  it("the HSDS JSON export gives back every field, free offers and their fee text included", () => {
    const withFee = makeOffer({ free: true, fees_description: "Gratis for medlemmer" });
    const rows = rowsOf(JSON.stringify([full, placed, bare, withFee].map((offer) => toHsdsService(offer))));
    expect(rows.map((row) => row.input)).toEqual([fieldsOf(full), fieldsOf(placed), fieldsOf(bare), fieldsOf(withFee)]);
  });

  it("reads an HSDS Page object too", () => {
    expect(rowsOf(JSON.stringify({ contents: [toHsdsService(bare)] }))[0]?.input).toEqual(fieldsOf(bare));
  });
});

describe("checking rows", () => {
  const csv = (header: string, ...lines: string[]) => [header, ...lines].join("\r\n");

  it("names the row and the column of each problem, in Danish and English", () => {
    const rows = rowsOf(csv("name,postal_code,address_1,city,free,minimum_age", "Ok,7000,Vej 1,By,ja,", ",70,Vej 2,By,måske,ti"));
    expect(rows[0]?.problems).toEqual([]);
    expect(rows[1]?.problems).toEqual(
      expect.arrayContaining([
        { column: "postal_code", message: "postal_code_invalid" },
        { column: "name", message: "text_required" },
        { column: "free", message: "import_free_invalid" },
        { column: "minimum_age", message: "age_invalid" },
      ]),
    );
    const times = rowsOf(csv("name,weekly,sessions,accessibility_facts", "A,tirsdag 14-16,,", "B,tu 16:00-14:00,,lift"));
    expect(times[0]?.problems).toEqual([{ column: "weekly", message: "import_times_invalid" }]);
    expect(times[1]?.problems).toEqual(
      expect.arrayContaining([
        { column: "weekly", message: "time_order_invalid" },
        { column: "accessibility_facts", message: "accessibility_fact_invalid" },
      ]),
    );
    expect(describeProblem(4, { column: "postal_code", message: "postal_code_invalid" }, "da")).toBe(
      "Række 4, Postnummer (kolonnen postal_code): Postnummeret skal have 4 cifre.",
    );
    expect(describeProblem(1200, { column: "", message: "import_row_columns" }, "en")).toBe(
      "Row 1,200: The row does not have as many columns as the header.",
    );
  });

  it("refuses a row for another centre, and takes the importer's centre when none is given", () => {
    const rows = rowsOf(csv("name,centre", "Syd-tilbud,Borgercenter Syd", "Uden center,"));
    expect(rows[0]?.problems).toEqual([{ column: "centre", message: "import_other_centre" }]);
    expect(rows[1]?.input?.centre_id).toBe("nord");
  });

  it("gives a row without an id the same id every time, and refuses the same offer twice", () => {
    expect(rowsOf(csv("name", "Ny"))[0]?.id).toBe(rowsOf(csv("name", "Ny"))[0]?.id);
    const twice = rowsOf(csv("name", "Ny", "Ny", "Anden"));
    expect(twice.map((row) => row.problems.map((p) => p.message))).toEqual([["import_duplicate_id"], ["import_duplicate_id"], []]);
  });

  it("refuses an id that is not a UUID, a row with too few columns, and a JSON item that is no service", () => {
    expect(rowsOf(csv("id,name", "42,Tilbud"))[0]?.problems).toEqual([{ column: "id", message: "import_id_invalid" }]);
    expect(rowsOf(csv("name,area", "Tilbud"))[0]?.problems).toEqual([{ column: "", message: "import_row_columns" }]);
    expect(rowsOf('["tekst"]')[0]?.problems).toEqual([{ column: "", message: "import_service_invalid" }]);
  });

  it("says what is wrong with a file that cannot be read", () => {
    expect(readImportFile("", "csv")).toEqual({ ok: false, problem: "import_file_empty" });
    expect(readImportFile("navn,by\r\nx,y\r\n", "csv")).toEqual({ ok: false, problem: "import_header_missing" });
    expect(readImportFile('name\r\n"x', "csv")).toEqual({ ok: false, problem: "import_csv_invalid" });
    expect(readImportFile("[1,", "json")).toEqual({ ok: false, problem: "import_json_invalid" });
    expect(readImportFile("[]", "json")).toEqual({ ok: false, problem: "import_file_empty" });
  });
});

describe("splitting a large file for the API", () => {
  const many = Array.from({ length: 250 }, (_, i) => makeOffer({ name: `Tilbud ${i + 1}`, description: "x".repeat(400) }));

  it.each(["csv", "json"] as const)("cuts %s into parts that each read as the same rows, numbered on", (format) => {
    const text = format === "csv" ? offersToCsv(many, centreOf) : JSON.stringify(many.map((offer) => toHsdsService(offer)));
    const file = readImportFile(text, format);
    if (!file.ok) throw new Error(file.problem);
    const batches = splitImportFile(file, format);
    expect(batches.length).toBeGreaterThan(2);
    const again = batches.flatMap((batch) => {
      expect(batch.rows).toBeLessThanOrEqual(IMPORT_BATCH_ROWS);
      expect(new TextEncoder().encode(batch.body).length).toBeLessThanOrEqual(IMPORT_BATCH_BYTES);
      const part = readImportFile(batch.body, format, batch.firstRow);
      if (!part.ok) throw new Error(part.problem);
      return part.items.map((item) => checkItem(item, part.header, ownCentre));
    });
    expect(again.map((row) => row.row)).toEqual(many.map((_, i) => i + 1));
    expect(again.map((row) => row.input?.name)).toEqual(many.map((offer) => offer.name));
  });
});
