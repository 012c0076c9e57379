import { A, Navigate, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { apiSend } from "../api.ts";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "../i18n/index.tsx";
import { useFormErrors } from "./forms.ts";
import { useSession, type Person } from "./session.tsx";
import { forgetSignIn, pendingSignIn } from "./sign-in-state.ts";

/** /logind/kode?c=<challenge>: type the 6 digits from the mail. No countdown, paste allowed. */
export default function CodePage() {
  const { t, lang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ c?: string }>();
  usePageTitle(() => t("code.title"));

  const pending = () => {
    const stored = pendingSignIn();
    return stored && stored.challenge_id === params.c ? stored : undefined;
  };
  const [code, setCode] = createSignal("");
  const [checking, setChecking] = createSignal(false);
  const form = useFormErrors({ code: "code", challenge_id: "code" });

  async function verify(event: SubmitEvent) {
    event.preventDefault();
    if (checking()) return;
    // People paste "123 456" or "123-456": keep the digits.
    const digits = code().replace(/[\s-]/g, "");
    if (!digits) return form.setErrors([{ field: "code", message: t("code.missing") }]);
    setChecking(true);
    try {
      const { person } = await apiSend<{ person: Person }>("POST", "/identity/sign-in/verify", lang(), {
        challenge_id: params.c,
        code: digits,
      });
      const returnTo = pending()?.returnTo;
      forgetSignIn();
      session.signedIn(person);
      navigate(returnTo ?? "/min-side", { replace: true });
    } catch (error) {
      form.fail(error);
    } finally {
      setChecking(false);
    }
  }

  return (
    <Show when={params.c} fallback={<Navigate href="/logind" />}>
      <PageHeading
        title={t("code.title")}
        lead={
          <Show when={pending()} fallback={t("code.sentToYou")}>
            {(stored) => t("code.sentTo", { email: stored().email })}
          </Show>
        }
      />
      <p>{t("code.help")}</p>
      <p class="status" role="status">
        {checking() ? t("code.checking") : ""}
      </p>
      <ErrorSummary errors={form.errors()} />
      <form class="form" novalidate onSubmit={verify}>
        <FormField
          id="code"
          label={t("code.label")}
          hint={t("code.hint")}
          inputmode="numeric"
          autocomplete="one-time-code"
          spellcheck={false}
          autocapitalize="none"
          value={code()}
          error={form.at("code")}
          onInput={setCode}
        />
        <Button type="submit" busy={checking()}>
          {t("code.submit")}
        </Button>
      </form>
      <p class="after-form">{t("code.noMail")}</p>
      <p>
        <A href="/logind" class="big-link">
          {t("code.again")}
        </A>
      </p>
    </Show>
  );
}
