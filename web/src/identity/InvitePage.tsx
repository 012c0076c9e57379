import { createEffect, createSignal, Show } from "solid-js";
import type { InvitationSent } from "@naerhed/core/identity/people";
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
import { grantText } from "./roles.ts";
import type { SessionPerson } from "./session.tsx";

/** /personale/inviter */
export default function InvitePage() {
  const { t } = useI18n();
  usePageTitle(() => t("invite.title"));
  return <RequireSignIn roles={["staff", "admin"]}>{(person) => <InviteForm person={person()} />}</RequireSignIn>;
}

function InviteForm(props: { person: SessionPerson }) {
  const { t, lang } = useI18n();
  const choice = useGrantChoice(props.person);
  const [email, setEmail] = createSignal("");
  const [name, setName] = createSignal("");
  const [invited, setInvited] = createSignal<InvitationSent>();

  const form = useFormErrors({
    email: "email",
    display_name: "display_name",
    get role() {
      return choice.roleId();
    },
    get centre_id() {
      return choice.centreId();
    },
    get "@invite_not_allowed"() {
      return choice.roleId();
    },
  });

  let result: HTMLDivElement | undefined;
  createEffect(() => {
    if (invited()) result?.focus();
  });

  async function send(event: SubmitEvent) {
    event.preventDefault();
    if (form.sending()) return;
    setInvited(undefined);
    const problems: SummaryError[] = [];
    if (!email().trim()) problems.push({ field: "email", message: t("invite.emailMissing") });
    if (!name().trim()) problems.push({ field: "display_name", message: t("invite.nameMissing") });
    problems.push(...choice.problems({ role: t("invite.roleMissing"), centre: t("invite.centreMissing") }));
    if (problems.length > 0) return form.setErrors(problems);

    await form.send(async () => {
      const answer = await apiSend<{ invitation: InvitationSent }>("POST", "/identity/invitations", lang(), {
        email: email().trim(),
        display_name: name().trim(),
        ...choice.grant(),
      });
      form.clear();
      setEmail("");
      setName("");
      setInvited(answer.invitation);
    });
  }

  return (
    <Show when={!form.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("invite.title")} lead={t("invite.lead")} />
      <div role="status" tabindex="-1" ref={result} class="result">
        <Show when={invited()}>
          {(done) => (
            <Notice kind="success">
              <p class="notice__title">{t("invite.done", { name: done().display_name })}</p>
              <p>{t("invite.as", { role: grantText(done().grant, t, lang()) })}</p>
              <p>{t("invite.mailSent", { email: done().email })}</p>
            </Notice>
          )}
        </Show>
      </div>
      <ErrorSummary errors={form.errors()} />
      <form class="form" novalidate onSubmit={send}>
        <FormField
          id="email"
          type="email"
          label={t("invite.email")}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="none"
          value={email()}
          error={form.at("email")}
          onInput={setEmail}
        />
        <FormField
          id="display_name"
          label={t("invite.name")}
          autocomplete="off"
          value={name()}
          error={form.at("display_name")}
          onInput={setName}
        />
        <GrantFields choice={choice} roleLegend={t("invite.role")} centreLegend={t("invite.centre")} errorAt={form.at} />
        <Button type="submit" busy={form.sending()}>
          {t("invite.submit")}
        </Button>
      </form>
    </Show>
  );
}
