import { CENTRE_ROLES, invitableRoles, type Grant, type Role } from "@naerhed/core/identity/roles";
import { createSignal, Show } from "solid-js";
import { firstRadioId, RadioGroup, type RadioOption } from "../components/RadioGroup.tsx";
import type { SummaryError } from "../lib/forms.ts";
import type { SessionPerson } from "../lib/session.tsx";
import { centreName, myCentres } from "../lib/site.ts";
import { useTexts } from "../lib/texts.ts";
import { roleName } from "./roles.ts";
import { identityTexts } from "./texts/index.ts";

/**
 * A role and, for a role at a centre, the centre: what the invitation and the removal page
 * ask for. The roles one may give are the roles one may take away (core identity/roles).
 * A single option is chosen from the start.
 */
export function useGrantChoice(person: SessionPerson) {
  const { t, lang } = useTexts(identityTexts);
  const roleOptions = (): RadioOption[] => invitableRoles(person).map((role) => ({ value: role, label: roleName(role, t) }));
  const centreOptions = (): RadioOption[] => myCentres(person).map((id) => ({ value: id, label: centreName(id, lang()) }));
  const [role, setRole] = createSignal(roleOptions().length === 1 ? roleOptions()[0]!.value : "");
  const [chosenCentre, setCentre] = createSignal("");
  // The centres come from the site endpoint, which may answer after the page is drawn: a single one is chosen once it is there.
  const centre = () => chosenCentre() || (centreOptions().length === 1 ? centreOptions()[0]!.value : "");
  const needsCentre = () => CENTRE_ROLES.includes(role() as Role);
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
