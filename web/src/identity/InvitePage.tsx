import { createEffect, createSignal, Show } from "solid-js";
import { apiSend } from "../api.ts";
import { Button } from "../components/Button.tsx";
import { ErrorSummary, type SummaryError } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { firstRadioId, RadioGroup, type RadioOption } from "../components/RadioGroup.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "../i18n/index.tsx";
import { NoAccess, RequireSignIn } from "./access.tsx";
import { useFormErrors } from "./forms.ts";
import { allCentres, allRoles, centreName, centreRoles, grantText, roleName } from "./roles.ts";
import { hasRole, type Grant, type Person, type Role, type SessionPerson } from "./session.tsx";

/** Staff invite council members and mentors for their own centre; admins invite anyone anywhere. */
export function invitableRoles(person: SessionPerson): Role[] {
  if (hasRole(person, "admin")) return [...allRoles];
  return hasRole(person, "staff") ? ["council_member", "mentor"] : [];
}

export function invitableCentres(person: SessionPerson): string[] {
  if (hasRole(person, "admin")) return allCentres("da").map((centre) => centre.id);
  return person.grants.flatMap((grant) => (grant.role === "staff" && grant.centre_id ? [grant.centre_id] : []));
}

/** /personale/inviter */
export default function InvitePage() {
  const { t } = useI18n();
  usePageTitle(() => t("invite.title"));
  return <RequireSignIn roles={["staff", "admin"]}>{(person) => <InviteForm person={person()} />}</RequireSignIn>;
}

function InviteForm(props: { person: SessionPerson }) {
  const { t, lang } = useI18n();
  const roleOptions = (): RadioOption[] => invitableRoles(props.person).map((role) => ({ value: role, label: roleName(role, t) }));
  const centreOptions = (): RadioOption[] => invitableCentres(props.person).map((id) => ({ value: id, label: centreName(id, lang()) }));
  const onlyCentre = () => (centreOptions().length === 1 ? centreOptions()[0]!.value : "");

  const [email, setEmail] = createSignal("");
  const [name, setName] = createSignal("");
  const [role, setRole] = createSignal(roleOptions().length === 1 ? roleOptions()[0]!.value : "");
  const [centre, setCentre] = createSignal(onlyCentre());
  const [invited, setInvited] = createSignal<{ person: Person; grant: Grant }>();
  const needsCentre = () => centreRoles.includes(role() as Role);

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
    if (!email().trim()) problems.push({ field: "email", message: t("invite.emailMissing") });
    if (!name().trim()) problems.push({ field: "display_name", message: t("invite.nameMissing") });
    if (!role()) problems.push({ field: roleId(), message: t("invite.roleMissing") });
    else if (needsCentre() && !centre()) problems.push({ field: centreId(), message: t("invite.centreMissing") });
    if (problems.length > 0) return form.setErrors(problems);

    const grant: Grant = needsCentre() ? { role: role() as Role, centre_id: centre() } : { role: role() as Role };
    await form.send(async () => {
      const answer = await apiSend<{ person: Person }>("POST", "/identity/invitations", lang(), {
        email: email().trim(),
        display_name: name().trim(),
        ...grant,
      });
      form.clear();
      setEmail("");
      setName("");
      setInvited({ person: answer.person, grant });
    });
  }

  return (
    <Show when={!form.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("invite.title")} lead={t("invite.lead")} />
      <div role="status" tabindex="-1" ref={result} class="result">
        <Show when={invited()}>
          {(done) => (
            <Notice kind="success">
              <p class="notice__title">{t("invite.done", { name: done().person.display_name })}</p>
              <p>{t("invite.as", { role: grantText(done().grant, t, lang()) })}</p>
              <p>{t("invite.mailSent", { email: done().person.email })}</p>
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
        <RadioGroup
          name="role"
          legend={t("invite.role")}
          options={roleOptions()}
          value={role()}
          error={form.at(roleId())}
          onChange={setRole}
        />
        <Show when={needsCentre()}>
          <RadioGroup
            name="centre"
            legend={t("invite.centre")}
            options={centreOptions()}
            value={centre()}
            error={form.at(centreId())}
            onChange={setCentre}
          />
        </Show>
        <Button type="submit" busy={form.sending()}>
          {t("invite.submit")}
        </Button>
      </form>
    </Show>
  );
}
