import { useNavigate } from "@solidjs/router";
import { centres } from "@naerhed/core/shared/centres";
import { createSignal, onMount, Show } from "solid-js";
import { apiGet, apiSend } from "../api.ts";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FieldNotes } from "../components/FieldParts.tsx";
import { FormField } from "../components/FormField.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { firstRadioId, RadioGroup, type RadioOption } from "../components/RadioGroup.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "./texts.ts";
import { RequireSignIn } from "../identity/access.tsx";
import { useFormErrors } from "../identity/forms.ts";
import type { Person } from "../identity/session.tsx";
import { ConsentText } from "./ConsentText.tsx";
import { AGE_BANDS, RELATIONS, type Member } from "./model.ts";

/** What the member page shows after a change (navigation state). */
export type PanelNotice = { notice?: "joined" | "draftSaved" };

/**
 * /borgerpanelet/tilmeld: join with explicit consent, and an optional profile. Coming back
 * here as a member changes the profile and how we contact them.
 */
export default function JoinPage() {
  const { t } = useI18n();
  usePageTitle(() => t("panel.joinTitle"));
  return <RequireSignIn>{() => <JoinForm />}</RequireSignIn>;
}

function JoinForm() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [consent, setConsent] = createSignal(false);
  const [ageBand, setAgeBand] = createSignal("");
  const [area, setArea] = createSignal("");
  const [relation, setRelation] = createSignal("");
  const [contact, setContact] = createSignal("site");
  const [email, setEmail] = createSignal("");
  const [member, setMember] = createSignal(false);

  const noAnswer: RadioOption = { value: "", label: t("panel.noAnswer") };
  const ageOptions = (): RadioOption[] => [...AGE_BANDS.map((b) => ({ value: b, label: t(`panel.age.${b}`) })), noAnswer];
  const areaOptions = (): RadioOption[] => [...centres.map((c) => ({ value: c.id, label: c.name[lang()] })), noAnswer];
  const relationOptions = (): RadioOption[] => [...RELATIONS.map((r) => ({ value: r, label: t(`panel.relation.${r}`) })), noAnswer];
  const contactOptions = (): RadioOption[] => [
    { value: "site", label: t("panel.contact.site") },
    { value: "email", label: t("panel.contact.email") },
  ];

  const form = useFormErrors({
    consent: "panel-consent",
    "profile.age_band": firstRadioId("panel-age", ageOptions()),
    "profile.area": firstRadioId("panel-area", areaOptions()),
    "profile.relation": firstRadioId("panel-relation", relationOptions()),
    contact: firstRadioId("panel-contact", contactOptions()),
    email: "panel-email",
  });

  onMount(async () => {
    // Fill in what we already know: the membership (to change it) and the email from My page.
    try {
      const [{ member: current }, { person }] = await Promise.all([
        apiGet<{ member: Member | null }>("/panel/membership", lang()),
        apiGet<{ person: Person }>("/me", lang()),
      ]);
      setEmail(current?.email ?? person.email);
      if (current) {
        setMember(true);
        setConsent(true);
        setAgeBand(current.profile.age_band ?? "");
        setArea(current.profile.area ?? "");
        setRelation(current.profile.relation ?? "");
        setContact(current.contact);
      }
    } catch (error) {
      form.fail(error);
    }
  });

  async function send(event: SubmitEvent) {
    event.preventDefault();
    const profile = Object.fromEntries(
      Object.entries({ age_band: ageBand(), area: area(), relation: relation() }).filter(([, value]) => value !== ""),
    );
    await form.send(async () => {
      await apiSend("PUT", "/panel/membership", lang(), {
        consent: consent(),
        profile,
        contact: contact(),
        ...(contact() === "email" ? { email: email().trim() } : {}),
      });
      navigate("/borgerpanelet/mine", { state: { notice: "joined" } satisfies PanelNotice });
    });
  }

  return (
    <>
      <PageHeading title={t("panel.joinTitle")} lead={t("panel.joinLead")} />
      <ConsentText level={2} />
      <ErrorSummary errors={form.errors()} />
      <form class="form" novalidate onSubmit={send}>
        <div class="field" classList={{ "field--error": Boolean(form.at("panel-consent")) }}>
          <FieldNotes id="panel-consent" error={form.at("panel-consent")} />
          <div class="checkbox">
            <input
              class="checkbox__input"
              type="checkbox"
              id="panel-consent"
              checked={consent()}
              aria-invalid={form.at("panel-consent") ? "true" : undefined}
              aria-describedby={form.at("panel-consent") ? "panel-consent-error" : undefined}
              onChange={(event) => setConsent(event.currentTarget.checked)}
            />
            <label class="checkbox__label" for="panel-consent">
              {t("panel.consentLabel")}
            </label>
          </div>
        </div>
        <PageSection id="panel-profile" title={t("panel.profileTitle")}>
          <p>{t("panel.profileLead")}</p>
          <RadioGroup name="panel-age" legend={t("panel.ageBand")} options={ageOptions()} value={ageBand()} error={form.at(firstRadioId("panel-age", ageOptions()))} onChange={setAgeBand} />
          <RadioGroup name="panel-area" legend={t("panel.area")} options={areaOptions()} value={area()} error={form.at(firstRadioId("panel-area", areaOptions()))} onChange={setArea} />
          <RadioGroup
            name="panel-relation"
            legend={t("panel.relation")}
            options={relationOptions()}
            value={relation()}
            error={form.at(firstRadioId("panel-relation", relationOptions()))}
            onChange={setRelation}
          />
          <RadioGroup
            name="panel-contact"
            legend={t("panel.contact")}
            options={contactOptions()}
            value={contact()}
            error={form.at(firstRadioId("panel-contact", contactOptions()))}
            onChange={setContact}
          />
          <Show when={contact() === "email"}>
            <FormField id="panel-email" label={t("panel.email")} type="email" autocomplete="email" spellcheck={false} value={email()} error={form.at("panel-email")} onInput={setEmail} />
          </Show>
        </PageSection>
        <Button type="submit" busy={form.sending()}>
          {member() ? t("panel.saveProfile") : t("panel.join")}
        </Button>
      </form>
    </>
  );
}
