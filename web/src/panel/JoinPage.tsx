import { useNavigate } from "@solidjs/router";
import { centreOptions } from "../lib/site.ts";
import { createEffect, createSignal, on, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FieldNotes } from "../components/FieldParts.tsx";
import { FormField } from "../components/FormField.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { firstRadioId, RadioGroup, type RadioOption } from "../components/RadioGroup.tsx";
import { ConsentText } from "./ConsentText.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { panelTexts } from "./texts/index.ts";
import { AGE_BANDS, RELATIONS } from "@naerhed/core/panel/lists";
import { api, useCall } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";
import { Checkbox } from "../components/Checkbox.tsx";

/** What the member page shows after a change (navigation state). */
export type PanelNotice = { notice?: "joined" | "draftSaved" };

/**
 * /borgerpanelet/tilmeld: join with explicit consent, and an optional profile. Coming back
 * here as a member changes the profile and how we contact them.
 */
export default function JoinPage() {
  const { t } = useTexts(panelTexts);
  usePageTitle(() => t("panel.joinTitle"));
  return <RequireSignIn>{() => <JoinForm />}</RequireSignIn>;
}

function JoinForm() {
  const { t, lang } = useTexts(panelTexts);
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
  const areaOptions = (): RadioOption[] => [...centreOptions(lang()), noAnswer];
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

  const call = useCall();
  // Fill in what we already know: the membership (to change it) and the email from My page.
  const known = createLoader(
    () => true,
    (_, signal) => Promise.all([call(api.panel.membership.$get, {}, { signal }), call(api.me.$get, {}, { signal })]),
  );
  createEffect(
    on(known.data, (answers) => {
      if (!answers) return;
      const [{ member: current }, { person }] = answers;
      setEmail(current?.email ?? person.email ?? "");
      if (current) {
        setMember(true);
        setConsent(true);
        setAgeBand(current.profile.age_band ?? "");
        setArea(current.profile.area ?? "");
        setRelation(current.profile.relation ?? "");
        setContact(current.contact);
      }
    }),
  );
  createEffect(() => {
    const failure = known.failure();
    if (failure) form.fail(failure);
  });

  async function send(event: SubmitEvent) {
    event.preventDefault();
    const profile = Object.fromEntries(
      Object.entries({ age_band: ageBand(), area: area(), relation: relation() }).filter(([, value]) => value !== ""),
    );
    await form.send(async () => {
      const body = { consent: consent(), profile, contact: contact(), ...(contact() === "email" ? { email: email().trim() } : {}) };
      await call(api.panel.membership.$put, {}, { body });
      navigate("/borgerpanelet/mine", { state: { notice: "joined" } satisfies PanelNotice });
    });
  }

  return (
    <>
      <PageHeading title={t("panel.joinTitle")} lead={t("panel.joinLead")} />
      <ConsentText level={2} />
      <ErrorSummary errors={form.errors()} />
      <form class="form" novalidate onSubmit={send}>
        <div class="form-group field" classList={{ "field--error": Boolean(form.at("panel-consent")) }}>
          <FieldNotes id="panel-consent" error={form.at("panel-consent")} />
          <Checkbox
            id="panel-consent"
            label={t("panel.consentLabel")}
            checked={consent()}
            error={form.at("panel-consent")}
            describedBy={form.at("panel-consent") ? "panel-consent-error" : undefined}
            onChange={setConsent}
          />
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
