import { A, Navigate, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { forgetSignIn, pendingSignIn } from "./sign-in-state.ts";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { api, useCall } from "../lib/api.ts";
import { useSession } from "../lib/session.tsx";
import { useTexts } from "../lib/texts.ts";
import { identityTexts } from "./texts/index.ts";

/** /logind/kode?c=<challenge>: type the 6 digits from the mail. No countdown, paste allowed. */
export default function CodePage() {
  const { t } = useTexts(identityTexts);
  const call = useCall();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ c?: string }>();
  usePageTitle(() => t("identity.code.title"));

  const pending = () => {
    const stored = pendingSignIn();
    return stored && stored.challenge_id === params.c ? stored : undefined;
  };
  const [code, setCode] = createSignal("");
  const form = useFormErrors({ code: "code", challenge_id: "code" });

  async function verify(event: SubmitEvent) {
    event.preventDefault();
    // People paste "123 456" or "123-456": keep the digits.
    const digits = code().replace(/[\s-]/g, "");
    if (!digits) return form.setErrors([{ field: "code", message: t("identity.code.missing") }]);
    await form.send(async () => {
      const { person } = await call(api.identity["sign-in"].verify.$post, {}, { body: { challenge_id: params.c, code: digits } });
      const returnTo = pending()?.returnTo;
      forgetSignIn();
      session.signedIn(person);
      navigate(returnTo ?? "/min-side", { replace: true });
    });
  }

  return (
    <Show when={params.c} fallback={<Navigate href="/logind" />}>
      <PageHeading
        title={t("identity.code.title")}
        lead={
          <Show when={pending()} fallback={t("identity.code.sentToYou")}>
            {(stored) => t("identity.code.sentTo", { email: stored().email })}
          </Show>
        }
      />
      <p>{t("identity.code.help")}</p>
      <p class="status" role="status">
        {form.sending() ? t("identity.code.checking") : ""}
      </p>
      <ErrorSummary errors={form.errors()} />
      <form class="form" novalidate onSubmit={verify}>
        <FormField
          id="code"
          label={t("identity.code.label")}
          hint={t("identity.code.hint")}
          inputmode="numeric"
          autocomplete="one-time-code"
          spellcheck={false}
          autocapitalize="none"
          value={code()}
          error={form.at("code")}
          onInput={setCode}
        />
        <Button type="submit" busy={form.sending()}>
          {t("identity.code.submit")}
        </Button>
      </form>
      <p class="after-form">{t("identity.code.noMail")}</p>
      <p>
        <A href="/logind" class="big-link">
          {t("identity.code.again")}
        </A>
      </p>
    </Show>
  );
}
