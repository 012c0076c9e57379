/**
 * The staff offer worklist at 2,000 offers in one centre (issue 17, item 10): the centre "nord"
 * is topped up to 2,000 offers (a third drafts and archived ones beside the published ones the
 * seed made), then the first page, a search by name, the next page of a search and a state filter
 * are timed over HTTP as a member of staff at nord. Target: p50 under 100 ms.
 * Runnable alone: `node --import tsx bench/worklist.ts` (it seeds the bench volume first).
 */
import { pathToFileURL } from "node:url";
import type { Offer } from "@naerhed/core/directory/offer";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import { directoryTable } from "@naerhed/core/shared/tables";
import { startBenchPlatform, type BenchPlatform } from "./api.ts";
import { formatRows, measure, type BenchRow } from "./report.ts";
import { inParallel, makeOffers } from "./seed.ts";

const CENTRE = "nord";
const OFFERS_IN_CENTRE = 2_000;
const TARGET_MS = 100;

/** Adds offers to the centre until it has `count`; the new ones are drafts and archived offers, as a real worklist has. */
async function topUp(p: BenchPlatform, count: number): Promise<number> {
  const store = createDirectoryStore(p.db, p.config.tableNames[directoryTable.id]!);
  const have = (await store.listCentreWorklist(CENTRE)).length;
  const extra: Offer[] = makeOffers(count - have).map((offer, i) => ({
    ...offer,
    id: `0190d000-0000-7000-8000-${String(i).padStart(12, "0")}`,
    centre_id: CENTRE,
    publication: i % 2 === 0 ? "draft" : "archived",
  }));
  await inParallel(extra, 32, (offer) => store.putOffer(offer));
  return (await store.listCentreWorklist(CENTRE)).length;
}

async function getJson(p: BenchPlatform, path: string): Promise<{ items: unknown[]; next_cursor: string | null }> {
  const response = await fetch(`${p.url}${path}`, { headers: { "accept-language": "da", cookie: p.cookies.staff } });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as { items: unknown[]; next_cursor: string | null };
}

export async function measureWorklist(p: BenchPlatform): Promise<BenchRow[]> {
  process.stderr.write(`staff worklist: ${OFFERS_IN_CENTRE} offers in ${CENTRE} …\n`);
  const inCentre = await topUp(p, OFFERS_IN_CENTRE);
  const base = `/api/directory/centres/${CENTRE}/offers`;
  // "Aften …" is one name start of the seed's twelve (bench/seed.ts WORDS): about 170 offers, so the search pages too.
  const searched = await getJson(p, `${base}?name=aften`);
  const cases: { name: string; path: string }[] = [
    { name: "first page (25)", path: base },
    { name: "search by name: 'aften'", path: `${base}?name=aften` },
    { name: "search by name: 'sø' (as typed, two letters)", path: `${base}?name=s%C3%B8` },
    { name: "search: next page (cursor)", path: `${base}?name=aften&cursor=${searched.next_cursor}` },
    { name: "state filter: archived", path: `${base}?state=archived` },
  ];
  const rows: BenchRow[] = [
    {
      section: "Staff worklist",
      name: "offers in one centre",
      value: `${inCentre.toLocaleString("en")} in ${CENTRE} (page: ${searched.items.length} for 'aften', more: ${searched.next_cursor ? "yes" : "no"})`,
    },
  ];
  for (const { name, path } of cases) {
    const stats = await measure(() => getJson(p, path));
    rows.push({
      section: "Staff worklist",
      name,
      value: `p50 ${stats.p50.toFixed(2)} · p95 ${stats.p95.toFixed(2)} · p99 ${stats.p99.toFixed(2)} ms`,
      target: `p50 < ${TARGET_MS} ms`,
      met: stats.p50 < TARGET_MS,
    });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const platform = await startBenchPlatform();
  try {
    console.log(formatRows(await measureWorklist(platform)));
  } finally {
    await platform.stop();
  }
}
