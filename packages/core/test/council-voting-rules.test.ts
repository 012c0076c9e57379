import { describe, expect, it } from "vitest";
import { decide, majorityFor, quorumMet, quorumNeeded } from "../src/council/voting-rules.ts";

const t = (f: number, a: number, x: number) => ({ for: f, against: a, abstain: x });

describe("quorum: more than half of the eligible members take part", () => {
  it("is not met at exactly half, and is met at one more", () => {
    expect(quorumMet(t(2, 1, 0), 6)).toBe(false);
    expect(quorumMet(t(2, 1, 1), 6)).toBe(true);
    expect(quorumNeeded(6)).toBe(4);
    expect(quorumNeeded(7)).toBe(4);
  });
  it("counts abstentions as taking part", () => {
    expect(quorumMet(t(0, 0, 4), 7)).toBe(true);
  });
  it("is never met when nobody was eligible", () => {
    expect(quorumMet(t(0, 0, 0), 0)).toBe(false);
  });
});

describe("majority", () => {
  it("simple: more for than against adopts; a tie rejects; abstentions do not count", () => {
    expect(majorityFor(t(3, 2, 5), "simple")).toBe(true);
    expect(majorityFor(t(3, 3, 0), "simple")).toBe(false);
    expect(majorityFor(t(0, 0, 5), "simple")).toBe(false);
  });
  it("two thirds: exactly two thirds adopts, just under rejects", () => {
    expect(majorityFor(t(4, 2, 0), "two_thirds")).toBe(true);
    expect(majorityFor(t(5, 3, 0), "two_thirds")).toBe(false);
    expect(majorityFor(t(2, 1, 9), "two_thirds")).toBe(true);
    expect(majorityFor(t(0, 0, 3), "two_thirds")).toBe(false);
  });
});

describe("decide", () => {
  it("says no quorum before looking at the majority", () => {
    expect(decide(t(3, 0, 0), 7, "simple")).toMatchObject({ outcome: "no_quorum", quorum_met: false, ballots: 3, eligible: 7 });
  });
  it("adopts and rejects when the quorum is met", () => {
    expect(decide(t(3, 1, 0), 7, "simple").outcome).toBe("adopted");
    expect(decide(t(2, 2, 0), 7, "simple").outcome).toBe("rejected");
    expect(decide(t(5, 3, 0), 9, "two_thirds").outcome).toBe("rejected");
  });
});
