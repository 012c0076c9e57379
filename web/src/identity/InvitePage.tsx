import { createEffect, createSignal, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { firstRadioId, RadioGroup, type RadioOption } from "../components/RadioGroup.tsx";
import { CENTRE_ROLES, invitableRoles, staffCentres, type Grant, type Role } from "@naerhed/core/identity/roles";
import { grantText, roleName } from "./roles.ts";
import { centreName } from "@naerhed/core/shared/lists";
import { NoAccess } from "../components/NoAccess.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall } from "../lib/api.ts";
import { useFormErrors, type SummaryError } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import type { Person, SessionPerson } from "../lib/session.tsx";
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
  const roleOptions = (): RadioOption[] => invitableRoles(props.person).map((role) => ({ value: role, label: roleName(role, t) }));
  const centreOptions = (): RadioOption[] => staffCentres(props.person).map((id) => ({ value: id, label: centreName(id, lang()) }));
  const onlyCentre = () => (centreOptions().length === 1 ? centreOptions()[0]!.value : "");

  const [email, setEmail] = createSignal("");
  const [name, setName] = createSignal("");
  const [role, setRole] = createSignal(roleOptions().length === 1 ? roleOptions()[0]!.value : "");
  const [centre, setCentre] = createSignal(onlyCentre());
  const [invited, setInvited] = createSignal<{ person: Person; grant: Grant }>();
  const needsCentre = () => CENTRE_ROLES.includes(role() as Role);

  const roleId = () => firstRadioId("role", roleOptions());
  const centreId = () => firstRadioId("centre", centreOptions());
  const form = useFormErrors({
    email: "email",
    display_name: "display_name",
    get role() {
      return roleId();
    },
    get centre_id() {
      return centreId();
    },
    get "@invite_not_allowed"() {
      return roleId();
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
    if (!role()) problems.push({ field: roleId(), message: t("identity.invite.roleMissing") });
    else if (needsCentre() && !centre()) problems.push({ field: centreId(), message: t("identity.invite.centreMissing") });
    if (problems.length > 0) return form.setErrors(problems);

    const grant: Grant = needsCentre() ? { role: role() as Role, centre_id: centre() } : { role: role() as Role };
    await form.send(async () => {
      const answer = await call(api.identity.invitations.$post, {}, { body: { email: email().trim(), display_name: name().trim(), ...grant } });
      form.clear();
      setEmail("");
      setName("");
      setInvited({ person: answer.person, grant });
    });
  }

  return (
    <Show when={!form.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("identity.invite.title")} lead={t("identity.invite.lead")} />
      <div role="status" tabindex="-1" ref={result} class="result">
        <Show when={invited()}>
          {(done) => (
            <Notice kind="success">
              <p class="notice__title">{t("identity.invite.done", { name: done().person.display_name })}</p>
              <p>{t("identity.invite.as", { role: grantText(done().grant, t, lang()) })}</p>
              <p>{t("identity.invite.mailSent", { email: done().person.email })}</p>
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
        <RadioGroup
          name="role"
          legend={t("identity.invite.role")}
          options={roleOptions()}
          value={role()}
          error={form.at(roleId())}
          onChange={setRole}
        />
        <Show when={needsCentre()}>
          <RadioGroup
            name="centre"
            legend={t("identity.invite.centre")}
            options={centreOptions()}
            value={centre()}
            error={form.at(centreId())}
            onChange={setCentre}
          />
        </Show>
        <Button type="submit" busy={form.sending()}>
          {t("identity.invite.submit")}
        </Button>
      </form>
    </Show>
  );
}
