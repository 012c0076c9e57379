import { checkColour, isHexColour } from "@naerhed/core/organisation/colour";
import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { describedBy, FieldParts } from "../components/FieldParts.tsx";
import { FormField } from "../components/FormField.tsx";
import { NoAccess } from "../components/NoAccess.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import { api, apiBase, ApiError, useCall } from "../lib/api.ts";
import "./organisation.css";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { loadSite, siteLoaded, siteOrganisation, type SiteOrganisation } from "../lib/site.ts";
import { useTexts } from "../lib/texts.ts";
import { organisationTexts } from "./texts/index.ts";

/** /admin/organisation: the organisation's name, colour, contact, municipalities and logo. Administrators only. */
export default function SettingsPage() {
  const { t } = useTexts(organisationTexts);
  usePageTitle(() => t("organisation.settings.title"));
  // The form starts from what is stored, so it waits for it.
  return <RequireSignIn roles={["admin"]}>{() => <Show when={siteLoaded()}>{(_) => <SettingsForm />}</Show>}</RequireSignIn>;
}

/** The API's field names → the ids of the inputs. */
const FIELD_IDS = {
  "organisation.name": "org-name",
  "organisation.short_name": "org-short-name",
  "organisation.colour": "org-colour",
  "organisation.contact.phone": "org-phone",
  "organisation.contact.email": "org-email",
  "organisation.contact.address": "org-address",
  "organisation.contact.opening_hours": "org-hours",
  "organisation.municipalities": "org-municipalities",
  "organisation.accessibility.known_gaps": "org-gaps",
  "organisation.accessibility.reviewed_on": "org-reviewed",
  logo: "org-logo",
};

function SettingsForm() {
  const { t } = useTexts(organisationTexts);
  const call = useCall();
  const form = useFormErrors(FIELD_IDS);
  const stored = siteOrganisation();
  const [version, setVersion] = createSignal(stored?.version ?? 0);
  const [name, setName] = createSignal(stored?.name ?? "");
  const [shortName, setShortName] = createSignal(stored?.short_name ?? "");
  const [colour, setColour] = createSignal(stored?.colour ?? "#0b4f6c");
  const [phone, setPhone] = createSignal(stored?.contact.phone ?? "");
  const [email, setEmail] = createSignal(stored?.contact.email ?? "");
  const [address, setAddress] = createSignal(stored?.contact.address ?? "");
  const [hours, setHours] = createSignal(stored?.contact.opening_hours ?? "");
  const [municipalities, setMunicipalities] = createSignal(stored?.municipalities.join("\n") ?? "");
  const [gaps, setGaps] = createSignal(stored?.accessibility?.known_gaps ?? "");
  const [reviewed, setReviewed] = createSignal(stored?.accessibility?.reviewed_on ?? "");
  const [done, setDone] = createSignal<string>();
  const [conflict, setConflict] = createSignal<SiteOrganisation>();

  // The same check the API makes, shown while the administrator types.
  const contrast = () => (isHexColour(colour().trim()) ? checkColour(colour().trim().toLowerCase()) : undefined);

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setDone(undefined);
    setConflict(undefined);
    await form.send(async () => {
      try {
        const answer = await call(api.organisation.site.$put, {}, {
          body: {
            version: version(),
            organisation: {
              name: name(),
              short_name: shortName(),
              colour: colour(),
              contact: { phone: phone(), email: email(), address: address(), opening_hours: hours() },
              municipalities: municipalities().split("\n").map((line) => line.trim()).filter(Boolean),
              accessibility: { ...(gaps().trim() ? { known_gaps: gaps() } : {}), ...(reviewed() ? { reviewed_on: reviewed() } : {}) },
            },
          },
        });
        setVersion(answer.organisation?.version ?? version());
        form.clear();
        setDone(t("organisation.settings.saved"));
        await loadSite();
      } catch (error) {
        // Two admins at once: the second sees what is stored now, and saves again from it.
        if (error instanceof ApiError && error.status === 409) {
          const current = error.details?.current as SiteOrganisation | null;
          if (current) {
            setConflict(current);
            setVersion(current.version);
          }
        }
        throw error;
      }
    });
  }

  return (
    <Show when={!form.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("organisation.settings.title")} lead={t("organisation.settings.lead")} />
      <div role="status" tabindex="-1">
        <Show when={done()}>{(text) => <Notice kind="success">{text()}</Notice>}</Show>
      </div>
      <ErrorSummary errors={form.errors()} />
      <Show when={conflict()}>
        {(current) => (
          <Notice kind="warning">
            <p>{t("organisation.settings.conflict")}</p>
            <p>
              {current().name} ({current().short_name}), {current().colour}, {current().contact.phone}, {current().contact.email}
            </p>
          </Notice>
        )}
      </Show>
      <form class="form" novalidate onSubmit={save}>
        <FormField id="org-name" label={t("organisation.settings.name")} value={name()} error={form.at("org-name")} onInput={setName} autocomplete="organization" />
        <FormField
          id="org-short-name"
          label={t("organisation.settings.shortName")}
          hint={t("organisation.settings.shortNameHint")}
          value={shortName()}
          error={form.at("org-short-name")}
          onInput={setShortName}
        />
        <FormField
          id="org-colour"
          label={t("organisation.settings.colour")}
          hint={t("organisation.settings.colourHint")}
          value={colour()}
          error={form.at("org-colour")}
          onInput={setColour}
          autocomplete="off"
        />
        <Show when={contrast()}>
          {(check) => (
            <p class="hint" aria-live="polite">
              <span class="colour-sample" style={{ background: colour().trim() }} />
              {check().passes ? t("organisation.settings.contrastOk", { ratio: check().onWhite }) : t("organisation.settings.contrastLow", { ratio: check().onWhite })}
            </p>
          )}
        </Show>
        <PageSection id="org-contact" title={t("organisation.settings.contactTitle")}>
          <FormField id="org-phone" type="tel" label={t("organisation.settings.phone")} value={phone()} error={form.at("org-phone")} onInput={setPhone} autocomplete="tel" />
          <FormField id="org-email" type="email" label={t("organisation.settings.email")} value={email()} error={form.at("org-email")} onInput={setEmail} autocomplete="email" />
          <FormField id="org-address" label={t("organisation.settings.address")} value={address()} error={form.at("org-address")} onInput={setAddress} autocomplete="street-address" />
          <FormField id="org-hours" label={t("organisation.settings.hours")} value={hours()} error={form.at("org-hours")} onInput={setHours} />
          <TextAreaField
            id="org-municipalities"
            label={t("organisation.settings.municipalities")}
            hint={t("organisation.settings.municipalitiesHint")}
            value={municipalities()}
            error={form.at("org-municipalities")}
            onInput={setMunicipalities}
          />
        </PageSection>
        <PageSection id="org-a11y" title={t("organisation.settings.a11yTitle")}>
          <TextAreaField id="org-gaps" label={t("organisation.settings.knownGaps")} hint={t("organisation.settings.knownGapsHint")} value={gaps()} error={form.at("org-gaps")} onInput={setGaps} />
          <FormField id="org-reviewed" type="date" label={t("organisation.settings.reviewedOn")} value={reviewed()} error={form.at("org-reviewed")} onInput={setReviewed} />
        </PageSection>
        <Button type="submit" busy={form.sending()}>
          {t("organisation.settings.save")}
        </Button>
      </form>
      <LogoForm version={version} setVersion={setVersion} />
      <p>
        <A href="/admin/centre" class="big-link">
          {t("organisation.settings.centresLink")}
        </A>
      </p>
    </Show>
  );
}

/** The logo: read in the browser, sent as base64 (the API takes JSON only), checked by the API before anything is stored. */
function LogoForm(props: { version: () => number; setVersion: (version: number) => void }) {
  const { t } = useTexts(organisationTexts);
  const call = useCall();
  const form = useFormErrors(FIELD_IDS);
  const [file, setFile] = createSignal<File>();
  const [done, setDone] = createSignal<string>();

  const afterChange = async (answer: { organisation: { version: number } | null }, text: string) => {
    props.setVersion(answer.organisation?.version ?? props.version());
    form.clear();
    setDone(text);
    await loadSite();
  };

  async function upload(event: SubmitEvent) {
    event.preventDefault();
    setDone(undefined);
    const chosen = file();
    if (!chosen) return form.setErrors([{ field: "org-logo", message: t("organisation.settings.logoHint") }]);
    await form.send(async () => {
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      let binary = "";
      for (const byte of bytes) binary += String.fromCharCode(byte);
      const answer = await call(api.organisation.site.logo.$put, {}, { body: { version: props.version(), data_base64: btoa(binary) } });
      await afterChange(answer, t("organisation.settings.logoSaved"));
    });
  }

  async function remove() {
    setDone(undefined);
    await form.send(async () => {
      const answer = await call(api.organisation.site.logo.$delete, {}, { body: { version: props.version() } });
      await afterChange(answer, t("organisation.settings.logoRemoved"));
    });
  }

  return (
    <PageSection id="org-logo-section" title={t("organisation.settings.logoTitle")}>
      <Show when={props.version() > 0} fallback={<p>{t("organisation.settings.logoFirst")}</p>}>
        <div role="status" tabindex="-1">
          <Show when={done()}>{(text) => <Notice kind="success">{text()}</Notice>}</Show>
        </div>
        <ErrorSummary errors={form.errors()} />
        <Show when={siteOrganisation()?.logo_url}>{(url) => <img class="logo-preview" src={`${apiBase}${url()}`} alt={t("organisation.settings.logoTitle")} />}</Show>
        <form class="form" novalidate onSubmit={upload}>
          <div class="form-group field" classList={{ "form-error": Boolean(form.at("org-logo")), "field--error": Boolean(form.at("org-logo")) }}>
            <FieldParts id="org-logo" label={t("organisation.settings.logoFile")} hint={t("organisation.settings.logoHint")} error={form.at("org-logo")} />
            <input
              class="form-input field__input"
              id="org-logo"
              name="logo"
              type="file"
              accept="image/png,image/svg+xml"
              aria-describedby={describedBy({ id: "org-logo", hint: t("organisation.settings.logoHint"), error: form.at("org-logo") })}
              aria-invalid={form.at("org-logo") ? "true" : undefined}
              onChange={(event) => setFile(event.currentTarget.files?.[0])}
            />
          </div>
          <Button type="submit" busy={form.sending()}>
            {t("organisation.settings.logoUpload")}
          </Button>
          <Show when={siteOrganisation()?.logo_url}>
            <Button variant="secondary" onClick={() => void remove()}>
              {t("organisation.settings.logoRemove")}
            </Button>
          </Show>
        </form>
      </Show>
    </PageSection>
  );
}
