import { A, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import type { NoticeKind } from "@naerhed/core/shared/notice-kinds";
import { Button } from "../components/Button.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { api, ApiError, useCall } from "../lib/api.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import { identityTexts } from "./texts/index.ts";

/**
 * /stop?p=&k=&t=: "stop these messages" from a message. One button, no sign-in: the link's
 * signed token is the right. A button, not the link itself, because mail scanners open links.
 */
export default function StopPage() {
  const { t } = useTexts(identityTexts);
  const site = useTexts(siteTexts);
  const call = useCall();
  const [params] = useSearchParams<{ p?: string; k?: string; t?: string }>();
  const [state, setState] = createSignal<"ask" | "busy" | "done" | "broken" | "failed">(params.p && params.k && params.t ? "ask" : "broken");
  usePageTitle(() => t("identity.stop.title"));
  const kindName = () => (params.k ? t(`identity.notices.kind.${params.k as NoticeKind}`) : "");

  async function stop() {
    setState("busy");
    try {
      await call(api.identity.notices.stop.$post, {}, { body: { person_id: params.p!, kind: params.k as NoticeKind, token: params.t! } });
      setState("done");
    } catch (error) {
      setState(error instanceof ApiError && error.status < 500 ? "broken" : "failed");
    }
  }

  return (
    <>
      <PageHeading title={t("identity.stop.title")} />
      <div role="status">
        <Show when={state() === "done"}>
          <Notice kind="success">
            <p>{t("identity.stop.done")}</p>
          </Notice>
        </Show>
        <Show when={state() === "broken"}>
          <Notice kind="warning">
            <p>{t("identity.stop.broken")}</p>
          </Notice>
        </Show>
        <Show when={state() === "failed"}>
          <Notice kind="warning">
            <p>{site.t("site.error.tryLater")}</p>
          </Notice>
        </Show>
      </div>
      <Show when={state() === "ask" || state() === "busy"}>
        <p>{t("identity.stop.ask", { kind: kindName() })}</p>
        <Button onClick={() => void stop()} busy={state() === "busy"}>
          {t("identity.stop.button")}
        </Button>
      </Show>
      <p class="after-form">
        <A href="/min-side/beskeder" class="big-link">
          {t("identity.stop.choose")}
        </A>
      </p>
    </>
  );
}
