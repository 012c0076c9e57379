import { A } from "@solidjs/router";
import { categories } from "@naerhed/core/directory/lists";
import { centreOptions as siteCentreOptions } from "../../lib/site.ts";
import { createSignal } from "solid-js";
import { Button } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { FormField } from "../../components/FormField.tsx";
import { Notice } from "../../components/Notice.tsx";
import { FormOrThanks } from "../../components/FormOrThanks.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { PageSection } from "../../components/PageSection.tsx";
import { firstRadioId, RadioGroup, type RadioOption } from "../../components/RadioGroup.tsx";
import { TextAreaField } from "../../components/TextAreaField.tsx";
import { useFormErrors } from "../../lib/forms.ts";
import { usePageTitle } from "../../lib/navigation.ts";
import { useTexts } from "../../lib/texts.ts";
import { directoryTexts } from "../texts/index.ts";
import { api, useCall } from "../../lib/api.ts";

const empty = { name: "", description: "", where: "", centre_id: "", category: "", contact_name: "", contact_email: "", contact_phone: "" };
type Draft = typeof empty;

/**
 * /tilbud/foreslaa: "Kender du et tilbud?". A short form anyone may send, signed in or not.
 * The API checks every field; its messages go into the error summary and to each field.
 */
export default function SuggestPage() {
  const { t, lang } = useTexts(directoryTexts);
  const call = useCall();
  usePageTitle(() => t("directory.suggest.title"));

  const centreOptions = (): RadioOption[] => siteCentreOptions(lang());
  const categoryOptions = (): RadioOption[] => categories.map((category) => ({ value: category.id, label: category.name[lang()] }));
  const centreId = () => firstRadioId("suggest-centre", centreOptions());
  const categoryId = () => firstRadioId("suggest-category", categoryOptions());

  const [draft, setDraft] = createSignal<Draft>({ ...empty });
  const [sent, setSent] = createSignal(false);
  const set = (field: keyof Draft) => (value: string) => setDraft({ ...draft(), [field]: value });

  const form = useFormErrors({
    name: "suggest-name",
    description: "suggest-description",
    where: "suggest-where",
    get centre_id() {
      return centreId();
    },
    get category() {
      return categoryId();
    },
    contact_name: "suggest-contact-name",
    contact_email: "suggest-contact-email",
    contact_phone: "suggest-contact-phone",
  });


  async function send(event: SubmitEvent) {
    event.preventDefault();
    await form.send(async () => {
      // Empty optional fields are left out; the API checks the rest, field by field.
      const body = Object.fromEntries(Object.entries(draft()).filter(([, value]) => value.trim() !== ""));
      await call(api.directory.suggestions.$post, {}, { body });
      form.clear();
      setDraft({ ...empty });
      setSent(true);
    });
  }

  return (
    <>
      <PageHeading title={t("directory.suggest.title")} lead={t("directory.suggest.lead")} />
      <p class="status" role="status">
        {form.sending() ? t("directory.suggest.sending") : ""}
      </p>
      <FormOrThanks
        sent={sent()}
        thanks={
          <>
            <Notice kind="success" title={t("directory.suggest.thanks")}>
              <p>{t("directory.suggest.next")}</p>
              <ul class="bullets">
                <li>{t("directory.suggest.next1")}</li>
                <li>{t("directory.suggest.next2")}</li>
                <li>{t("directory.suggest.next3")}</li>
              </ul>
            </Notice>
            <ul class="link-list">
              <li>
                <A href="/tilbud" class="big-link">
                  {t("directory.suggest.back")}
                </A>
              </li>
              <li>
                <Button variant="secondary" onClick={() => setSent(false)}>
                  {t("directory.suggest.again")}
                </Button>
              </li>
            </ul>
          </>
        }
      >
        <ErrorSummary errors={form.errors()} />
        <form class="form" novalidate onSubmit={send}>
          <FormField id="suggest-name" label={t("directory.suggest.name")} value={draft().name} error={form.at("suggest-name")} onInput={set("name")} />
          <TextAreaField
            id="suggest-description"
            label={t("directory.suggest.description")}
            hint={t("directory.suggest.descriptionHint")}
            value={draft().description}
            error={form.at("suggest-description")}
            onInput={set("description")}
          />
          <TextAreaField
            id="suggest-where"
            label={t("directory.suggest.where")}
            hint={t("directory.suggest.whereHint")}
            rows={3}
            value={draft().where}
            error={form.at("suggest-where")}
            onInput={set("where")}
          />
          <RadioGroup
            name="suggest-centre"
            legend={t("directory.suggest.centre")}
            options={centreOptions()}
            value={draft().centre_id}
            error={form.at(centreId())}
            onChange={set("centre_id")}
          />
          <RadioGroup
            name="suggest-category"
            legend={t("directory.suggest.category")}
            hint={t("directory.suggest.categoryHint")}
            options={categoryOptions()}
            value={draft().category}
            error={form.at(categoryId())}
            onChange={set("category")}
          />
          <PageSection id="suggest-answer" title={t("directory.suggest.answerTitle")}>
            <p>{t("directory.suggest.answerText")}</p>
            <FormField
              id="suggest-contact-name"
              label={t("directory.suggest.contactName")}
              autocomplete="name"
              value={draft().contact_name}
              error={form.at("suggest-contact-name")}
              onInput={set("contact_name")}
            />
            <FormField
              id="suggest-contact-email"
              type="email"
              label={t("directory.suggest.contactEmail")}
              autocomplete="email"
              spellcheck={false}
              autocapitalize="none"
              value={draft().contact_email}
              error={form.at("suggest-contact-email")}
              onInput={set("contact_email")}
            />
            <FormField
              id="suggest-contact-phone"
              type="tel"
              label={t("directory.suggest.contactPhone")}
              autocomplete="tel"
              value={draft().contact_phone}
              error={form.at("suggest-contact-phone")}
              onInput={set("contact_phone")}
            />
          </PageSection>
          <Button type="submit" busy={form.sending()}>
            {t("directory.suggest.send")}
          </Button>
        </form>
      </FormOrThanks>
    </>
  );
}
