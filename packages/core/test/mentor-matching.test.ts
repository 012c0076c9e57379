import { describe, expect, it } from "vitest";
import { demoMentors, demoRequests } from "@naerhed/local/demo/mentors";
import { scoreMentor, suggestMentors, WEIGHTS } from "../src/mentor/matching.ts";
import { canBeMatched, certificatesExpired, type Mentor } from "../src/mentor/mentor.ts";
import type { Pair } from "../src/mentor/pair.ts";

const now = new Date("2026-11-23T10:00:00Z");

const mentor = (id: string, overrides: Partial<Mentor> = {}): Mentor => ({
  id,
  display_name: id,
  about: "Om mig",
  interests: ["fishing", "music"],
  languages: ["da", "ar"],
  centre_id: "nord",
  area: "Fredericia Øst",
  availability: ["tue-afternoon", "thu-evening"],
  frequency: "weekly",
  can_help_with: "Bus",
  capacity: 2,
  contact: "1234",
  gender: "man",
  status: "approved",
  applied_at: "2026-01-01T00:00:00Z",
  screening: { interview_on: "2026-01-02", straffeattest_on: "2026-01-03", training_on: "2026-01-04" },
  active_pairs: 0,
  ...overrides,
});

const request: Pair = {
  id: "p1",
  state: "requested",
  asked_by: "relative",
  mentee_name: "Ahmad",
  help_with: "Bus",
  goals: [{ id: "g1", text: "Tage bussen", progress: 0 }],
  interests: ["fishing"],
  languages: ["ar"],
  centre_id: "nord",
  availability: ["tue-afternoon"],
  contact_preference: "via_relative",
  created_at: "2026-11-01T00:00:00Z",
  requester_name: "Fatima",
  declined_mentor_ids: [],
};

describe("scoreMentor", () => {
  it("gives each shared thing its weight and says it in plain words", () => {
    expect(scoreMentor(request, mentor("m"), "da")).toEqual({
      score: WEIGHTS.interest + WEIGHTS.language + WEIGHTS.slot,
      reasons: ["I kan begge lide fiskeri", "I taler begge arabisk", "I har begge tid tirsdag eftermiddag"],
    });
  });

  it("lists several shared things with 'og', and in English with 'and'", () => {
    const wide = { ...request, interests: ["fishing" as const, "music" as const], availability: ["tue-afternoon" as const, "thu-evening" as const] };
    expect(scoreMentor(wide, mentor("m"), "da").reasons).toEqual([
      "I kan begge lide fiskeri og musik",
      "I taler begge arabisk",
      "I har begge tid tirsdag eftermiddag og torsdag aften",
    ]);
    expect(scoreMentor(wide, mentor("m"), "en").reasons[0]).toBe("You both like fishing and music");
  });

  it("a wish about the mentor's gender counts for a match and against a miss", () => {
    const wish = { ...request, wish_gender: "woman" as const };
    expect(scoreMentor(wish, mentor("w", { gender: "woman" }), "da").reasons).toContain("Mentoren er en kvinde, som ønsket");
    expect(scoreMentor(wish, mentor("w", { gender: "woman" }), "da").score - scoreMentor(wish, mentor("m"), "da").score).toBe(
      WEIGHTS.wishMet - WEIGHTS.wishMissed,
    );
  });

  it("nothing shared: score 0 and no reasons", () => {
    const other = mentor("x", { interests: ["crafts"], languages: ["pl"], availability: ["sun-morning"], area: undefined });
    expect(scoreMentor(request, other, "da")).toEqual({ score: 0, reasons: [] });
  });
});

describe("suggestMentors", () => {
  it("ranks best first and leaves out mentors who are full, not approved, from another centre, expired or who said no", () => {
    const mentors = [
      mentor("weak", { interests: ["crafts"] }),
      mentor("best"),
      mentor("full", { active_pairs: 2 }),
      mentor("applied", { status: "applied" }),
      mentor("syd", { centre_id: "syd" }),
      mentor("expired", { screening: { straffeattest_on: "2024-01-01" } }),
      mentor("said-no"),
    ];
    const ranked = suggestMentors({ ...request, declined_mentor_ids: ["said-no"] }, mentors, now, 730, "da");
    expect(ranked.map((s) => s.mentor_id)).toEqual(["best", "weak"]);
    expect(ranked[0]).toMatchObject({ free_places: 2 });
  });

  it("breaks ties by free places", () => {
    const ranked = suggestMentors(request, [mentor("one-left", { active_pairs: 1 }), mentor("two-left")], now, 730, "da");
    expect(ranked.map((s) => s.mentor_id)).toEqual(["two-left", "one-left"]);
  });
});

describe("certificates", () => {
  it("expire after the configured number of days", () => {
    const screening = { straffeattest_on: "2026-01-01" };
    expect(certificatesExpired(screening, new Date("2026-12-31T12:00:00Z"), 365)).toBe(false);
    expect(certificatesExpired(screening, new Date("2027-01-01T12:00:00Z"), 365)).toBe(true);
  });

  it("a børneattest, when one was seen, must be valid too", () => {
    expect(certificatesExpired({ straffeattest_on: "2026-11-01", boerneattest_on: "2024-01-01" }, now, 365)).toBe(true);
    expect(canBeMatched(mentor("m", { screening: { straffeattest_on: "2026-11-01", boerneattest_on: "2024-01-01" } }), now, 365)).toBe(false);
  });
});

describe("demo data", () => {
  it("suggests the demo mentor (mentor@example.dk) first for the demo request in nord, with reasons", () => {
    const [first] = suggestMentors(demoRequests[0]!, demoMentors, now, 730, "da");
    expect(first).toMatchObject({
      display_name: "Mona Mentor",
      reasons: ["I kan begge lide fiskeri og natur", "I taler begge arabisk", "I bor begge i Fredericia Øst", "I har begge tid tirsdag eftermiddag"],
    });
  });
});
