/**
 * Reading and writing CSV text as RFC 4180 describes it, for the directory's import (the
 * writing side of the export, with its formula guard, is in hsds-csv.ts). No CSV package is
 * installed, and the rules are few: fields separated by commas, records by CRLF (a lone LF
 * is accepted too, as spreadsheets on Mac and Linux write it), a field in double quotes may
 * hold commas, quotes (doubled) and line breaks. A byte order mark at the start is skipped.
 * Excel with Danish settings saves "CSV" with semicolons between fields: `separatorOf` finds
 * which one a file uses from its header line.
 */

export type CsvResult = { ok: true; records: string[][] } | { ok: false; line: number };

/** A semicolon when the first line has semicolons and no commas; else a comma. */
export function separatorOf(text: string): "," | ";" {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  return firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
}

/** The records of `text`; not ok (with the line where it went wrong) when a quote is left open or stray. */
export function parseCsv(text: string, separator: "," | ";" = ","): CsvResult {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let fieldStart = true;
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const endRecord = () => {
    record.push(field);
    // A blank line (one empty field) is no record; spreadsheets often add one at the end.
    if (record.length > 1 || record[0] !== "") records.push(record);
    record = [];
    field = "";
    fieldStart = true;
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
        const next = source[i + 1];
        if (next !== undefined && next !== separator && next !== "\r" && next !== "\n") return { ok: false, line };
      } else {
        if (char === "\n") line++;
        field += char;
      }
    } else if (char === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (char === '"') {
      return { ok: false, line };
    } else if (char === separator) {
      record.push(field);
      field = "";
      fieldStart = true;
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && source[i + 1] === "\n") i++;
      endRecord();
      line++;
    } else {
      field += char;
      fieldStart = false;
    }
  }
  if (quoted) return { ok: false, line };
  if (field !== "" || record.length > 0) endRecord();
  return { ok: true, records };
}

/** One record as a CSV line, every field quoted: what the file held comes back exactly. */
export function csvRecord(fields: readonly string[]): string {
  return fields.map((field) => `"${field.replace(/"/g, '""')}"`).join(",");
}
