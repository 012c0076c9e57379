/**
 * What every benchmark part returns, and one table printer for all of them.
 * Sizes are given in KB of 1,024 bytes (as Lighthouse and `ls -h` count), never 1,000.
 */

export type BenchRow = { section: string; name: string; value: string; target?: string; met?: boolean; note?: string };

/** Bytes as KB (1,024 bytes) with one decimal. */
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Milliseconds, rounded. */
export const ms = (value: number): string => `${Math.round(value)} ms`;

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const COLUMNS = ["section", "name", "value", "target", "met", "note"] as const;

/** A plain-text table, one line per row; `met` shows as "yes", "NO" or blank. */
export function formatRows(rows: readonly BenchRow[]): string {
  const cells = rows.map((row) => [row.section, row.name, row.value, row.target ?? "", row.met === undefined ? "" : row.met ? "yes" : "NO", row.note ?? ""]);
  const header = [...COLUMNS];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((value, i) => (i === values.length - 1 ? value : value.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n");
}
