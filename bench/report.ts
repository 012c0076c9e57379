/**
 * What every benchmark part returns, one table printer for all of them, and the latency timer.
 * Sizes are given in KB of 1,024 bytes (as Lighthouse and `ls -h` count), never 1,000.
 */

import { performance } from "node:perf_hooks";

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

/** Timed calls one after another: BENCH_ITERATIONS (default 300) after 30 untimed warm-up calls. */
export const ITERATIONS = Number(process.env.BENCH_ITERATIONS) || 300;
export const WARMUP = 30;

/** The value at percentile `p` of an ascending list (nearest rank). */
export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
export type Stats = { p50: number; p95: number; p99: number };

/** p50, p95 and p99 in milliseconds of `run`, called one after another. */
export async function measure(run: (i: number) => Promise<unknown>, iterations = ITERATIONS): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
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
