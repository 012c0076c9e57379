import { A, useLocation, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import { apiSend } from "../api.ts";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "../i18n/index.tsx";
import { safeReturnPath, type SignInNotice } from "./access.tsx";
import { useFormErrors } from "./forms.ts";
import { useSession, type Person } from "./session.tsx";
import { pendingSignIn, rememberSignIn } from "./sign-in-state.ts";

/**
 * /logind: the email, one button, and a code by mail. No password to remember or type
 * (WCAG 2.2 SC 3.3.8). Staff may use a password instead, in a small disclosure.
 */
export default function SignInPage() {
  const { t, lang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation<SignInNotice>();
  const [params] = useSearchParams<{ til?: string }>();
  const returnTo = () => safeReturnPath(params.til);
  usePageTitle(() => t("signin.title"));

  // "Send en ny kode" comes back here: the email is already filled in.
  const [email, setEmail] = createSignal(pendingSignIn()?.email ?? "");
  const [sending, setSending] = createSignal(false);
  const codeForm = useFormErrors({ email: "email" });

  const [open, setOpen] = createSignal(false);
  const [staffEmail, setStaffEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [showPassword, setShowPassword] = createSignal(false);
  const [checking, setChecking] = createSignal(false);
  const passwordForm = useFormErrors({ email: "password-email", password: "password" });

  async function sendCode(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    passwordForm.clear();
    const address = email().trim();
    if (!address) return codeForm.setErrors([{ field: "email", message: t("signin.emailMissing") }]);
    setSending(true);
    try {
      const { challenge_id } = await apiSend<{ challenge_id: string }>("POST", "/identity/sign-in", lang(), {
        email: address,
        language: lang(),
      });
      rememberSignIn({ challenge_id, email: address, returnTo: returnTo() });
      codeForm.clear();
      navigate(`/logind/kode?c=${encodeURIComponent(challenge_id)}`);
    } catch (error) {
      codeForm.fail(error);
    } finally {
      setSending(false);
    }
  }

  async function signInWithPassword(event: SubmitEvent) {
    event.preventDefault();
    if (checking()) return;
    codeForm.clear();
    const problems = [
      ...(staffEmail().trim() ? [] : [{ field: "password-email", message: t("signin.emailMissing") }]),
      ...(password() ? [] : [{ field: "password", message: t("password.missing") }]),
    ];
    if (problems.length > 0) return passwordForm.setErrors(problems);
    setChecking(true);
    try {
      const { person } = await apiSend<{ person: Person }>("POST", "/identity/sign-in/password", lang(), {
        email: staffEmail().trim(),
        password: password(),
      });
      session.signedIn(person);
      navigate(returnTo() ?? "/min-side", { replace: true });
    } catch (error) {
      setPassword("");
      passwordForm.fail(error);
    } finally {
      setChecking(false);
    }
  }

  const errors = () => (passwordForm.errors().length > 0 ? passwordForm.errors() : codeForm.errors());

  return (
    <>
      <PageHeading title={t("signin.title")} lead={t("signin.lead")} />
      <Switch>
        <Match when={location.state?.notice === "expired"}>
          <Notice kind="warning" announce="polite">
            <p>{t("signin.expired")}</p>
          </Notice>
        </Match>
        <Match when={location.state?.notice === "required"}>
          <Notice announce="polite">
            <p>{t("signin.required")}</p>
          </Notice>
        </Match>
      </Switch>
      <Show when={session.person()}>
        {(person) => (
          <Notice>
            <p>{t("signin.already", { name: person().display_name })}</p>
            <p>
              <A href="/min-side">{t("signin.toMyPage")}</A>
            </p>
          </Notice>
        )}
      </Show>
      <p class="status" role="status">
        {sending() ? t("signin.sending") : ""}
      </p>
      <ErrorSummary errors={errors()} />

      <form class="form" novalidate onSubmit={sendCode}>
        <FormField
          id="email"
          type="email"
          label={t("signin.email")}
          hint={t("signin.emailHint")}
          autocomplete="email"
          spellcheck={false}
          autocapitalize="none"
          value={email()}
          error={codeForm.at("email")}
          onInput={setEmail}
        />
        <p>{t("signin.new")}</p>
        <Button type="submit" busy={sending()}>
          {t("signin.send")}
        </Button>
      </form>

      <details class="disclosure" open={open()} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary class="disclosure__summary">{t("password.disclosure")}</summary>
        <div class="disclosure__body">
          <p>{t("password.intro")}</p>
          <form class="form" novalidate onSubmit={signInWithPassword}>
            <FormField
              id="password-email"
              type="email"
              label={t("password.email")}
              autocomplete="username"
              spellcheck={false}
              autocapitalize="none"
              value={staffEmail()}
              error={passwordForm.at("password-email")}
              onInput={setStaffEmail}
            />
            <FormField
              id="password"
              type={showPassword() ? "text" : "password"}
              label={t("password.password")}
              autocomplete="current-password"
              spellcheck={false}
              autocapitalize="none"
              value={password()}
              error={passwordForm.at("password")}
              onInput={setPassword}
            />
            <div class="checkbox">
              <input
                class="checkbox__input"
                type="checkbox"
                id="password-show"
                checked={showPassword()}
                onChange={(event) => setShowPassword(event.currentTarget.checked)}
              />
              <label class="checkbox__label" for="password-show">
                {t("password.show")}
              </label>
            </div>
            <Button type="submit" variant="secondary" busy={checking()}>
              {t("password.submit")}
            </Button>
          </form>
        </div>
      </details>
    </>
  );
}
