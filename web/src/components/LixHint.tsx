import { lix } from "@naerhed/core/shared/lix";
import { createMemo, createSignal, For, on, onCleanup, Show, createEffect } from "solid-js";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import "./LixHint.scss";

/** How long typing must pause before the hint (and screen readers) catch up. */
export const LIX_DELAY_MS = 600;

/** The LIX target for texts citizens read. */
export const LIX_TARGET = 30;

/**
 * Plain-language help under a long text: its LIX in words and the sentences that are too long.
 * It follows the text after a pause in typing, so a screen reader hears it once, politely.
 */
export function LixHint(props: { id: string; text: string }) {
  const { t } = useTexts(siteTexts);
  const [text, setText] = createSignal(props.text);
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      () => props.text,
      (next) => {
        clearTimeout(timer);
        timer = setTimeout(() => setText(next), LIX_DELAY_MS);
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(timer));

  const result = createMemo(() => lix(text()));
  const summary = () => {
    const current = result();
    if (current.words === 0) return t("site.lix.empty");
    const value = String(Math.round(current.lix));
    const level = current.lix <= LIX_TARGET ? t("site.lix.easy", { lix: value }) : current.lix <= 40 ? t("site.lix.medium", { lix: value }) : t("site.lix.hard", { lix: value });
    const long = current.longSentences.length;
    if (long === 0) return level;
    return `${level} ${long === 1 ? t("site.lix.longOne") : t("site.lix.long", { count: long })}`;
  };

  return (
    <div class="lix">
      <p class="lix__summary" id={props.id} aria-live="polite">
        {summary()}
      </p>
      <Show when={result().longSentences.length > 0}>
        <ul class="lix__long">
          <For each={result().longSentences}>
            {(sentence) => (
              <li>
                <mark>{sentence}</mark>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
