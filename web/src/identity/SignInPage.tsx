import { A, useLocation, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { pendingSignIn, rememberSignIn } from "./sign-in-state.ts";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { api, useCall } from "../lib/api.ts";
import { useSession } from "../lib/session.tsx";
import { safeReturnPath, type SignInNotice } from "../lib/sign-in.ts";
import { useTexts } from "../lib/texts.ts";
import { identityTexts } from "./texts/index.ts";
import { Checkbox } from "../components/Checkbox.tsx";
import "./SignInPage.scss";

/**
 * /logind: the email, one button, and a code by mail. No password to remember or type
 * (WCAG 2.2 SC 3.3.8). Staff may use a password instead, in a small disclosure.
 */
export default function SignInPage() {
  const { t, lang } = useTexts(identityTexts);
  const session = useSession();
  const call = useCall();
  const navigate = useNavigate();
  const location = useLocation<SignInNotice>();
  const [params] = useSearchParams<{ til?: string }>();
  const returnTo = () => safeReturnPath(params.til);
  usePageTitle(() => t("identity.signin.title"));

  // "Send en ny kode" comes back here: the email is already filled in.
  const [email, setEmail] = createSignal(pendingSignIn()?.email ?? "");
  const codeForm = useFormErrors({ email: "email" });

  const [open, setOpen] = createSignal(false);
  const [staffEmail, setStaffEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [showPassword, setShowPassword] = createSignal(false);
  const passwordForm = useFormErrors({ email: "password-email", password: "password" });

  async function sendCode(event: SubmitEvent) {
    event.preventDefault();
    passwordForm.clear();
    const address = email().trim();
    if (!address) return codeForm.setErrors([{ field: "email", message: t("identity.signin.emailMissing") }]);
    await codeForm.send(async () => {
      const { challenge_id } = await call(api.identity["sign-in"].$post, {}, { body: { email: address, language: lang() } });
      rememberSignIn({ challenge_id, email: address, returnTo: returnTo() });
      codeForm.clear();
      navigate(`/logind/kode?c=${encodeURIComponent(challenge_id)}`);
    });
  }

  async function signInWithPassword(event: SubmitEvent) {
    event.preventDefault();
    codeForm.clear();
    const problems = [
      ...(staffEmail().trim() ? [] : [{ field: "password-email", message: t("identity.signin.emailMissing") }]),
      ...(password() ? [] : [{ field: "password", message: t("identity.password.missing") }]),
    ];
    if (problems.length > 0) return passwordForm.setErrors(problems);
    await passwordForm.send(async () => {
      try {
        const { person } = await call(api.identity["sign-in"].password.$post, {}, { body: { email: staffEmail().trim(), password: password() } });
        session.signedIn(person);
        navigate(returnTo() ?? "/min-side", { replace: true });
      } catch (error) {
        // A wrong password is typed again from scratch.
        setPassword("");
        throw error;
      }
    });
  }

  const errors = () => (passwordForm.errors().length > 0 ? passwordForm.errors() : codeForm.errors());

  return (
    <>
      <PageHeading title={t("identity.signin.title")} lead={t("identity.signin.lead")} />
      <Switch>
        <Match when={location.state?.notice === "expired"}>
          <Notice kind="warning" announce="polite">
            <p>{t("identity.signin.expired")}</p>
          </Notice>
        </Match>
        <Match when={location.state?.notice === "required"}>
          <Notice announce="polite">
            <p>{t("identity.signin.required")}</p>
          </Notice>
        </Match>
      </Switch>
      <Show when={session.person()}>
        {(person) => (
          <Notice>
            <p>{t("identity.signin.already", { name: person().display_name })}</p>
            <p>
              <A href="/min-side">{t("identity.signin.toMyPage")}</A>
            </p>
          </Notice>
        )}
      </Show>
      <p class="status" role="status">
        {codeForm.sending() ? t("identity.signin.sending") : ""}
      </p>
      <ErrorSummary errors={errors()} />

      <form class="form" novalidate onSubmit={sendCode}>
        <FormField
          id="email"
          type="email"
          label={t("identity.signin.email")}
          hint={t("identity.signin.emailHint")}
          autocomplete="email"
          spellcheck={false}
          autocapitalize="none"
          value={email()}
          error={codeForm.at("email")}
          onInput={setEmail}
        />
        <p>{t("identity.signin.new")}</p>
        <Button type="submit" busy={codeForm.sending()}>
          {t("identity.signin.send")}
        </Button>
      </form>
      <p>
        <A href="/kort" class="big-link">
          {t("identity.card.signInLink")}
        </A>
      </p>

      <details class="disclosure" open={open()} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary class="disclosure__summary">{t("identity.password.disclosure")}</summary>
        <div class="disclosure__body">
          <p>{t("identity.password.intro")}</p>
          <form class="form" novalidate onSubmit={signInWithPassword}>
            <FormField
              id="password-email"
              type="email"
              label={t("identity.password.email")}
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
              label={t("identity.password.password")}
              autocomplete="current-password"
              spellcheck={false}
              autocapitalize="none"
              value={password()}
              error={passwordForm.at("password")}
              onInput={setPassword}
            />
            <Checkbox id="password-show" label={t("identity.password.show")} checked={showPassword()} onChange={setShowPassword} />
            <Button type="submit" variant="secondary" busy={passwordForm.sending()}>
              {t("identity.password.submit")}
            </Button>
          </form>
        </div>
      </details>
    </>
  );
}
