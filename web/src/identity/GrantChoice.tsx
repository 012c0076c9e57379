import { createSignal, Show } from "solid-js";
import type { SummaryError } from "../components/ErrorSummary.tsx";
import { firstRadioId, RadioGroup, type RadioOption } from "../components/RadioGroup.tsx";
import { useI18n } from "../i18n/index.tsx";
import { allCentres, allRoles, centreName, centreRoles, roleName } from "./roles.ts";
import { hasRole, type Grant, type Role, type SessionPerson } from "./session.tsx";

/** Staff give (and take away) council members and mentors for their own centre; admins any role anywhere. */
export function grantableRoles(person: SessionPerson): Role[] {
  if (hasRole(person, "admin")) return [...allRoles];
  return hasRole(person, "staff") ? ["council_member", "mentor"] : [];
}

export function grantableCentres(person: SessionPerson): string[] {
  if (hasRole(person, "admin")) return allCentres("da").map((centre) => centre.id);
  return person.grants.flatMap((grant) => (grant.role === "staff" && grant.centre_id ? [grant.centre_id] : []));
}

/**
 * A role and, for a role at a centre, the centre: what the invitation and the removal page
 * ask for. A single option is chosen from the start.
 */
export function useGrantChoice(person: SessionPerson) {
  const { t, lang } = useI18n();
  const roleOptions = (): RadioOption[] => grantableRoles(person).map((role) => ({ value: role, label: roleName(role, t) }));
  const centreOptions = (): RadioOption[] => grantableCentres(person).map((id) => ({ value: id, label: centreName(id, lang()) }));
  const [role, setRole] = createSignal(roleOptions().length === 1 ? roleOptions()[0]!.value : "");
  const [centre, setCentre] = createSignal(centreOptions().length === 1 ? centreOptions()[0]!.value : "");
  const needsCentre = () => centreRoles.includes(role() as Role);
  const roleId = () => firstRadioId("role", roleOptions());
  const centreId = () => firstRadioId("centre", centreOptions());
  return {
    roleOptions,
    centreOptions,
    role,
    setRole,
    centre,
    setCentre,
    needsCentre,
    roleId,
    centreId,
    /** What is missing before sending, in the page's own words. */
    problems: (missing: { role: string; centre: string }): SummaryError[] =>
      !role() ? [{ field: roleId(), message: missing.role }] : needsCentre() && !centre() ? [{ field: centreId(), message: missing.centre }] : [],
    grant: (): Grant => (needsCentre() ? { role: role() as Role, centre_id: centre() } : { role: role() as Role }),
  };
}

export type GrantChoice = ReturnType<typeof useGrantChoice>;

/** The role radios, and the centre radios when the role needs a centre. */
export function GrantFields(props: { choice: GrantChoice; roleLegend: string; centreLegend: string; errorAt: (id: string) => string | undefined }) {
  return (
    <>
      <RadioGroup
        name="role"
        legend={props.roleLegend}
        options={props.choice.roleOptions()}
        value={props.choice.role()}
        error={props.errorAt(props.choice.roleId())}
        onChange={props.choice.setRole}
      />
      <Show when={props.choice.needsCentre()}>
        <RadioGroup
          name="centre"
          legend={props.centreLegend}
          options={props.choice.centreOptions()}
          value={props.choice.centre()}
          error={props.errorAt(props.choice.centreId())}
          onChange={props.choice.setCentre}
        />
      </Show>
    </>
  );
}
