import { createEffect, createSignal, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import type { InvitationSent } from "@naerhed/core/identity/people";
import { GrantFields, useGrantChoice } from "./GrantChoice.tsx";
import { grantText } from "./roles.ts";
import { NoAccess } from "../components/NoAccess.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall } from "../lib/api.ts";
import { useFormErrors, type SummaryError } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import type { SessionPerson } from "../lib/session.tsx";
import { useTexts } from "../lib/texts.ts";
import { identityTexts } from "./texts/index.ts";

/** /personale/inviter */
export default function InvitePage() {
  const { t } = useTexts(identityTexts);
  usePageTitle(() => t("identity.invite.title"));
  return <RequireSignIn roles={["staff", "admin"]}>{(person) => <InviteForm person={person()} />}</RequireSignIn>;
}

function InviteForm(props: { person: SessionPerson }) {
  const { t, lang } = useTexts(identityTexts);
  const call = useCall();
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
    if (!email().trim()) problems.push({ field: "email", message: t("identity.invite.emailMissing") });
    if (!name().trim()) problems.push({ field: "display_name", message: t("identity.invite.nameMissing") });
    problems.push(...choice.problems({ role: t("identity.invite.roleMissing"), centre: t("identity.invite.centreMissing") }));
    if (problems.length > 0) return form.setErrors(problems);

    await form.send(async () => {
      const answer = await call(api.identity.invitations.$post, {}, { body: { email: email().trim(), display_name: name().trim(), ...choice.grant() } });
      form.clear();
      setEmail("");
      setName("");
      setInvited(answer.invitation);
    });
  }

  return (
    <Show when={!form.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("identity.invite.title")} lead={t("identity.invite.lead")} />
      <div role="status" tabindex="-1" ref={result} class="result">
        <Show when={invited()}>
          {(done) => (
            <Notice kind="success">
              <p class="notice__title">{t("identity.invite.done", { name: done().display_name })}</p>
              <p>{t("identity.invite.as", { role: grantText(done().grant, t, lang()) })}</p>
              <p>{t("identity.invite.mailSent", { email: done().email })}</p>
            </Notice>
          )}
        </Show>
      </div>
      <ErrorSummary errors={form.errors()} />
      <form class="form" novalidate onSubmit={send}>
        <FormField
          id="email"
          type="email"
          label={t("identity.invite.email")}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="none"
          value={email()}
          error={form.at("email")}
          onInput={setEmail}
        />
        <FormField
          id="display_name"
          label={t("identity.invite.name")}
          autocomplete="off"
          value={name()}
          error={form.at("display_name")}
          onInput={setName}
        />
        <GrantFields choice={choice} roleLegend={t("identity.invite.role")} centreLegend={t("identity.invite.centre")} errorAt={form.at} />
        <Button type="submit" busy={form.sending()}>
          {t("identity.invite.submit")}
        </Button>
      </form>
    </Show>
  );
}
