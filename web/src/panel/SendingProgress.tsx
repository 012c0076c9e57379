import { createComputed, createEffect, createSignal, onCleanup, Show } from "solid-js";
import { api, useCall } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";
import { useTexts } from "../lib/texts.ts";
import type { ShownCount } from "@naerhed/core/panel/results";
import { countText } from "./counts.ts";
import type { Progress } from "./model.ts";
import { panelTexts } from "./texts/index.ts";

/** How often the page asks again while invitations go out (the server sends them in parts of a few seconds). */
export const SENDING_POLL_MS = 3_000;

/**
 * "Sendt til 3.200 af 10.000": how far a published consultation's invitations have gone. It asks
 * again every few seconds until all are out, then says so once (a status, for screen readers).
 * Without `initial` (the page was opened later) it asks at once.
 */
export function SendingProgress(props: { centre: string; id: string; initial?: Progress; everyMs?: number }) {
  const { t, lang } = useTexts(panelTexts);
  const call = useCall();
  // Each round is one more load of the same loader; round 0 is the publish answer's `initial`.
  const [round, setRound] = createSignal(props.initial === undefined ? 1 : 0);
  const asked = createLoader(
    () => round() > 0 && { centre: props.centre, id: props.id, round: round() },
    async ({ centre, id }, signal) => (await call(api.panel.centres[":centre"].consultations[":id"].sending.$get, { param: { centre, id } }, { signal })).sending,
  );
  // The last number that came: a lost answer only delays the next one.
  const [sending, setSending] = createSignal<Progress>(props.initial ?? null);
  createComputed(() => {
    const now = asked.data();
    if (now !== undefined) setSending(now);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(() => {
    if (asked.loading() || sending()?.state !== "running") return;
    clearTimeout(timer);
    timer = setTimeout(() => setRound((n) => n + 1), props.everyMs ?? SENDING_POLL_MS);
  });
  onCleanup(() => clearTimeout(timer));

  // Counts follow the panel's rule of 5: under 5 the server sends "<5", shown as words ("færre end 5").
  const number = (n: ShownCount) => (typeof n === "number" ? n.toLocaleString(lang() === "da" ? "da-DK" : "en-GB") : countText(n, t));
  const numeric = (n: ShownCount | null | undefined) => (typeof n === "number" ? n : undefined);
  const text = () => {
    const now = sending();
    if (!now) return "";
    return now.total === null ? t("panel.sendingCount", { done: number(now.done) }) : t("panel.sendingOf", { done: number(now.done), total: number(now.total) });
  };
  return (
    <>
      <Show when={sending()?.state === "running"}>
        <div class="field">
          <label class="field__label" for="panel-sending">
            {text()}
          </label>
          <progress id="panel-sending" max={numeric(sending()?.total)} value={numeric(sending()?.done) ?? 0}>
            {text()}
          </progress>
          <p class="field__hint">{t("panel.sendingHint")}</p>
        </div>
      </Show>
      <p class="status" role="status">
        {sending()?.state === "done" ? t("panel.sendingDone", { done: number(sending()!.done) }) : ""}
      </p>
    </>
  );
}
