import { describe, expect, it } from "vitest";
import type { ModuleManifest } from "@naerhed/core/shared/manifest";
import { createEventBus } from "../src/event-bus.ts";

const manifest = (name: string, publishes: string[], handles: string[]) =>
  ({ name, prefixes: [name], tables: [], sendsMail: false, settings: [], jobs: [], publishes, handles, personalData: false }) as unknown as ModuleManifest;
const identity = manifest("identity", ["personal-data.erase-requested"], []);
const panel = manifest("panel", [], ["personal-data.erase-requested"]);
const council = manifest("council", [], ["personal-data.erase-requested"]);
const detail = { person_id: "019ab000-0000-7000-8000-000000000001" };

describe("the local event bus", () => {
  it("delivers an event, after the publisher's request, to every module whose manifest handles it, in EventBridge's shape", async () => {
    const seen: string[] = [];
    const bus = createEventBus([identity, panel, council], async (module, event) => void seen.push(`${module} ${event["detail-type"]} ${event.source}`));
    await bus.publisherFor(identity)("personal-data.erase-requested", detail);
    expect(seen).toEqual([]);
    await bus.idle();
    expect(seen.sort()).toEqual(["council personal-data.erase-requested naerhed.identity", "panel personal-data.erase-requested naerhed.identity"]);
  });

  it("delivers at least once: with `duplicate` every handler sees the event twice", async () => {
    let deliveries = 0;
    const bus = createEventBus([identity, panel], async () => void deliveries++, { duplicate: true });
    await bus.publisherFor(identity)("personal-data.erase-requested", detail);
    await bus.idle();
    expect(deliveries).toBe(2);
  });

  it("retries a failing handler, then keeps the event as a dead letter for staff to see", async () => {
    const tries: string[] = [];
    const bus = createEventBus(
      [identity, panel, council],
      async (module) => {
        tries.push(module);
        if (module === "panel") throw new Error("panel is down");
      },
      { attempts: 3, retryDelayMs: 1 },
    );
    const logged: string[] = [];
    const original = console.error;
    console.error = (line: string) => void logged.push(line);
    try {
      await bus.publisherFor(identity)("personal-data.erase-requested", detail);
      await bus.idle();
    } finally {
      console.error = original;
    }
    expect(tries.filter((module) => module === "panel")).toHaveLength(3);
    expect(tries.filter((module) => module === "council")).toHaveLength(1);
    expect(bus.deadLetters).toEqual([expect.objectContaining({ module: "panel", error: "panel is down", event: expect.objectContaining({ detail }) })]);
    expect(logged.join("\n")).toContain("event_dead_letter");
  });

  it("refuses an event the publisher's manifest does not list, as IAM's condition on PutEvents does", async () => {
    const bus = createEventBus([identity, panel], async () => undefined);
    await expect(bus.publisherFor(panel)("personal-data.erase-requested", detail)).rejects.toThrow(/may not publish/);
  });
});
