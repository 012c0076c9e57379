import { accessibilityFacts } from "@naerhed/core/directory/lists";
import { For } from "solid-js";
import { useTexts } from "../lib/texts.ts";
import { directoryTexts } from "./texts/index.ts";
import "./FactIcon.scss";

/**
 * Small pictures that go with the words on a result card, so a citizen who reads slowly can
 * spot "step-free" or "free" at a glance. Always next to their text: the picture is hidden from
 * screen readers, the words are what they read.
 */
const shapes: Record<(typeof accessibilityFacts)[number]["id"] | "free" | "paid", string> = {
  // A ramp.
  step_free: "M3 20h18L21 12z",
  // W and C.
  accessible_toilet: "M3 7l2 10 2-6 2 6 2-10M21 8a4 4 0 1 0 0 8",
  // An ear.
  hearing_loop: "M8 9a4 4 0 1 1 8 0c0 3-3 4-3 7a3 3 0 0 1-6 0",
  // Lines of text on a page.
  easy_read: "M5 3h14v18H5zM8 8h8M8 12h8M8 16h5",
  // A moon.
  quiet_room: "M17 15A7 7 0 0 1 9 5a7 7 0 1 0 8 10z",
  // Two people.
  companion_welcome: "M8 9a2.5 2.5 0 1 0 0-.1M16 9a2.5 2.5 0 1 0 0-.1M4 20a4 4 0 0 1 8 0M12 20a4 4 0 0 1 8 0",
  // A coin with a tick.
  free: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M8 12l3 3 5-6",
  // A coin.
  paid: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M9 9h6M9 15h6",
};

export function FactIcon(props: { fact: keyof typeof shapes }) {
  return (
    <svg class="fact-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <path d={shapes[props.fact]} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/** An offer's accessibility facts, each with its picture, in the list's fixed order. */
export function AccessFacts(props: { facts: readonly string[] | undefined; class?: string }) {
  const { lang } = useTexts(directoryTexts);
  return (
    <ul class={`access-list${props.class ? ` ${props.class}` : ""}`}>
      <For each={accessibilityFacts.filter((fact) => props.facts?.includes(fact.id))}>
        {(fact) => (
          <li class="fact-with-icon">
            <FactIcon fact={fact.id} />
            {fact.name[lang()]}
          </li>
        )}
      </For>
    </ul>
  );
}
