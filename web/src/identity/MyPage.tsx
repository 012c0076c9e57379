import { A, useNavigate } from "@solidjs/router";
import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { ApiError, apiGet, apiSend, apiUrl, NetworkError } from "../api.ts";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { firstRadioId, RadioGroup, type RadioOption } from "../components/RadioGroup.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n, type Language } from "../i18n/index.tsx";
import type { HomeNotice } from "../pages/Home.tsx";
import { RequireSignIn, useSignInRedirect } from "./access.tsx";
import { useFormErrors } from "./forms.ts";
import { grantText, shownGrants } from "./roles.ts";
import { hasRole, useSession, type Person, type SessionPerson } from "./session.tsx";

export const languageOptions: readonly RadioOption[] = [
  { value: "da", label: "Dansk", lang: "da" },
  { value: "en", label: "English", lang: "en" },
];

/** /min-side: who you are, change name and language, sign out, your data, delete yourself. */
export default function MyPage() {
  const { t } = useI18n();
  usePageTitle(() => t("me.title"));
  return <RequireSignIn>{(person) => <MyPageContent session={person()} />}</RequireSignIn>;
}

function MyPageContent(props: { session: SessionPerson }) {
  const { t, lang, setLang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const redirect = useSignInRedirect();

  const [person, setPerson] = createSignal<Person>();
  const [loadError, setLoadError] = createSignal<unknown>();
  const [loading, setLoading] = createSignal(true);
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());

  async function load() {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    setLoading(true);
    setLoadError(undefined);
    try {
      const answer = await apiGet<{ person: Person }>("/me", lang(), signal);
      setPerson(answer.person);
      setName(answer.person.display_name);
      setLanguage(answer.person.language);
    } catch (error) {
      if (signal.aborted) return;
      if (redirect(error)) return;
      setLoadError(() => error);
    } finally {
      if (!signal.aborted) setLoading(false);
    }
  }
  onMount(() => void load());

  // Name and language
  const [name, setName] = createSignal(props.session.display_name);
  const [language, setLanguage] = createSignal<string>(props.session.language);
  const [saving, setSaving] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const form = useFormErrors({ display_name: "display_name", language: firstRadioId("language", languageOptions) });

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    setSaved(false);
    if (!name().trim()) return form.setErrors([{ field: "display_name", message: t("me.nameMissing") }]);
    setSaving(true);
    try {
      const answer = await apiSend<{ person: Person }>("PATCH", "/me", lang(), {
        display_name: name().trim(),
        language: language(),
      });
      form.clear();
      setPerson(answer.person);
      session.signedIn(answer.person);
      // The language chosen here is the person's language: the site follows.
      setLang(answer.person.language);
      setSaved(true);
    } catch (error) {
      form.fail(error);
    } finally {
      setSaving(false);
    }
  }

  // Sign out, here or everywhere
  const [leaving, setLeaving] = createSignal<"here" | "everywhere">();
  const [leaveError, setLeaveError] = createSignal<unknown>();
  async function signOut(where: "here" | "everywhere") {
    if (leaving()) return;
    setLeaving(where);
    setLeaveError(undefined);
    try {
      await apiSend("POST", where === "here" ? "/identity/sign-out" : "/identity/sign-out-everywhere", lang());
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

  const isStaff = () => hasRole(props.session, "staff", "admin");

  return (
    <>
      <PageHeading title={t("me.title")} lead={t("me.hello", { name: props.session.display_name })} />
      <p class="status" role="status">
        {loading() ? t("me.loading") : ""}
      </p>
      <Show when={loadError()}>
        {(problem) => <LoadError title={t("me.error")} error={problem()} onRetry={() => void load()} />}
      </Show>

      <PageSection title={t("me.about")} id="me-about">
        <dl class="facts facts--stacked">
          <div>
            <dt>{t("me.name")}</dt>
            <dd>{props.session.display_name}</dd>
          </div>
          <Show when={person()}>
            {(loaded) => (
              <div>
                <dt>{t("me.email")}</dt>
                <dd>{loaded().email}</dd>
              </div>
            )}
          </Show>
          <div>
            <dt>{t("me.language")}</dt>
            <dd>{languageOptions.find((option) => option.value === props.session.language)?.label}</dd>
          </div>
          <div>
            <dt>{t("me.roles")}</dt>
            <dd>
              <ul class="plain-list">
                <For each={shownGrants(props.session.grants)}>{(grant) => <li>{grantText(grant, t, lang())}</li>}</For>
              </ul>
            </dd>
          </div>
        </dl>
      </PageSection>

      <PageSection title={t("me.edit")} id="me-edit">
        <ErrorSummary errors={form.errors()} />
        <p class="status" role="status">
          {saved() ? t("me.saved") : ""}
        </p>
        <form class="form" novalidate onSubmit={save}>
          <FormField
            id="display_name"
            label={t("me.nameLabel")}
            autocomplete="name"
            value={name()}
            error={form.at("display_name")}
            onInput={(value) => {
              setSaved(false);
              setName(value);
            }}
          />
          <RadioGroup
            name="language"
            legend={t("me.language")}
            hint={t("me.languageHint")}
            options={languageOptions}
            value={language()}
            error={form.at(firstRadioId("language", languageOptions))}
            onChange={(value) => {
              setSaved(false);
              setLanguage(value as Language);
            }}
          />
          <Button type="submit" busy={saving()}>
            {t("me.save")}
          </Button>
        </form>
      </PageSection>

      <PageSection title={t("me.signOutTitle")} id="me-sign-out">
        <Show when={leaveError()}>
          {(problem) => (
            <Notice kind="warning" title={t("me.failed")} announce="assertive">
              <p>{problem() instanceof NetworkError ? t("error.offline") : t("error.tryLater")}</p>
            </Notice>
          )}
        </Show>
        <p>
          <Button onClick={() => void signOut("here")} busy={leaving() === "here"}>
            {t("me.signOut")}
          </Button>
        </p>
        <p class="field__hint" id="everywhere-hint">
          {t("me.everywhereHint")}
        </p>
        <p>
          <Button variant="secondary" aria-describedby="everywhere-hint" onClick={() => void signOut("everywhere")} busy={leaving() === "everywhere"}>
            {t("me.signOutEverywhere")}
          </Button>
        </p>
      </PageSection>

      <PageSection title={t("me.dataTitle")} id="me-data">
        <p>{t("me.dataText")}</p>
        <p>
          <a href={apiUrl("/me/export")} download="naerhed-mine-data.json" class="big-link">
            {t("me.download")}
          </a>
        </p>
        <p>
          <A href="/privatliv">{t("me.privacy")}</A>
        </p>
      </PageSection>

      <Show when={isStaff()}>
        <PageSection title={t("me.staffTitle")} id="me-staff">
          <p>{t("me.passwordText")}</p>
          <ul class="link-list">
            <li>
              <A href="/min-side/adgangskode" class="big-link">
                {t("me.password")}
              </A>
            </li>
            <li>
              <A href="/personale/tilbud" class="big-link">
                {t("staffOffers.myPage")}
              </A>
            </li>
            <li>
              <A href="/personale/inviter" class="big-link">
                {t("me.invite")}
              </A>
            </li>
            <li>
              <A href="/personale/fjern-rolle" class="big-link">
                {t("me.removeRole")}
              </A>
            </li>
            <Show when={hasRole(props.session, "admin")}>
              <li>
                <A href="/admin/log" class="big-link">
                  {t("me.log")}
                </A>
              </li>
            </Show>
          </ul>
        </PageSection>
      </Show>

      <PageSection title={t("me.deleteTitle")} id="me-delete">
        <p>{t("me.deleteText")}</p>
        <p>
          <A href="/min-side/slet" class="big-link">
            {t("me.delete")}
          </A>
        </p>
      </PageSection>
    </>
  );
}
