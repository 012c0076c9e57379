import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { apiSend } from "../api.ts";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { NoAccess, RequireSignIn } from "./access.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "../i18n/index.tsx";
import { useFormErrors } from "./forms.ts";

/** /min-side/adgangskode: staff and admins may add a password. Never required. */
export default function PasswordPage() {
  const { t, lang } = useI18n();
  usePageTitle(() => t("newPassword.title"));
  const [password, setPassword] = createSignal("");
  const [show, setShow] = createSignal(false);
  const [saving, setSaving] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const form = useFormErrors({ password: "new-password" });

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    setSaved(false);
    if (!password()) return form.setErrors([{ field: "new-password", message: t("newPassword.missing") }]);
    setSaving(true);
    try {
      await apiSend("POST", "/me/password", lang(), { password: password() });
      form.clear();
      setPassword("");
      setSaved(true);
    } catch (error) {
      form.fail(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <RequireSignIn roles={["staff", "admin"]}>
      {() => (
        <Show when={!form.forbidden()} fallback={<NoAccess />}>
          <PageHeading title={t("newPassword.title")} lead={t("newPassword.lead")} />
          <div role="status">
            <Show when={saved()}>
              <Notice kind="success">
                <p>{t("newPassword.saved")}</p>
              </Notice>
            </Show>
          </div>
          <ErrorSummary errors={form.errors()} />
          <form class="form" novalidate onSubmit={save}>
            <FormField
              id="new-password"
              type={show() ? "text" : "password"}
              label={t("newPassword.label")}
              hint={t("newPassword.hint")}
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
            <div class="checkbox">
              <input
                class="checkbox__input"
                type="checkbox"
                id="new-password-show"
                checked={show()}
                onChange={(event) => setShow(event.currentTarget.checked)}
              />
              <label class="checkbox__label" for="new-password-show">
                {t("password.show")}
              </label>
            </div>
            <Button type="submit" busy={saving()}>
              {t("newPassword.save")}
            </Button>
          </form>
          <p class="after-form">
            <A href="/min-side" class="big-link">
              {t("newPassword.back")}
            </A>
          </p>
        </Show>
      )}
    </RequireSignIn>
  );
}
