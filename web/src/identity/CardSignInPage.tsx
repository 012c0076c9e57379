import { A, useNavigate } from "@solidjs/router";
import { createSignal, onMount, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { api, ApiError, useCall } from "../lib/api.ts";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useSession } from "../lib/session.tsx";
import { useTexts } from "../lib/texts.ts";
import { identityTexts } from "./texts/index.ts";

/**
 * /kort: sign in with a sign-in card. The QR code leads to /kort#t=<token>: the token is in the
 * fragment, which browsers never send, so it is in no server's or proxy's log. Typing the code
 * works the same. A card that no longer works gets its one message and nothing more.
 */
export default function CardSignInPage() {
  const { t } = useTexts(identityTexts);
  const call = useCall();
  const session = useSession();
  const navigate = useNavigate();
  const [code, setCode] = createSignal("");
  const [stopped, setStopped] = createSignal<string>();
  const [scanning, setScanning] = createSignal(false);
  const form = useFormErrors({ code: "card-code" });
  usePageTitle(() => (stopped() ? t("identity.card.failedTitle") : t("identity.card.title")));

  async function signIn(body: { code: string } | { token: string }) {
    try {
      await call(api.identity["sign-in"].card.$post, {}, { body });
      await session.refresh();
      navigate("/min-side", { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === "card_revoked") setStopped(error.message);
      else throw error;
    }
  }

  onMount(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get("t");
    if (!token) return;
    // The token leaves the address bar at once: a shared screen or the history must not keep it.
    history.replaceState(history.state, "", window.location.pathname);
    setScanning(true);
    void form.send(() => signIn({ token })).finally(() => setScanning(false));
  });

  function send(event: SubmitEvent) {
    event.preventDefault();
    if (!code().trim()) return form.setErrors([{ field: "card-code", message: t("identity.card.codeMissing") }]);
    void form.send(() => signIn({ code: code() }));
  }

  return (
    <Show
      when={!stopped()}
      fallback={
        <>
          <PageHeading title={t("identity.card.failedTitle")} />
          <Notice kind="warning" announce="assertive">
            <p>{stopped()}</p>
          </Notice>
        </>
      }
    >
      <PageHeading title={t("identity.card.title")} lead={t("identity.card.lead")} />
      <p class="status" role="status">
        {scanning() ? t("identity.card.working") : ""}
      </p>
      <ErrorSummary errors={form.errors()} />
      <form class="form" novalidate onSubmit={send}>
        <FormField
          id="card-code"
          label={t("identity.card.code")}
          hint={t("identity.card.codeHint")}
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          value={code()}
          error={form.at("card-code")}
          onInput={setCode}
        />
        <Button type="submit" busy={form.sending()}>
          {t("identity.card.submit")}
        </Button>
      </form>
      <p>{t("identity.card.scanTip")}</p>
      <p>
        <A href="/hjaelp/kort" class="big-link">
          {t("identity.card.howTo")}
        </A>
      </p>
    </Show>
  );
}
