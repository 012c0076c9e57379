import { describe, expect, it } from "vitest";
import { TooManyRequestsError } from "../src/shared/errors.ts";
import { limit, type Hit, type LimitRule } from "../src/shared/rate-limit.ts";

/** An in-memory counter with the same contract as the stores' `hit`. */
function memoryHit() {
  const counts = new Map<string, number>();
  const calls: { scope: string; key: string; windowStart: number; windowEnd: number }[] = [];
  const hit: Hit = async (scope, key, windowStart, windowEnd) => {
    calls.push({ scope, key, windowStart, windowEnd });
    const id = `${scope}#${key}#${windowStart}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts.get(id)!;
  };
  return { hit, calls };
}

const rule: LimitRule = { scope: "test", max: 2, windowSeconds: 3600, reason: "suggestion_too_many" };
const at = (iso: string) => new Date(iso);

describe("limit", () => {
  it("allows max hits in a window, then says how long until the window ends", async () => {
    const { hit } = memoryHit();
    await limit(hit, at("2026-11-23T10:00:00Z"), rule, "a");
    await limit(hit, at("2026-11-23T10:10:00Z"), rule, "a");
    const refused = await limit(hit, at("2026-11-23T10:45:00Z"), rule, "a").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect(refused).toMatchObject({ reason: "suggestion_too_many", retryAfterSeconds: 15 * 60 });
    // Another key, and the next window, start again.
    await limit(hit, at("2026-11-23T10:45:00Z"), rule, "b");
    await limit(hit, at("2026-11-23T11:00:00Z"), rule, "a");
  });

  it("counts in fixed windows and keeps only a hash of the key", async () => {
    const { hit, calls } = memoryHit();
    await limit(hit, at("2026-11-23T10:59:59Z"), rule, "192.0.2.1");
    const start = Date.parse("2026-11-23T10:00:00Z") / 1000;
    expect(calls).toEqual([{ scope: "test", key: expect.stringMatching(/^[0-9a-f]{64}$/), windowStart: start, windowEnd: start + 3600 }]);
  });
});
