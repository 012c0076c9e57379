import { createEffect, createSignal, Show } from "solid-js";
import { apiSend } from "../api.ts";
import { Button } from "../components/Button.tsx";
import { ErrorSummary, type SummaryError } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "../i18n/index.tsx";
import { NoAccess, RequireSignIn } from "./access.tsx";
import { useFormErrors } from "./forms.ts";
import { GrantFields, useGrantChoice } from "./GrantChoice.tsx";
import "./remove-role-texts.ts";
import { grantText } from "./roles.ts";
import type { Grant, SessionPerson } from "./session.tsx";

/** /personale/fjern-rolle: the roles one may give (InvitePage) are the roles one may take away. */
export default function RemoveRolePage() {
  const { t } = useI18n();
  usePageTitle(() => t("removeRole.title"));
  return <RequireSignIn roles={["staff", "admin"]}>{(person) => <RemoveRoleForm person={person()} />}</RequireSignIn>;
}

function RemoveRoleForm(props: { person: SessionPerson }) {
  const { t, lang } = useI18n();
  const choice = useGrantChoice(props.person);
  const [email, setEmail] = createSignal("");
  const [removed, setRemoved] = createSignal<Grant>();

  const form = useFormErrors({
    email: "email",
    "@grant_not_held": "email",
    get role() {
      return choice.roleId();
    },
    get centre_id() {
      return choice.centreId();
    },
    get "@grant_remove_not_allowed"() {
      return choice.roleId();
    },
  });

  let result: HTMLDivElement | undefined;
  createEffect(() => {
    if (removed()) result?.focus();
  });

  async function send(event: SubmitEvent) {
    event.preventDefault();
    if (form.sending()) return;
    setRemoved(undefined);
    const problems: SummaryError[] = [];
    if (!email().trim()) problems.push({ field: "email", message: t("removeRole.emailMissing") });
    problems.push(...choice.problems({ role: t("removeRole.roleMissing"), centre: t("removeRole.centreMissing") }));
    if (problems.length > 0) return form.setErrors(problems);

    await form.send(async () => {
      const answer = await apiSend<{ removed: Grant }>("DELETE", "/identity/grants", lang(), { email: email().trim(), ...choice.grant() });
      form.clear();
      setEmail("");
      setRemoved(answer.removed);
    });
  }

  return (
    <Show when={!form.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("removeRole.title")} lead={t("removeRole.lead")} />
      <p>{t("removeRole.who")}</p>
      <div role="status" tabindex="-1" ref={result} class="result">
        <Show when={removed()}>
          {(grant) => (
            <Notice kind="success">
              <p class="notice__title">{t("removeRole.done", { role: grantText(grant(), t, lang()) })}</p>
            </Notice>
          )}
        </Show>
      </div>
      <ErrorSummary errors={form.errors()} />
      <form class="form" novalidate onSubmit={send}>
        <FormField
          id="email"
          type="email"
          label={t("removeRole.email")}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="none"
          value={email()}
          error={form.at("email")}
          onInput={setEmail}
        />
        <GrantFields choice={choice} roleLegend={t("removeRole.role")} centreLegend={t("removeRole.centre")} errorAt={form.at} />
        <Button type="submit" busy={form.sending()}>
          {t("removeRole.submit")}
        </Button>
      </form>
    </Show>
  );
}
