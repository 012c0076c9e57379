import { createSignal, onCleanup, Show } from "solid-js";
import { apiGet } from "../api.ts";
import type { Progress } from "./model.ts";
import { apiPath } from "./StaffPanelPage.tsx";
import { useI18n } from "./texts.ts";

/** How often the page asks again while invitations go out (the server sends them in parts of a few seconds). */
export const SENDING_POLL_MS = 3_000;

/**
 * "Sendt til 3.200 af 10.000": how far a published consultation's invitations have gone. It asks
 * again every few seconds until all are out, then says so once (a status, for screen readers).
 * Without `initial` (the page was opened later) it asks at once.
 */
export function SendingProgress(props: { centre: string; id: string; initial?: Progress | null; everyMs?: number }) {
  const { t, lang } = useI18n();
  const [sending, setSending] = createSignal(props.initial ?? null);
  const number = (n: number) => n.toLocaleString(lang() === "da" ? "da-DK" : "en-GB");
  let timer: ReturnType<typeof setTimeout> | undefined;

  const ask = async () => {
    try {
      setSending((await apiGet<{ sending: Progress | null }>(`${apiPath(props.centre, props.id)}/sending`, lang())).sending);
    } catch {
      // Asked again below: a lost answer only delays the next number.
    }
    follow();
  };
  const follow = () => {
    if (sending()?.state === "running") timer = setTimeout(() => void ask(), props.everyMs ?? SENDING_POLL_MS);
  };
  if (props.initial === undefined) void ask();
  else follow();
  onCleanup(() => clearTimeout(timer));

  const running = () => sending()?.state === "running";
  const text = () => {
    const now = sending();
    if (!now) return "";
    return now.total === null ? t("panel.sendingCount", { done: number(now.done) }) : t("panel.sendingOf", { done: number(now.done), total: number(now.total) });
  };
  return (
    <>
      <Show when={running()}>
        <div class="field">
          <label class="field__label" for="panel-sending">
            {text()}
          </label>
          <progress id="panel-sending" max={sending()?.total ?? undefined} value={sending()?.done ?? 0}>
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
