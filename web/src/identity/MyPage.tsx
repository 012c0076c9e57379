import { A, useNavigate } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { firstRadioId, RadioGroup, type RadioOption } from "../components/RadioGroup.tsx";
import type { HomeNotice } from "../pages/Home.tsx";
import { grantText, shownGrants } from "./roles.ts";
import { hasAnyRole, hasRole } from "@naerhed/core/identity/roles";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { VotesWaiting } from "../components/VotesWaiting.tsx";
import { api, ApiError, NetworkError, useCall } from "../lib/api.ts";
import { useFormErrors } from "../lib/forms.ts";
import { useLanguage, type Language } from "../lib/language.tsx";
import { createLoader } from "../lib/load.ts";
import { focusElement, usePageTitle } from "../lib/navigation.ts";
import { type SessionPerson, useSession } from "../lib/session.tsx";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import { identityTexts } from "./texts/index.ts";

export const languageOptions: readonly RadioOption[] = [
  { value: "da", label: "Dansk", lang: "da" },
  { value: "en", label: "English", lang: "en" },
];

/** /min-side: who you are, change name and language, sign out, your data, delete yourself. */
export default function MyPage() {
  const { t } = useTexts(identityTexts);
  usePageTitle(() => t("identity.me.title"));
  return <RequireSignIn>{(person) => <MyPageContent session={person()} />}</RequireSignIn>;
}

function MyPageContent(props: { session: SessionPerson }) {
  const { t, lang } = useTexts(identityTexts);
  const site = useTexts(siteTexts);
  const { setLang } = useLanguage();
  const session = useSession();
  const navigate = useNavigate();
  const call = useCall();
  const me = createLoader(
    () => true,
    (_, signal) => call(api.me.$get, {}, { signal }),
  );
  const person = () => me.data()?.person;
  // A new person's name is the start of their mail address until they choose one: we greet without it and ask for a name.
  const named = () => {
    const loaded = person();
    return !!loaded && loaded.display_name !== loaded.email?.split("@")[0];
  };
  createEffect(
    on(person, (loaded) => {
      if (!loaded) return;
      setName(named() ? loaded.display_name : "");
      setLanguage(loaded.language);
    }),
  );

  // Name and language
  const [name, setName] = createSignal(props.session.display_name);
  const [language, setLanguage] = createSignal<string>(props.session.language);
  const [saved, setSaved] = createSignal(false);
  const form = useFormErrors({ display_name: "display_name", language: firstRadioId("language", languageOptions) });

  function save(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    // Someone who has not chosen a name may still change their language.
    if (!name().trim() && named()) return form.setErrors([{ field: "display_name", message: t("identity.me.nameMissing") }]);
    void form.send(async () => {
      // A card session may change the language only (the API refuses the rest: docs/sign-in-cards.md).
      const body = byCard() ? { language: language() } : { display_name: name().trim() || undefined, language: language() };
      const answer = await call(api.me.$patch, {}, { body });
      form.clear();
      me.set(answer);
      session.signedIn(answer.person);
      // The language chosen here is the person's language: the site follows.
      setLang(answer.person.language);
      setSaved(true);
    });
  }

  // Sign out, here or everywhere
  const [leaving, setLeaving] = createSignal<"here" | "everywhere">();
  const [leaveError, setLeaveError] = createSignal<unknown>();
  async function signOut(where: "here" | "everywhere") {
    if (leaving()) return;
    setLeaving(where);
    setLeaveError(undefined);
    try {
      await call(where === "here" ? api.identity["sign-out"].$post : api.identity["sign-out-everywhere"].$post, {});
    } catch (error) {
      // 401: the session had ended already, which is what the person wanted.
      if (!(error instanceof ApiError && error.status === 401)) {
        setLeaving(undefined);
        setLeaveError(() => error);
        return;
      }
    }
    navigate("/", { state: { notice: "signedOut" } satisfies HomeNotice });
    session.signedOut();
  }

  const isStaff = () => hasAnyRole(props.session, ["staff", "admin"]);
  const byCard = () => props.session.via === "card";

  return (
    <>
      <PageHeading title={t("identity.me.title")} lead={named() ? t("identity.me.hello", { name: person()!.display_name }) : t("identity.me.helloNoName")} />
      <Show when={person() && !named()}>
        <p>
          <a
            href="#display_name"
            class="big-link"
            on:click={(event) => {
              event.preventDefault();
              focusElement(document.getElementById("display_name"));
            }}
          >
            {t("identity.me.askName")}
          </a>
        </p>
      </Show>
      <VotesWaiting />
      <p class="status" role="status">
        {me.loading() ? t("identity.me.loading") : ""}
      </p>
      <Show when={me.error()}>{(problem) => <LoadError title={t("identity.me.error")} error={problem()} onRetry={me.reload} />}</Show>

      <PageSection title={t("identity.me.about")} id="me-about">
        <dl class="facts facts--stacked">
          <div>
            <dt>{t("identity.me.name")}</dt>
            <dd>{props.session.display_name}</dd>
          </div>
          <Show when={person()?.email}>
            {(email) => (
              <div>
                <dt>{t("identity.me.email")}</dt>
                <dd>{email()}</dd>
              </div>
            )}
          </Show>
          <div>
            <dt>{t("identity.me.language")}</dt>
            <dd>{languageOptions.find((option) => option.value === props.session.language)?.label}</dd>
          </div>
          <div>
            <dt>{t("identity.me.roles")}</dt>
            <dd>
              <ul class="plain-list">
                <For each={shownGrants(props.session.grants)}>{(grant) => <li>{grantText(grant, t, lang())}</li>}</For>
              </ul>
            </dd>
          </div>
        </dl>
      </PageSection>

      <PageSection title={t("identity.me.edit")} id="me-edit">
        <ErrorSummary errors={form.errors()} />
        <p class="status" role="status">
          {saved() ? t("identity.me.saved") : ""}
        </p>
        <form class="form" novalidate onSubmit={save}>
          <Show when={!byCard()}>
            <FormField
              id="display_name"
              label={t("identity.me.nameLabel")}
              autocomplete="name"
              value={name()}
              error={form.at("display_name")}
              onInput={(value) => {
                setSaved(false);
                setName(value);
              }}
            />
          </Show>
          <RadioGroup
            name="language"
            legend={t("identity.me.language")}
            hint={t("identity.me.languageHint")}
            options={languageOptions}
            value={language()}
            error={form.at(firstRadioId("language", languageOptions))}
            onChange={(value) => {
              setSaved(false);
              setLanguage(value as Language);
            }}
          />
          <Button type="submit" busy={form.sending()}>
            {t("identity.me.save")}
          </Button>
        </form>
      </PageSection>

      <PageSection title={t("identity.me.signOutTitle")} id="me-sign-out">
        <Show when={leaveError()}>
          {(problem) => (
            <Notice kind="warning" title={t("identity.me.failed")} announce="assertive">
              <p>{problem() instanceof NetworkError ? site.t("site.error.offline") : site.t("site.error.tryLater")}</p>
            </Notice>
          )}
        </Show>
        <p>
          <Button onClick={() => void signOut("here")} busy={leaving() === "here"}>
            {t("identity.me.signOut")}
          </Button>
        </p>
        <p class="form-hint field__hint" id="everywhere-hint">
          {t("identity.me.everywhereHint")}
        </p>
        <p>
          <Button variant="secondary" aria-describedby="everywhere-hint" onClick={() => void signOut("everywhere")} busy={leaving() === "everywhere"}>
            {t("identity.me.signOutEverywhere")}
          </Button>
        </p>
      </PageSection>

      <PageSection title={t("identity.me.notices")} id="me-notices">
        <p>
          <A href="/min-side/beskeder" class="big-link">
            {t("identity.me.noticesLink")}
          </A>
        </p>
      </PageSection>

      <PageSection title={t("identity.me.dataTitle")} id="me-data">
        <Show when={!byCard()} fallback={<p>{t("identity.me.cardAsk")}</p>}>
          <p>{t("identity.me.dataText")}</p>
          <p>
            {/* A page, not a file link: a file saved while the data is still gathered would hold only "preparing". */}
            <A href="/min-side/mine-data" class="big-link">
              {t("identity.me.download")}
            </A>
          </p>
        </Show>
        <p>
          <A href="/privatliv">{t("identity.me.privacy")}</A>
        </p>
      </PageSection>

      <Show when={isStaff()}>
        <PageSection title={t("identity.me.staffTitle")} id="me-staff">
          <p>{t("identity.me.passwordText")}</p>
          <ul class="link-list">
            <li>
              <A href="/min-side/adgangskode" class="big-link">
                {t("identity.me.password")}
              </A>
            </li>
            <li>
              <A href="/personale/tilbud" class="big-link">
                {t("identity.staffOffers.myPage")}
              </A>
            </li>
            <li>
              <A href="/personale/forslag" class="big-link">
                {t("identity.me.suggestions")}
              </A>
            </li>
            <li>
              <A href="/personale/inviter" class="big-link">
                {t("identity.me.invite")}
              </A>
            </li>
            <li>
              <A href="/personale/fjern-rolle" class="big-link">
                {t("identity.me.removeRole")}
              </A>
            </li>
            <li>
              <A href="/personale/personer" class="big-link">
                {t("identity.people.myPage")}
              </A>
            </li>
            <Show when={hasRole(props.session, "admin")}>
              <li>
                <A href="/admin/log" class="big-link">
                  {t("identity.me.log")}
                </A>
              </li>
              <li>
                <A href="/admin/organisation" class="big-link">
                  {t("identity.me.organisation")}
                </A>
              </li>
              <li>
                <A href="/admin/centre" class="big-link">
                  {t("identity.me.centres")}
                </A>
              </li>
            </Show>
          </ul>
        </PageSection>
      </Show>

      <Show when={!byCard()}>
        <PageSection title={t("identity.me.deleteTitle")} id="me-delete">
          <p>{t("identity.me.deleteText")}</p>
          <p>
            <A href="/min-side/slet" class="big-link">
              {t("identity.me.delete")}
            </A>
          </p>
        </PageSection>
      </Show>
    </>
  );
}
