import type { Grant } from "@naerhed/core/identity/roles";
import { createEffect, createSignal, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { NoAccess } from "../components/NoAccess.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall } from "../lib/api.ts";
import { useFormErrors, type SummaryError } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import type { SessionPerson } from "../lib/session.tsx";
import { useTexts } from "../lib/texts.ts";
import { GrantFields, useGrantChoice } from "./GrantChoice.tsx";
import { grantText } from "./roles.ts";
import { identityTexts } from "./texts/index.ts";

/** /personale/fjern-rolle: the roles one may give (InvitePage) are the roles one may take away. */
export default function RemoveRolePage() {
  const { t } = useTexts(identityTexts);
  usePageTitle(() => t("identity.removeRole.title"));
  return <RequireSignIn roles={["staff", "admin"]}>{(person) => <RemoveRoleForm person={person()} />}</RequireSignIn>;
}

function RemoveRoleForm(props: { person: SessionPerson }) {
  const { t, lang } = useTexts(identityTexts);
  const call = useCall();
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
    if (!email().trim()) problems.push({ field: "email", message: t("identity.removeRole.emailMissing") });
    problems.push(...choice.problems({ role: t("identity.removeRole.roleMissing"), centre: t("identity.removeRole.centreMissing") }));
    if (problems.length > 0) return form.setErrors(problems);

    await form.send(async () => {
      const answer = await call(api.identity.grants.$delete, {}, { body: { email: email().trim(), ...choice.grant() } });
      form.clear();
      setEmail("");
      setRemoved(answer.removed);
    });
  }

  return (
    <Show when={!form.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("identity.removeRole.title")} lead={t("identity.removeRole.lead")} />
      <p>{t("identity.removeRole.who")}</p>
      <div role="status" tabindex="-1" ref={result} class="result">
        <Show when={removed()}>
          {(grant) => (
            <Notice kind="success">
              <p class="notice__title">{t("identity.removeRole.done", { role: grantText(grant(), t, lang()) })}</p>
            </Notice>
          )}
        </Show>
      </div>
      <ErrorSummary errors={form.errors()} />
      <form class="form" novalidate onSubmit={send}>
        <FormField
          id="email"
          type="email"
          label={t("identity.removeRole.email")}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="none"
          value={email()}
          error={form.at("email")}
          onInput={setEmail}
        />
        <GrantFields choice={choice} roleLegend={t("identity.removeRole.role")} centreLegend={t("identity.removeRole.centre")} errorAt={form.at} />
        <Button type="submit" busy={form.sending()}>
          {t("identity.removeRole.submit")}
        </Button>
      </form>
    </Show>
  );
}
