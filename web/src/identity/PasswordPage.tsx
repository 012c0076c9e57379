import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { NoAccess } from "../components/NoAccess.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall } from "../lib/api.ts";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { identityTexts } from "./texts/index.ts";
import { Checkbox } from "../components/Checkbox.tsx";

/** /min-side/adgangskode: staff and admins may add a password. Never required. */
export default function PasswordPage() {
  const { t } = useTexts(identityTexts);
  const call = useCall();
  usePageTitle(() => t("identity.newPassword.title"));
  const [password, setPassword] = createSignal("");
  const [show, setShow] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const form = useFormErrors({ password: "new-password" });

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    if (!password()) return form.setErrors([{ field: "new-password", message: t("identity.newPassword.missing") }]);
    await form.send(async () => {
      await call(api.me.password.$post, {}, { body: { password: password() } });
      form.clear();
      setPassword("");
      setSaved(true);
    });
  }

  return (
    <RequireSignIn roles={["staff", "admin"]}>
      {() => (
        <Show when={!form.forbidden()} fallback={<NoAccess />}>
          <PageHeading title={t("identity.newPassword.title")} lead={t("identity.newPassword.lead")} />
          <div role="status">
            <Show when={saved()}>
              <Notice kind="success">
                <p>{t("identity.newPassword.saved")}</p>
              </Notice>
            </Show>
          </div>
          <ErrorSummary errors={form.errors()} />
          <form class="form" novalidate onSubmit={save}>
            <FormField
              id="new-password"
              type={show() ? "text" : "password"}
              label={t("identity.newPassword.label")}
              hint={t("identity.newPassword.hint")}
              autocomplete="new-password"
              spellcheck={false}
              autocapitalize="none"
              value={password()}
              error={form.at("new-password")}
              onInput={(value) => {
                setSaved(false);
                setPassword(value);
              }}
            />
            <Checkbox id="new-password-show" label={t("identity.password.show")} checked={show()} onChange={setShow} />
            <Button type="submit" busy={form.sending()}>
              {t("identity.newPassword.save")}
            </Button>
          </form>
          <p class="after-form">
            <A href="/min-side" class="big-link">
              {t("identity.newPassword.back")}
            </A>
          </p>
        </Show>
      )}
    </RequireSignIn>
  );
}
