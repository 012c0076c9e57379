import type { MentorServices } from "./mentors.ts";
import type { Pair } from "./pair.ts";

/**
 * A person's data in the mentor module, for the GDPR export and erasure that identity runs
 * across modules: their mentor profile, the pairs they asked for (with the log), and the
 * pairs they mentor.
 */

export async function exportMentorData(services: MentorServices, personId: string) {
  const [mentor, mentoring, askedIds] = await Promise.all([
    services.store.getMentor(personId),
    services.store.listMentorPairs(personId),
    services.store.listAskedPairIds(personId),
  ]);
  const asked = (await Promise.all(askedIds.map((id) => services.store.getPair(id)))).filter((pair): pair is Pair => pair !== undefined);
  const withLog = (pair: Pair) => services.store.listLog(pair.id).then((log) => ({ ...pair, log }));
  return { mentor: mentor ?? null, asked: await Promise.all(asked.map(withLog)), mentoring: await Promise.all(mentoring.map(withLog)) };
}

/**
 * Erases the person's mentee data (every pair they asked for, with its log, freeing the
 * mentor's place) and their mentor profile. Pairs they mentor stay with the mentee, without the
 * mentor's name and contact; an active one ends early, a proposed one is open again.
 */
export async function eraseMentorData(services: MentorServices, personId: string): Promise<void> {
  for (const id of await services.store.listAskedPairIds(personId)) {
    const pair = await services.store.getPair(id);
    if (!pair) continue;
    if (pair.state === "proposed" || pair.state === "active") await services.store.releasePlace(pair, { set: { state: "cancelled" }, from: [pair.state] });
    await services.store.erasePair(pair);
  }
  const forget = ["mentor_name", "mentor_contact"] as const;
  for (const pair of await services.store.listMentorPairs(personId)) {
    if (pair.state === "proposed") {
      await services.store.releasePlace(pair, {
        set: { state: "declined", declined_mentor_ids: [...pair.declined_mentor_ids, personId] },
        remove: ["mentor_id", ...forget, "mentor_accepted_at", "mentee_accepted_at"],
        from: ["proposed"],
      });
    } else if (pair.state === "active") {
      const end = { outcome: "ended_early" as const, reason: "Mentoren har slettet sine oplysninger." };
      await services.store.releasePlace(pair, { set: { state: "ended", ended_at: services.now().toISOString(), end }, remove: [...forget], from: ["active"] });
    } else {
      await services.store.updatePair(pair, { remove: [...forget], from: [pair.state] });
    }
  }
  await services.store.deleteMentor(personId);
}
