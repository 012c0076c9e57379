import { onMount, Show } from "solid-js";
import { ApiError } from "../lib/api.ts";
import { Button } from "./Button.tsx";
import { Notice } from "./Notice.tsx";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";

/** "We could not get …" with what to do next, a retry button and the request id for support. */
export function LoadError(props: { title?: string; error: unknown; onRetry: () => void; takeFocus?: boolean }) {
  const { t } = useTexts(siteTexts);
  let retry: HTMLButtonElement | undefined;
  const requestId = () => (props.error instanceof ApiError ? props.error.requestId : undefined);
  onMount(() => {
    // The button that was pressed may be gone: keep the keyboard user's place.
    if (props.takeFocus) retry?.focus();
  });
  return (
    <Notice kind="warning" title={props.title} announce="assertive">
      <p>{props.error instanceof ApiError ? t("site.error.tryLater") : t("site.error.offline")}</p>
      <p>
        <Button ref={retry} onClick={() => props.onRetry()}>
          {t("site.error.retry")}
        </Button>
      </p>
      <Show when={requestId()}>{(id) => <p class="small">{t("site.error.code", { id: id() })}</p>}</Show>
    </Notice>
  );
}
