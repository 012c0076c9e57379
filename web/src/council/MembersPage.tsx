import { A, useParams } from "@solidjs/router";
import { MEMBER_KINDS, MEMBER_ROLES } from "@naerhed/core/council/lists";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { RadioGroup } from "../components/RadioGroup.tsx";
import { NoAccess } from "../components/NoAccess.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall, type Answer } from "../lib/api.ts";
import { copenhagenToday, formatDate } from "../lib/dates.ts";
import { useFormErrors, type SummaryError } from "../lib/forms.ts";
import { createLoader } from "../lib/load.ts";
import { focusElement, usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { councilTexts } from "./texts/index.ts";

type Member = Answer<(typeof api.council.centres)[":centre"]["members"]["$get"]>["items"][number];

type Phase = "now" | "past" | "later";
const phaseOf = (member: Pick<Member, "term_from" | "term_to">, today: string): Phase =>
  member.term_from > today ? "later" : member.term_to !== undefined && member.term_to < today ? "past" : "now";

/** The member as the API takes it back: a change keeps the member's own mail choice. */
const memberBody = (member: Member, changes: Partial<Member>) => {
  const next = { ...member, ...changes };
  return {
    person_id: next.person_id,
    display_name: next.display_name,
    ...(next.email ? { email: next.email } : {}),
    role: next.role,
    kind: next.kind,
    term_from: next.term_from,
    ...(next.term_to ? { term_to: next.term_to } : {}),
    notify: next.notify,
  };
};

/**
 * /borgerraadet/:centre/medlemmer — staff of the centre manage the council's members: everyone who
 * is or was on it, and a form to add someone or change a role, kind or term. A new person is
 * found (or made) by their mail through the identity module's invitation, which also gives them
 * the council-member role and a mail to sign in; past members stay in the list.
 */
export default function MembersPage() {
  const { t } = useTexts(councilTexts);
  usePageTitle(() => t("council.membersTitle"));
  return <RequireSignIn>{() => <Members />}</RequireSignIn>;
}

function Members() {
  const { t, lang } = useTexts(councilTexts);
  const params = useParams<{ centre: string }>();
  const call = useCall();
  const members = createLoader(
    () => params.centre,
    async (centre, signal) => (await call(api.council.centres[":centre"].members.$get, { param: { centre } }, { signal })).items,
  );
  const [editing, setEditing] = createSignal<Member>();
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal<string>("member");
  const [kind, setKind] = createSignal<string>("citizen");
  const [from, setFrom] = createSignal(copenhagenToday());
  const [to, setTo] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<string>();
  const form = useFormErrors({
    display_name: "member-name",
    email: "member-email",
    person_id: "member-email",
    role: "role-chair",
    kind: "kind-citizen",
    term_from: "term-from",
    term_to: "term-to",
  });
  let formHeading: HTMLHeadingElement | undefined;
  let status: HTMLDivElement | undefined;

  function reset() {
    setEditing(undefined);
    setName("");
    setEmail("");
    setRole("member");
    setKind("citizen");
    setFrom(copenhagenToday());
    setTo("");
  }

  function edit(member: Member) {
    form.clear();
    setDone(undefined);
    setEditing(member);
    setName(member.display_name);
    setEmail(member.email ?? "");
    setRole(member.role);
    setKind(member.kind);
    setFrom(member.term_from);
    setTo(member.term_to ?? "");
    focusElement(formHeading ?? null);
  }

  async function saved(message: string) {
    setDone(message);
    await members.reload();
    status?.focus();
  }

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setDone(undefined);
    const current = editing();
    const problems: SummaryError[] = [];
    if (!name().trim()) problems.push({ field: "member-name", message: t("council.nameMissing") });
    if (!current && !email().trim()) problems.push({ field: "member-email", message: t("council.emailMissing") });
    if (!from()) problems.push({ field: "term-from", message: t("council.dateMissing") });
    else if (to() && to() < from()) problems.push({ field: "term-to", message: t("council.termToBefore") });
    if (problems.length > 0) return form.setErrors(problems);
    form.clear();
    setBusy(true);
    try {
      let personId = current?.person_id;
      if (!personId) {
        // Identity finds the person by mail (or makes them), gives the council-member role here and sends them a mail.
        const invitation = { email: email().trim(), display_name: name().trim(), role: "council_member", centre_id: params.centre };
        const answer = await call(api.identity.invitations.$post, {}, { body: invitation });
        personId = answer.invitation.person_id;
      }
      const body = {
        person_id: personId,
        display_name: name().trim(),
        ...(email().trim() ? { email: email().trim() } : {}),
        role: role(),
        kind: kind(),
        term_from: from(),
        ...(to() ? { term_to: to() } : {}),
        ...(current ? { notify: current.notify } : {}),
      };
      await call(api.council.centres[":centre"].members.$put, { param: { centre: params.centre } }, { body });
      const message = t("council.memberSaved", { name: name().trim() });
      reset();
      await saved(message);
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function end(member: Member) {
    if (busy()) return;
    setBusy(true);
    form.clear();
    setDone(undefined);
    const today = copenhagenToday();
    try {
      // The last day is today (a member who has not started yet ends on their first day).
      const body = memberBody(member, { term_to: member.term_from > today ? member.term_from : today });
      await call(api.council.centres[":centre"].members.$put, { param: { centre: params.centre } }, { body });
      await saved(t("council.memberEnded", { name: member.display_name }));
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  }

  const sorted = () => {
    const today = copenhagenToday();
    const order: Record<Phase, number> = { now: 0, later: 1, past: 2 };
    return [...(members.data() ?? [])].sort(
      (a, b) => order[phaseOf(a, today)] - order[phaseOf(b, today)] || a.display_name.localeCompare(b.display_name, "da"),
    );
  };

  return (
    <Show when={!members.forbidden() && !form.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("council.membersTitle")} lead={t("council.membersLead")} />
      <div role="status" tabindex="-1" ref={status}>
        <Show when={done()}>
          {(message) => (
            <Notice kind="success">
              <p>{message()}</p>
            </Notice>
          )}
        </Show>
      </div>
      <Show when={members.error()}>{(error) => <LoadError error={error()} onRetry={members.reload} />}</Show>
      <Show when={members.data()}>
        <PageSection title={t("council.members")} id="members">
          <Show when={sorted().length > 0} fallback={<p>{t("council.noMembers")}</p>}>
            <ul class="plain-list council-members">
              <For each={sorted()}>
                {(member) => {
                  const phase = () => phaseOf(member, copenhagenToday());
                  return (
                    <li class="card">
                      <h3 class="card__title">{member.display_name}</h3>
                      <p class="badge">{t(phase() === "now" ? "council.memberNow" : phase() === "past" ? "council.memberPast" : "council.memberLater")}</p>
                      <p>
                        {t(`council.role.${member.role}`)}. {t(`council.kind.${member.kind}`)}.{" "}
                        {member.term_to
                          ? t("council.term", { from: formatDate(member.term_from, lang()), to: formatDate(member.term_to, lang()) })
                          : t("council.termOpen", { from: formatDate(member.term_from, lang()) })}
                      </p>
                      <Show when={member.email}>{(address) => <p class="small">{address()}</p>}</Show>
                      <p class="actions">
                        <Button variant="secondary" onClick={() => edit(member)}>
                          {t("council.memberEdit")}{" "}
                          <span class="visually-hidden">{member.display_name}</span>
                        </Button>{" "}
                        <Show when={phase() !== "past" && !(member.term_to && member.term_to <= copenhagenToday())}>
                          <Button variant="secondary" busy={busy()} onClick={() => void end(member)}>
                            {t("council.memberEnd")}
                            <span class="visually-hidden">: {member.display_name}</span>
                          </Button>
                        </Show>
                      </p>
                    </li>
                  );
                }}
              </For>
            </ul>
          </Show>
        </PageSection>
      </Show>
      <section class="page-section" aria-labelledby="member-form-title">
        <h2 id="member-form-title" tabindex="-1" ref={formHeading}>
          {editing() ? t("council.memberEditTitle", { name: editing()!.display_name }) : t("council.memberAddTitle")}
        </h2>
        <ErrorSummary errors={form.errors()} />
        <form class="form" novalidate onSubmit={(event) => void save(event)}>
          <FormField id="member-name" label={t("council.memberName")} autocomplete="off" value={name()} error={form.at("member-name")} onInput={setName} />
          <FormField
            id="member-email"
            type="email"
            label={t("council.memberEmail")}
            hint={editing() ? undefined : t("council.memberEmailHint")}
            autocomplete="off"
            spellcheck={false}
            autocapitalize="none"
            value={email()}
            error={form.at("member-email")}
            onInput={setEmail}
          />
          <RadioGroup
            name="role"
            legend={t("council.memberRole")}
            value={role()}
            error={form.at("role-chair")}
            onChange={setRole}
            options={MEMBER_ROLES.map((value) => ({ value, label: t(`council.role.${value}`) }))}
          />
          <RadioGroup
            name="kind"
            legend={t("council.memberKind")}
            value={kind()}
            error={form.at("kind-citizen")}
            onChange={setKind}
            options={MEMBER_KINDS.map((value) => ({ value, label: t(`council.kind.${value}`) }))}
          />
          <FormField id="term-from" type="date" label={t("council.termFrom")} value={from()} error={form.at("term-from")} onInput={setFrom} />
          <FormField id="term-to" type="date" label={t("council.termTo")} hint={t("council.termToHint")} value={to()} error={form.at("term-to")} onInput={setTo} />
          <p class="actions">
            <Button type="submit" busy={busy()}>
              {t("council.memberSave")}
            </Button>{" "}
            <Show when={editing()}>
              <Button variant="secondary" onClick={() => (form.clear(), reset(), focusElement(formHeading ?? null))}>
                {t("council.memberCancel")}
              </Button>
            </Show>
          </p>
        </form>
      </section>
      <p>
        <A href={`/borgerraadet/${params.centre}`} class="big-link">
          {t("council.backToCouncil")}
        </A>
      </p>
    </Show>
  );
}
