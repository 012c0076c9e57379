import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { eventSource, type BusEvent, type EventName, type Publisher } from "@naerhed/core/shared/events";
import type { ModuleManifest } from "@naerhed/core/shared/manifest";

/**
 * Locally, what the stage's EventBridge bus does on AWS (stacks/Api.ts): an event a module
 * publishes goes, in EventBridge's shape, to the function of every module whose manifest handles
 * it, later, not inside the publisher's request. At least once: with `duplicate` (the tests) every
 * delivery happens twice, so handlers must be idempotent. A failing handler is tried again
 * (`attempts`), then the event is kept in `deadLetters`, as the module's dead-letter queue keeps it.
 * A module may publish only what its manifest says (IAM's `events:detail-type` condition on AWS).
 */

export type Invoke = (module: string, event: BusEvent) => Promise<unknown>;
export type DeadLetter = { module: string; event: BusEvent; error: string };

export type EventBusOptions = { attempts?: number; duplicate?: boolean; retryDelayMs?: number };

export function createEventBus(manifests: readonly ModuleManifest[], invoke: Invoke, options: EventBusOptions = {}) {
  const attempts = options.attempts ?? 3;
  const deadLetters: DeadLetter[] = [];
  let pending = 0;
  const waiting: (() => void)[] = [];
  let held: (() => Promise<void>)[] | null = null;

  async function deliver(module: string, event: BusEvent) {
    for (let attempt = 1; ; attempt++) {
      try {
        await invoke(module, event);
        return;
      } catch (error) {
        if (attempt >= attempts) {
          deadLetters.push({ module, event, error: error instanceof Error ? error.message : String(error) });
          console.error(JSON.stringify({ level: "error", what: "event_dead_letter", module, event: event["detail-type"], error: String(error) }));
          return;
        }
        await sleep((options.retryDelayMs ?? 50) * attempt);
      }
    }
  }

  function schedule(work: () => Promise<void>) {
    pending++;
    setImmediate(() =>
      void work().finally(() => {
        pending--;
        if (pending === 0) for (const resolve of waiting.splice(0)) resolve();
      }),
    );
  }

  const track = (work: () => Promise<void>) => (held ? held.push(work) : schedule(work));

  /** The publisher a module's function gets. */
  const publisherFor =
    (publisher: ModuleManifest): Publisher =>
    async (name: EventName, detail: unknown) => {
      if (!publisher.publishes.includes(name)) throw new Error(`Module "${publisher.name}" may not publish "${name}" (not in its manifest)`);
      const event: BusEvent = {
        version: "0",
        id: randomUUID(),
        "detail-type": name,
        source: eventSource(publisher.name),
        account: "000000000000",
        time: new Date().toISOString(),
        region: "local",
        resources: [],
        detail: JSON.parse(JSON.stringify(detail)),
      };
      for (const target of manifests.filter((manifest) => manifest.handles.includes(name))) {
        for (let copy = 0; copy < (options.duplicate ? 2 : 1); copy++) track(() => deliver(target.name, event));
      }
    };

  return {
    publisherFor,
    deadLetters,
    /** Resolves when no event is waiting or being handled (also those that handling published), apart from held ones. */
    idle(): Promise<void> {
      return pending === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
    },
    /** Tests: keep events from being delivered until `release`, to look at the state in between. */
    hold() {
      held ??= [];
    },
    release() {
      const works = held ?? [];
      held = null;
      for (const work of works) schedule(work);
    },
    /** Tests: drop what `hold` kept, as if every delivery had failed (on AWS: the dead-letter queue). */
    discardHeld() {
      held = null;
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
