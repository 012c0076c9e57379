/**
 * The API under realistic volume, over real HTTP: `measureApi()` starts the platform as
 * `npm start` does (its own process, NODE_ENV=production, DynamoDB Local in memory), seeds
 * bench/seed.ts's volume, then measures from this process:
 * - every read endpoint's p50/p95/p99 (one request after another on a kept-alive connection),
 *   against the raw DynamoDB Local GetItem and Query (the floor) measured in the same run;
 * - a load of 50 connections for 30 s over the public reads (autocannon);
 * - 1,000 concurrent vote casts and changes from 100 members on one proposal.
 * Runnable alone: `node --import tsx bench/api.ts`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import autocannon from "autocannon";
import type { Choice } from "@naerhed/core/council/council";
import { createCouncilStore } from "@naerhed/core/council/store";
import { emptyTally } from "@naerhed/core/council/voting-rules";
import type { Vote } from "@naerhed/core/council/vote";
import type { Person } from "@naerhed/core/identity/person";
import { startSession } from "@naerhed/core/identity/sessions";
import { createIdentityStore } from "@naerhed/core/identity/store";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import { councilTable, directoryTable, identityTable } from "@naerhed/core/shared/tables";
import { SESSION_COOKIE } from "../packages/functions/src/shared/auth.ts";
import { localConfig } from "../packages/local/src/config.ts";
import { freePort } from "../packages/local/src/dynamo-local.ts";
import { repoRoot } from "../packages/local/src/paths.ts";
import { formatRows, measure, type BenchRow, type Stats } from "./report.ts";
import { seedVolume, type Seeded } from "./seed.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS) || 30;
const LOAD_CONNECTIONS = 50;
const VOTERS = 100;
const VOTE_REQUESTS = 1_000;


export type RunningPlatform = { url: string; dynamoEndpoint: string; stop: () => Promise<void> };

/**
 * `npm start -- --in-memory` in its own process, so the server's event loop is not the one
 * measuring it (measured by bench/web.ts: with the server in the same process as Lighthouse, the
 * offer page's LCP was 731 ms instead of 366 ms, because recording a trace holds up the server).
 */
export async function startPlatformProcess(): Promise<RunningPlatform> {
  const [port, dynamoPort] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "packages/local/src/start.ts", "--in-memory"], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DYNAMODB_PORT: String(dynamoPort), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("is running at")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the platform exited (${code}) before it was ready:\n${output}`)));
  });
  // Never leave the platform (and its DynamoDB Local) running when the benchmark fails.
  process.once("exit", () => child.kill("SIGTERM"));
  return {
    url: `http://127.0.0.1:${port}`,
    dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

type Endpoint = { name: string; path: string; as?: "citizen" | "mentor" | "staff"; floor: "get" | "query" };

function endpoints(seeded: Seeded): Endpoint[] {
  const offer = seeded.offerIds[1234]!;
  const proposal = seeded.proposals.find((p) => p.centre === "nord")!;
  const results = seeded.publishedConsultationIds[0]!;
  return [
    { name: "offers list (20)", path: "/api/directory/offers?limit=20", floor: "query" },
    { name: "offer page", path: `/api/directory/offers/${offer}`, floor: "get" },
    { name: "search: kaffe", path: "/api/directory/search?q=kaffe", floor: "query" },
    { name: "search: two words + free", path: "/api/directory/search?q=tur%20skoven&free=true", floor: "query" },
    { name: "search: filters only", path: "/api/directory/search?centre=nord&category=sport&age=40", floor: "query" },
    { name: "search: near postcode", path: "/api/directory/search?q=sv%C3%B8m&postcode=7000", floor: "query" },
    { name: "HSDS services (page)", path: "/api/hsds/services", floor: "query" },
    { name: "HSDS service", path: `/api/hsds/services/${offer}`, floor: "get" },
    { name: "council page", path: "/api/council/centres/nord", floor: "query" },
    { name: "proposal page", path: `/api/council/centres/nord/proposals/${proposal.id}`, floor: "get" },
    { name: "panel results list", path: "/api/panel/results", floor: "query" },
    { name: "panel result (500 answers)", path: `/api/panel/results/${results}`, floor: "query" },
    { name: "me (signed in)", path: "/api/me", as: "citizen", floor: "get" },
    { name: "my consultations", path: "/api/panel/consultations", as: "citizen", floor: "query" },
    { name: "mentor: me", path: "/api/mentor/me", as: "mentor", floor: "get" },
    { name: "mentor: pair", path: `/api/mentor/pairs/${seeded.pairIds[0]}`, as: "mentor", floor: "get" },
    { name: "staff: offers of centre (first page)", path: "/api/directory/centres/nord/offers", as: "staff", floor: "query" },
    { name: "staff: council inbox", path: "/api/council/centres/nord/inbox", as: "staff", floor: "query" },
    { name: "staff: mentor pairs", path: "/api/mentor/centres/nord/pairs", as: "staff", floor: "query" },
  ];
}

/** The four pages the issue names for Lighthouse, with seeded ids. */
export function sitePages(seeded: Seeded): { name: string; path: string }[] {
  const proposal = seeded.proposals.find((p) => p.centre === "nord")!;
  return [
    { name: "front page", path: "/" },
    { name: "search page", path: "/tilbud/soeg?q=kaffe" },
    { name: "offer page", path: `/tilbud/${seeded.offerIds[1234]}` },
    { name: "proposal page", path: `/borgerraadet/nord/forslag/${proposal.id}` },
  ];
}

async function getOk(url: string, cookie?: string) {
  const response = await fetch(url, { headers: { "accept-language": "da", ...(cookie ? { cookie } : {}) } });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${Buffer.from(body).toString().slice(0, 300)}`);
}

export type BenchPlatform = RunningPlatform & {
  seeded: Seeded;
  seedSeconds: number;
  db: ReturnType<typeof createDocumentClient>;
  config: ReturnType<typeof localConfig>;
  identity: { store: ReturnType<typeof createIdentityStore>; now: () => Date };
  /** Session cookies of a citizen (the demo's Bente), a mentor with active pairs and a member of staff in nord. */
  cookies: Record<"citizen" | "mentor" | "staff", string>;
};

/** The platform in its own process with the issue's volume seeded and three people signed in. */
export async function startBenchPlatform(): Promise<BenchPlatform> {
  const platform = await startPlatformProcess();
  try {
    const config = localConfig(platform.dynamoEndpoint);
    const db = createDocumentClient(config);
    const seedStart = performance.now();
    const seeded = await seedVolume(db, config);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    process.stderr.write(`seeded ${Object.entries(seeded.counts).map(([k, n]) => `${n} ${k}`).join(", ")} in ${seedSeconds.toFixed(0)} s\n`);

    const identity = { store: createIdentityStore(db, config.tableNames[identityTable.id]!), now: () => new Date() };
    const signIn = async (person: Person) => `${SESSION_COOKIE}=${await startSession(identity, person)}`;
    const newPerson = (id: string, grants: Person["grants"]): Person => ({
      id,
      email: `${id}@example.dk`,
      display_name: "Bench Person",
      language: "da",
      grants,
      created_at: new Date().toISOString(),
    });
    // The seed's first mentor (seed.ts), who has active pairs in nord.
    const mentorPerson = newPerson("01911000-0000-7000-8000-000000000000", [{ role: "mentor", centre_id: "nord" }]);
    const staffPerson = newPerson(crypto.randomUUID(), [{ role: "staff", centre_id: "nord" }]);
    await identity.store.createPerson(mentorPerson);
    await identity.store.createPerson(staffPerson);
    const cookies = {
      citizen: await signIn((await identity.store.getPerson("019ab000-0000-7000-8000-000000000001"))!),
      mentor: await signIn(mentorPerson),
      staff: await signIn(staffPerson),
    };
    return {
      ...platform,
      seeded,
      seedSeconds,
      db,
      config,
      identity,
      cookies,
      stop: async () => {
        db.destroy();
        await platform.stop();
      },
    };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}

/** Each read endpoint one request after another, then the raw DynamoDB floor from this process with the app's client settings. */
export async function measureReads(p: BenchPlatform): Promise<BenchRow[]> {
  process.stderr.write("timing the read endpoints …\n");
  const timed: { endpoint: Endpoint; stats: Stats }[] = [];
  for (const endpoint of endpoints(p.seeded)) {
    const cookie = endpoint.as ? p.cookies[endpoint.as] : undefined;
    timed.push({ endpoint, stats: await measure(() => getOk(`${p.url}${endpoint.path}`, cookie)) });
  }
  // The HTTP hop alone: a route that reads nothing, through the same server and connection.
  const hop = await measure(() => getOk(`${p.url}/api/hsds`));
  const directoryName = p.config.tableNames[directoryTable.id]!;
  const offerIds = p.seeded.offerIds;
  const floor = {
    get: await measure((i) => p.db.send(new GetCommand({ TableName: directoryName, Key: { pk: `OFFER#${offerIds[(i * 7919) % offerIds.length]}`, sk: "OFFER" } }))),
    query: await measure(() =>
      p.db.send(new QueryCommand({ TableName: directoryName, IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :p", ExpressionAttributeValues: { ":p": "PUBLISHED_OFFERS" }, Limit: 20 })),
    ),
  };
  const ms = (n: number) => n.toFixed(2);
  const rows: BenchRow[] = [
    { section: "API reads", name: "seeded volume", value: `${Object.entries(p.seeded.counts).map(([k, n]) => `${n.toLocaleString("en")} ${k}`).join(", ")} (in ${p.seedSeconds.toFixed(0)} s)` },
    { section: "API reads", name: "raw DynamoDB GetItem (floor)", value: `p50 ${ms(floor.get.p50)} · p99 ${ms(floor.get.p99)} ms` },
    { section: "API reads", name: "raw DynamoDB Query, 20 items (floor)", value: `p50 ${ms(floor.query.p50)} · p99 ${ms(floor.query.p99)} ms` },
    {
      section: "API reads",
      name: "API over HTTP, no database (GET /api/hsds)",
      value: `p50 ${ms(hop.p50)} · p99 ${ms(hop.p99)} ms`,
      note: "what every endpoint adds to its DynamoDB calls: bench → server → DynamoDB Local is one process hop more than the floor's bench → DynamoDB Local; signed-in routes also read the session (one GetItem)",
    },
  ];
  for (const { endpoint, stats } of timed) {
    const ratio = stats.p50 / floor[endpoint.floor].p50;
    rows.push({
      section: "API reads",
      name: `${endpoint.name}${endpoint.as ? ` (as ${endpoint.as})` : ""}`,
      value: `p50 ${ms(stats.p50)} · p95 ${ms(stats.p95)} · p99 ${ms(stats.p99)} ms · ${ratio.toFixed(2)} × ${endpoint.floor === "get" ? "GetItem" : "Query"}`,
      target: "p50 ≤ 2 × floor",
      met: ratio <= 2,
    });
  }
  const worstSearch = Math.max(...timed.filter(({ endpoint }) => endpoint.path.includes("/search?")).map(({ stats }) => stats.p99));
  rows.push({ section: "API reads", name: "directory search, worst p99", value: `${ms(worstSearch)} ms`, target: "≤ 50 ms", met: worstSearch <= 50 });
  return rows;
}

/** 50 connections for 30 s over every public read endpoint in turn. */
export async function measureLoad(p: BenchPlatform): Promise<BenchRow[]> {
  process.stderr.write(`load: ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s …\n`);
  return load(p.url, endpoints(p.seeded).filter((endpoint) => !endpoint.as));
}

export async function measureApi(): Promise<BenchRow[]> {
  const platform = await startBenchPlatform();
  try {
    return [...(await measureReads(platform)), ...(await measureLoad(platform)), ...(await measureVotes(platform))];
  } finally {
    await platform.stop();
  }
}

async function load(url: string, reads: Endpoint[]): Promise<BenchRow[]> {
  const result = await autocannon({
    url,
    connections: LOAD_CONNECTIONS,
    duration: LOAD_SECONDS,
    headers: { "accept-language": "da" },
    requests: reads.map((endpoint) => ({ method: "GET" as const, path: endpoint.path })),
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  return [
    {
      section: "Load",
      name: `${LOAD_CONNECTIONS} connections × ${LOAD_SECONDS} s, ${reads.length} public reads in turn`,
      value: `${result.requests.average.toFixed(0)} req/s · ${result.requests.total.toLocaleString("en")} requests · latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    },
    {
      section: "Load",
      name: "errors (failed, timed out or not 2xx)",
      value: `${errors} (${result.errors} failed, ${result.timeouts} timed out, ${result.non2xx} not 2xx)`,
      target: "0",
      met: errors === 0,
    },
  ];
}

/**
 * 100 signed-in members of a fresh vote each send 10 ballots (a cast, then changes), all 1,000
 * at once. Afterwards the stored ballots are compared with what the API acknowledged.
 */
export async function measureVotes({ url, db, config, identity }: BenchPlatform): Promise<BenchRow[]> {
  process.stderr.write(`votes: ${VOTE_REQUESTS} at once …\n`);
  const council = createCouncilStore(db, config.tableNames[councilTable.id]!);
  const members = Array.from({ length: VOTERS }, (_, i): Person => ({
    id: `01914000-0000-7000-8000-${String(i).padStart(12, "0")}`,
    email: `stemmer${i}@example.dk`,
    display_name: `Stemmer ${i}`,
    language: "da",
    grants: [{ role: "council_member", centre_id: "syd" }],
    created_at: new Date().toISOString(),
  }));
  const cookies = new Map<string, string>();
  // One after another: DynamoDB Local times out parallel transactions waiting for its lock.
  for (const person of members) {
    await identity.store.createPerson(person);
    cookies.set(person.id, `${SESSION_COOKIE}=${await startSession(identity, person)}`);
  }
  const now = new Date();
  const proposal = {
    id: "01915000-0000-7000-8000-000000000001",
    centre_id: "syd",
    title: "Skal vi have en sansehave?",
    summary: "Vi foreslår en sansehave bag centret.",
    body: "En have med dufte, lyde og bænke.",
    status: "on_agenda" as const,
    origin: "member" as const,
    author_id: members[0]!.id,
    author_name: members[0]!.display_name,
    follow_up: [],
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await council.putProposal(proposal);
  const vote: Vote & { salt: string } = {
    id: "01915000-0000-7000-8000-000000000002",
    centre_id: "syd",
    proposal_id: proposal.id,
    proposal_title: proposal.title,
    state: "open",
    opened_at: now.toISOString(),
    opened_by_name: "Bench",
    closes_at: new Date(now.getTime() + 86_400_000).toISOString(),
    majority: "simple",
    ballot: "open",
    eligible: members.map((m) => m.id),
    ballots: 0,
    tally: emptyTally(),
    seq: 0,
    salt: crypto.randomUUID(),
  };
  await council.openVote(vote, proposal);

  const CHOICES: Choice[] = ["for", "against", "abstain"];
  const requests = Array.from({ length: VOTE_REQUESTS }, (_, i) => {
    const member = members[i % VOTERS]!;
    return { member, choice: CHOICES[(i * 7 + Math.floor(i / VOTERS)) % 3]!, key: `bench-${i}-${crypto.randomUUID()}` };
  });
  const acknowledged = new Map<string, Set<Choice>>();
  const statuses = new Map<number, number>();
  const started = performance.now();
  await Promise.all(
    requests.map(async ({ member, choice, key }) => {
      const response = await fetch(`${url}/api/council/centres/syd/votes/${vote.id}/ballot`, {
        method: "PUT",
        headers: { "content-type": "application/json", cookie: cookies.get(member.id)! },
        body: JSON.stringify({ choice, request_key: key }),
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.ok) acknowledged.set(member.id, (acknowledged.get(member.id) ?? new Set()).add(choice));
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const ballots = await council.ballots(vote.id);
  const stored = (await council.getVote("syd", vote.id))!;
  const byPerson = new Map(ballots.map((ballot) => [ballot.person_id!, ballot]));
  // Lost: a member the API said yes to, with no ballot, or with a ballot none of their acknowledged requests asked for.
  const lost = [...acknowledged].filter(([person, choices]) => !byPerson.has(person) || !choices.has(byPerson.get(person)!.choice)).length;
  const counted = stored.tally.for + stored.tally.against + stored.tally.abstain;
  const doubled = Math.max(0, ballots.length - byPerson.size) + Math.max(0, stored.ballots - ballots.length) + Math.max(0, counted - ballots.length);
  const fromBallots = emptyTally();
  for (const ballot of ballots) fromBallots[ballot.choice]++;
  const equal = CHOICES.every((choice) => fromBallots[choice] === stored.tally[choice]) && stored.ballots === ballots.length;
  const ok = statuses.get(200) ?? 0;
  const answers = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${n}× ${status}`).join(", ");
  return [
    {
      section: "Votes",
      name: `${VOTE_REQUESTS} concurrent casts and changes, ${VOTERS} members, one proposal`,
      value: `${(ok / seconds).toFixed(0)} votes/s (${ok} accepted in ${seconds.toFixed(1)} s; answers: ${answers})`,
      note: "a 503 is 'try again in a moment': with 1,000 requests at once on one local server, DynamoDB Local calls time out (the app's short timeouts, DynamoDB Local's lock) and the app says so rather than wait; on AWS each Lambda takes one request at a time",
    },
    { section: "Votes", name: "lost (acknowledged but not stored)", value: String(lost), target: "0", met: lost === 0 },
    { section: "Votes", name: "doubled (counted more than once)", value: String(doubled), target: "0", met: doubled === 0 },
    {
      section: "Votes",
      name: "tally vs ballots",
      value: `tally ${stored.tally.for}/${stored.tally.against}/${stored.tally.abstain} (${stored.ballots} ballots counted) · stored ballots ${fromBallots.for}/${fromBallots.against}/${fromBallots.abstain} (${ballots.length})`,
      target: "equal",
      met: equal,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(formatRows(await measureApi()));
}
