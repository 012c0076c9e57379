import { epochSeconds } from "../shared/rate-limit.ts";
import { inTerm } from "./council.ts";
import { digestText } from "./mails.ts";
import type { CouncilServices } from "./services.ts";
import { currentVote } from "./voting.ts";

/** Monday 00:00 UTC of the week `at` falls in: the digest's key, so a week has one digest. */
export function weekStart(at: Date): string {
  const day = (at.getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - day));
  return monday.toISOString().slice(0, 10);
}

/**
 * The weekly job: per centre, one mail to each member who chose the digest, with the open votes
 * and the past week's results. The first run of a week claims it (store pattern 12), so running
 * twice, or at the same time, sends it once. A week with nothing to tell sends nothing.
 */
export async function sendWeeklyDigest(services: CouncilServices): Promise<void> {
  const now = services.now();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  for (const centre of await services.centres.all()) {
    const { members, votes: read } = await services.store.centre(centre.id);
    // A vote past its time is closed first, as on every read, so the digest never calls it open.
    const votes = await Promise.all(read.map((vote) => (vote.state === "open" && vote.closes_at <= now.toISOString() ? currentVote(services, centre.id, vote.id) : vote)));
    const readers = members.filter((m) => m.notify === "digest" && m.email && inTerm(m, now));
    const open = votes.filter((v) => v.state === "open" && v.closes_at > now.toISOString());
    const decided = votes.filter((v) => v.state === "closed" && (v.closed_at ?? "") >= weekAgo);
    if (readers.length === 0 || open.length + decided.length === 0) continue;
    if (!(await services.store.claimDigest(centre.id, weekStart(now), epochSeconds(now) + 60 * 86_400))) continue;
    const mail = digestText(services.siteUrl, centre.id, open, decided);
    for (const reader of readers) {
      try {
        await services.mailer.send({ to: reader.email!, ...mail });
      } catch (error) {
        console.warn(JSON.stringify({ level: "warn", what: "council_digest_failed", centre: centre.id, error: String(error) }));
      }
    }
  }
}
