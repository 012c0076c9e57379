import { unzipSync } from "fflate";
import { fillIn, type Language } from "../shared/language.ts";
import { parseCsv, separatorOf } from "./csv.ts";
import { importMessages } from "./import-messages.ts";

/**
 * HSDS 3.0's tabular form — one CSV file per table, described by a `datapackage.json` — read
 * into the nested form (services with their organisation, places, phones, schedules, … inside),
 * so an import reads both forms with one mapping (import-rows.ts `fromService`). Pure and free of
 * server code: the import page nests a large dataset in the browser and sends it in parts; the
 * API nests a small one (a zip or the files in one request) itself.
 *
 * Rows that belong to no service (an organisation's funding, metadata, programmes nobody runs)
 * cannot come along; they are counted as kept out, by table.
 */

type Row = Record<string, string>;
export type Tables = Record<string, Row[]>;

/** The tables Nærhed reads, by the name HSDS gives them (datapackage resource name, or file name without .csv). */
const TABLE_FILES: Record<string, string[]> = {
  services: ["services", "service"],
  organizations: ["organizations", "organization"],
  organization_identifiers: ["organization_identifiers", "organization_identifier"],
  locations: ["locations", "location"],
  service_at_locations: ["service_at_locations", "service_at_location"],
  addresses: ["addresses", "address"],
  accessibility: ["accessibility", "accessibility_for_disabilities"],
  phones: ["phones", "phone"],
  schedules: ["schedules", "schedule"],
  service_areas: ["service_areas", "service_area"],
  languages: ["languages", "language"],
  cost_options: ["cost_options", "cost_option"],
  contacts: ["contacts", "contact"],
  attributes: ["attributes", "attribute"],
  taxonomy_terms: ["taxonomy_terms", "taxonomy_term"],
  taxonomies: ["taxonomies", "taxonomy"],
  funding: ["funding", "fundings"],
  required_documents: ["required_documents", "required_document"],
  programs: ["programs", "program"],
  // Read only to count them as kept out: Nærhed has no field for them.
  metadata: ["metadata"],
  meta_table_descriptions: ["meta_table_descriptions", "meta_table_description"],
};

export type TabularProblem = "import_tabular_no_services" | "import_csv_invalid" | "import_datapackage_invalid" | "import_zip_invalid";
export type NestedDataset = { services: Record<string, unknown>[]; keptOut: Record<string, number>; publisher?: string };

/** The files of a zip upload, as text by file name (folders dropped); undefined when it is no zip. */
export function unzipText(bytes: Uint8Array): Record<string, string> | undefined {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (file) => /\.(csv|json)$/i.test(file.name) && !file.name.startsWith("__MACOSX/") });
  } catch {
    return undefined;
  }
  const decoder = new TextDecoder("utf-8");
  return Object.fromEntries(Object.entries(entries).map(([name, content]) => [name.split("/").pop()!, decoder.decode(content)]));
}

/** True when the files look like HSDS's tabular form: a datapackage.json or a services table. */
export const isTabular = (names: readonly string[]) => names.some((name) => /^(datapackage\.json|services?\.csv)$/i.test(name.split("/").pop() ?? ""));

function readTable(text: string): Row[] | undefined {
  const parsed = parseCsv(text, separatorOf(text.replace(/^\uFEFF/, "")));
  if (!parsed.ok) return undefined;
  const [header, ...records] = parsed.records;
  if (!header) return [];
  const names = header.map((name) => name.trim());
  return records.map((record) => Object.fromEntries(names.map((name, index) => [name, (record[index] ?? "").trim()])));
}

/** The tables of the files, found through datapackage.json's resources where it names them, else by file name. */
export function readTables(files: Record<string, string>): { ok: true; tables: Tables; publisher?: string } | { ok: false; problem: TabularProblem } {
  const byFile = new Map(Object.entries(files).map(([name, text]) => [name.toLowerCase(), text]));
  const pathOf = new Map<string, string>();
  let publisher: string | undefined;
  const datapackage = byFile.get("datapackage.json");
  if (datapackage !== undefined) {
    let description: { name?: unknown; title?: unknown; resources?: { name?: unknown; path?: unknown }[] };
    try {
      description = JSON.parse(datapackage.replace(/^\uFEFF/, ""));
    } catch {
      return { ok: false, problem: "import_datapackage_invalid" };
    }
    if (!description || typeof description !== "object") return { ok: false, problem: "import_datapackage_invalid" };
    for (const resource of Array.isArray(description.resources) ? description.resources : []) {
      if (typeof resource?.name === "string" && typeof resource.path === "string") pathOf.set(resource.name.toLowerCase(), resource.path.split("/").pop()!.toLowerCase());
    }
    const named = typeof description.title === "string" ? description.title : description.name;
    if (typeof named === "string" && named.trim()) publisher = named.trim();
  }
  const tables: Tables = {};
  for (const [table, names] of Object.entries(TABLE_FILES)) {
    const file = names.map((name) => pathOf.get(name) ?? `${name}.csv`).find((candidate) => byFile.has(candidate));
    if (!file) continue;
    const rows = readTable(byFile.get(file)!);
    if (!rows) return { ok: false, problem: "import_csv_invalid" };
    tables[table] = rows;
  }
  if (!tables.services?.length) return { ok: false, problem: "import_tabular_no_services" };
  return { ok: true, tables, ...(publisher ? { publisher } : {}) };
}

const groupBy = (rows: Row[] | undefined, key: string) => {
  const groups = new Map<string, Row[]>();
  for (const row of rows ?? []) {
    const value = row[key];
    if (!value) continue;
    const group = groups.get(value);
    if (group) group.push(row);
    else groups.set(value, [row]);
  }
  return groups;
};

/** A row with its empty cells left out: in the nested form a field that is not there is absent, not "". */
const given = (row: Row): Record<string, unknown> => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ""));

/** Nests the tables into services; counts what no service holds. */
export function nestTables(tables: Tables, publisher?: string): NestedDataset {
  const used = new Map<string, Set<Row>>();
  const use = (table: string, rows: Row[] = []) => {
    const set = used.get(table) ?? new Set<Row>();
    for (const row of rows) set.add(row);
    used.set(table, set);
    return rows;
  };
  const byId = (table: string) => new Map((tables[table] ?? []).map((row) => [row.id ?? "", row]));
  const organizations = byId("organizations");
  const locations = byId("locations");
  const terms = byId("taxonomy_terms");
  const taxonomies = byId("taxonomies");
  const programs = byId("programs");
  const identifiersOf = groupBy(tables.organization_identifiers, "organization_id");
  const addressesOf = groupBy(tables.addresses, "location_id");
  const accessibilityOf = groupBy(tables.accessibility, "location_id");
  const salOf = groupBy(tables.service_at_locations, "service_id");
  const of = (table: string, key = "service_id") => groupBy(tables[table], key);
  const phones = of("phones");
  const orgPhones = groupBy((tables.phones ?? []).filter((row) => !row.service_id), "organization_id");
  const schedules = of("schedules");
  const areas = of("service_areas");
  const languages = of("languages");
  const costs = of("cost_options");
  const contacts = of("contacts");
  const funding = of("funding");
  const documents = of("required_documents");
  const attributes = groupBy(tables.attributes, "link_id");

  const term = (id: string | undefined) => {
    const found = id ? terms.get(id) : undefined;
    if (!found) return undefined;
    use("taxonomy_terms", [found]);
    const taxonomy = found.taxonomy_id ? taxonomies.get(found.taxonomy_id) : undefined;
    if (taxonomy) use("taxonomies", [taxonomy]);
    return { ...given(found), ...(taxonomy ? { taxonomy_detail: given(taxonomy) } : {}) };
  };

  const services = (tables.services ?? []).map((service) => {
    use("services", [service]);
    const organization = service.organization_id ? organizations.get(service.organization_id) : undefined;
    if (organization) use("organizations", [organization]);
    const id = service.id ?? "";
    const program = service.program_id ? programs.get(service.program_id) : undefined;
    if (program) use("programs", [program]);
    return {
      ...given(service),
      ...(organization && {
        organization: {
          ...given(organization),
          organization_identifiers: use("organization_identifiers", identifiersOf.get(organization.id ?? "")).map(given),
          phones: use("phones", orgPhones.get(organization.id ?? "")).map(given),
        },
      }),
      phones: use("phones", phones.get(id)).map(given),
      schedules: use("schedules", schedules.get(id)).map(given),
      service_areas: use("service_areas", areas.get(id)).map(given),
      languages: use("languages", languages.get(id)).map(given),
      cost_options: use("cost_options", costs.get(id)).map(given),
      contacts: use("contacts", contacts.get(id)).map(given),
      funding: use("funding", funding.get(id)).map(given),
      required_documents: use("required_documents", documents.get(id)).map(given),
      ...(program && { program: given(program) }),
      attributes: use("attributes", attributes.get(id)).map((attribute) => ({ ...given(attribute), taxonomy_term: term(attribute.taxonomy_term_id) })),
      service_at_locations: use("service_at_locations", salOf.get(id)).map((link) => {
        const location = link.location_id ? locations.get(link.location_id) : undefined;
        if (location) use("locations", [location]);
        return {
          ...given(link),
          ...(location && {
            location: {
              ...given(location),
              addresses: use("addresses", addressesOf.get(location.id ?? "")).map(given),
              accessibility: use("accessibility", accessibilityOf.get(location.id ?? "")).map(given),
            },
          }),
        };
      }),
    };
  });

  const keptOut: Record<string, number> = {};
  for (const [table, rows] of Object.entries(tables)) {
    // Terms and taxonomies nobody uses are a vocabulary, not data that was left behind.
    if (table === "taxonomy_terms" || table === "taxonomies") continue;
    const left = rows.length - (used.get(table)?.size ?? 0);
    if (left > 0) keptOut[table] = left;
  }
  return { services, keptOut, ...(publisher ? { publisher } : {}) };
}

/** "3 rækker om tilskud", "2 krav om dokumenter": what was kept out, in the reader's language. */
export function keptOutText(keptOut: Record<string, number>, language: Language): string[] {
  const number = (count: number) => count.toLocaleString(language === "da" ? "da-DK" : "en-GB");
  const texts = importMessages[language];
  return Object.entries(keptOut).map(([what, count]) => {
    const template = (texts as Record<string, string | undefined>)[`import_kept_${what}`] ?? texts.import_kept_table;
    return fillIn(template, { count: number(count), table: what });
  });
}
