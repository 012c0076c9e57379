import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { Checkbox } from "../components/Checkbox.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { NoAccess } from "../components/NoAccess.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { RadioGroup } from "../components/RadioGroup.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall, type Answer } from "../lib/api.ts";
import { useFormErrors, type SummaryError } from "../lib/forms.ts";
import { createLoader } from "../lib/load.ts";
import { usePageTitle } from "../lib/navigation.ts";
import type { SessionPerson } from "../lib/session.tsx";
import { centreName, myCentres } from "../lib/site.ts";
import { useTexts } from "../lib/texts.ts";
import { identityTexts } from "./texts/index.ts";

type LookedAfter = Answer<(typeof api.identity.centres)[":centre"]["people"]["$get"]>["items"][number];

/**
 * /personale/personer: the people a centre looks after — made without email with the person
 * present, which of them have no email, their sign-in cards, and their data (export, erase)
 * through staff with them present. Every action needs the "person is here" tick (the API checks it too).
 */
export default function PeoplePage() {
  const { t } = useTexts(identityTexts);
  usePageTitle(() => t("identity.people.title"));
  return <RequireSignIn roles={["staff", "admin"]}>{(person) => <People person={person()} />}</RequireSignIn>;
}

function People(props: { person: SessionPerson }) {
  const { t, lang } = useTexts(identityTexts);
  const call = useCall();
  const centres = () => myCentres(props.person);
  const [chosen, setChosen] = createSignal<string>();
  const centre = () => chosen() ?? centres()[0];
  const people = createLoader(centre, (id, signal) => call(api.identity.centres[":centre"].people.$get, { param: { centre: id } }, { signal }));

  const [present, setPresent] = createSignal(false);
  const [done, setDone] = createSignal<string>();
  const form = useFormErrors({ display_name: "person-name", mobile: "person-mobile", email: "person-email", person_present: "person-present", "@email_taken": "person-email" });

  /** Every action: the tick first, then the call, then a plain sentence of what happened. */
  function act(action: () => Promise<string>) {
    setDone(undefined);
    if (!present()) return form.setErrors([{ field: "person-present", message: t("identity.people.presentMissing") }]);
    return form.send(async () => {
      const message = await action();
      form.clear();
      setDone(message);
      await people.reload();
    });
  }

  const [name, setName] = createSignal("");
  const [mobile, setMobile] = createSignal("");
  const [email, setEmail] = createSignal("");
  function create(event: SubmitEvent) {
    event.preventDefault();
    const problems: SummaryError[] = [];
    if (!name().trim()) problems.push({ field: "person-name", message: t("identity.people.nameMissing") });
    if (problems.length > 0) return form.setErrors(problems);
    void act(async () => {
      const body = { display_name: name().trim(), person_present: true, ...(mobile().trim() ? { mobile: mobile().trim() } : {}), ...(email().trim() ? { email: email().trim() } : {}) };
      const answer = await call(api.identity.centres[":centre"].people.$post, { param: { centre: centre()! } }, { body });
      setName("");
      setMobile("");
      setEmail("");
      return t("identity.people.created", { name: answer.person.display_name });
    });
  }

  const param = (person: LookedAfter) => ({ centre: centre()!, id: person.id });
  const lost = (person: LookedAfter) =>
    act(async () => {
      await call(api.identity.centres[":centre"].people[":id"].card.$delete, { param: param(person) }, { body: { person_present: true } });
      return t("identity.people.lostDone", { name: person.display_name });
    });
  const download = (person: LookedAfter) =>
    act(async () => {
      const data = await call(api.identity.centres[":centre"].people[":id"].export.$post, { param: param(person) }, { body: { person_present: true } });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      link.download = `naerhed-data-${person.display_name}.json`;
      link.click();
      return t("identity.people.export", { name: person.display_name });
    });
  const erase = (person: LookedAfter) => {
    // Asked only once the tick is there: without it `act` says what is missing instead.
    if (present() && !window.confirm(t("identity.people.eraseConfirm", { name: person.display_name }))) return;
    return act(async () => {
      await call(api.identity.centres[":centre"].people[":id"].$delete, { param: param(person) }, { body: { person_present: true } });
      return t("identity.people.erased", { name: person.display_name });
    });
  };

  return (
    <Show when={!form.forbidden() && !people.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("identity.people.title")} lead={t("identity.people.lead")} />
      <Show when={centres().length > 1}>
        <RadioGroup
          name="people-centre"
          legend={t("identity.people.centre")}
          options={centres().map((id) => ({ value: id, label: centreName(id, lang()) }))}
          value={centre()}
          onChange={setChosen}
        />
      </Show>
      <ErrorSummary errors={form.errors()} />
      <div role="status">
        <Show when={done()}>
          <Notice kind="success">
            <p>{done()}</p>
          </Notice>
        </Show>
      </div>
      <p class="form-hint field__hint" id="person-present-hint">
        {t("identity.people.presentHint")}
      </p>
      <Checkbox id="person-present" label={t("identity.people.present")} checked={present()} error={form.at("person-present")} describedBy="person-present-hint" onChange={setPresent} />

      <PageSection title={t("identity.people.newTitle")} id="people-new">
        <p>{t("identity.people.consent")}</p>
        <form class="form" novalidate onSubmit={create}>
          <FormField id="person-name" label={t("identity.people.name")} autocomplete="off" value={name()} error={form.at("person-name")} onInput={setName} />
          <FormField id="person-mobile" type="tel" label={t("identity.people.mobile")} autocomplete="off" value={mobile()} error={form.at("person-mobile")} onInput={setMobile} />
          <FormField id="person-email" type="email" label={t("identity.people.email")} autocomplete="off" spellcheck={false} value={email()} error={form.at("person-email")} onInput={setEmail} />
          <Button type="submit" busy={form.sending()}>
            {t("identity.people.create")}
          </Button>
        </form>
      </PageSection>

      <PageSection title={t("identity.people.listTitle")} id="people-list">
        <Show when={people.error()}>{(problem) => <LoadError error={problem()} onRetry={people.reload} />}</Show>
        <Show when={people.data()}>
          {(data) => (
            <Show when={data().items.length > 0} fallback={<p>{t("identity.people.none")}</p>}>
              <ul class="plain-list people-list">
                <For each={data().items}>
                  {(person) => (
                    <li class="page-section">
                      <h3>{person.display_name}</h3>
                      <p>
                        {person.has_email ? t("identity.people.hasEmail") : t("identity.people.noEmail")} · {person.has_card ? t("identity.people.hasCard") : t("identity.people.noCard")}
                      </p>
                      <Show when={person.sms_undelivered_at}>
                        <Notice kind="warning" title={t("identity.people.smsUndeliveredTitle")}>
                          <p>{t("identity.people.smsUndelivered", { name: person.display_name })}</p>
                        </Notice>
                      </Show>
                      <ul class="link-list">
                        <li>
                          <A href={`/personale/personer/${centre()}/${person.id}/kort`} class="big-link">
                            {t("identity.people.print", { name: person.display_name })}
                          </A>
                        </li>
                        <Show when={person.has_card}>
                          <li>
                            <Button variant="secondary" busy={form.sending()} onClick={() => void lost(person)}>
                              {t("identity.people.lost", { name: person.display_name })}
                            </Button>
                          </li>
                        </Show>
                        <li>
                          <Button variant="secondary" busy={form.sending()} onClick={() => void download(person)}>
                            {t("identity.people.export", { name: person.display_name })}
                          </Button>
                        </li>
                        <li>
                          <Button variant="danger" busy={form.sending()} onClick={() => void erase(person)}>
                            {t("identity.people.erase", { name: person.display_name })}
                          </Button>
                        </li>
                      </ul>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </PageSection>

      <PageSection title={t("identity.people.gdprTitle")} id="people-gdpr">
        <p>{t("identity.people.gdpr1")}</p>
        <p>{t("identity.people.gdpr2")}</p>
        <p>{t("identity.people.gdpr3")}</p>
        <p>{t("identity.people.gdpr4")}</p>
      </PageSection>
    </Show>
  );
}
