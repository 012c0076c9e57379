import { A } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { NOTICE_KINDS, type NoticeKind } from "@naerhed/core/shared/notice-kinds";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { firstRadioId, RadioGroup, type RadioOption } from "../components/RadioGroup.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall } from "../lib/api.ts";
import { useFormErrors } from "../lib/forms.ts";
import { createLoader } from "../lib/load.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { identityTexts } from "./texts/index.ts";

type Choice = { when: "now" | "digest" | "never"; channel: "mail" | "sms" | "both" };

/** /min-side/beskeder: per kind of message, now, once a week or never, and by mail, SMS or both. */
export default function NoticesPage() {
  const { t } = useTexts(identityTexts);
  usePageTitle(() => t("identity.notices.title"));
  return <RequireSignIn>{() => <NoticesForm />}</RequireSignIn>;
}

function NoticesForm() {
  const { t } = useTexts(identityTexts);
  const call = useCall();
  const settings = createLoader(
    () => true,
    (_, signal) => call(api.me.notices.$get, {}, { signal }),
  );
  const [mobile, setMobile] = createSignal("");
  const [signIn, setSignIn] = createSignal<Choice["channel"]>("mail");
  const [choices, setChoices] = createSignal<Partial<Record<NoticeKind, Choice>>>({});
  const [saved, setSaved] = createSignal(false);
  createEffect(
    on(settings.data, (loaded) => {
      if (!loaded) return;
      setMobile(loaded.mobile ?? "");
      setSignIn(loaded.sign_in);
      setChoices(loaded.choices);
    }),
  );
  const fieldIds: Record<string, string> = { mobile: "mobile", sign_in: "sign_in-mail" };
  for (const kind of NOTICE_KINDS) {
    fieldIds[`choices.${kind}.channel`] = `${kind}-channel-mail`;
    fieldIds[`choices.${kind}.when`] = `${kind}-when-now`;
  }
  const form = useFormErrors(fieldIds);

  const whenOptions = (): RadioOption[] => [
    { value: "now", label: t("identity.notices.now") },
    { value: "digest", label: t("identity.notices.digest") },
    { value: "never", label: t("identity.notices.never") },
  ];
  // Only channels the person has: SMS once a number is saved, mail when there is an address.
  const channelOptions = (): RadioOption[] => {
    const loaded = settings.data();
    const options: RadioOption[] = [];
    if (loaded?.has_email) options.push({ value: "mail", label: t("identity.notices.mail") });
    if (loaded?.mobile) options.push({ value: "sms", label: t("identity.notices.sms") });
    if (loaded?.has_email && loaded.mobile) options.push({ value: "both", label: t("identity.notices.both") });
    return options;
  };
  const setChoice = (kind: NoticeKind, change: Partial<Choice>) => {
    setSaved(false);
    setChoices((current) => ({ ...current, [kind]: { ...current[kind]!, ...change } }));
  };

  function save(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    void form.send(async () => {
      const answer = await call(api.me.notices.$put, {}, { body: { mobile: mobile(), sign_in: signIn(), choices: choices() } });
      form.clear();
      settings.set(answer);
      setSaved(true);
    });
  }

  return (
    <>
      <PageHeading title={t("identity.notices.title")} lead={t("identity.notices.lead")} />
      <p>
        <A href="/hjaelp/beskeder">{t("identity.notices.help")}</A>
      </p>
      <Show when={settings.error()}>{(problem) => <LoadError title={t("identity.notices.error")} error={problem()} onRetry={settings.reload} />}</Show>
      <Show when={settings.data()?.sms_undelivered}>
        <Notice kind="warning" title={t("identity.notices.undeliveredTitle")}>
          <p>{t("identity.notices.undelivered")}</p>
        </Notice>
      </Show>
      <div role="status">
        <Show when={saved()}>
          <Notice kind="success">
            <p>{t("identity.notices.saved")}</p>
          </Notice>
        </Show>
      </div>
      <ErrorSummary errors={form.errors()} />
      <Show when={settings.data()}>
        <form class="form" novalidate onSubmit={save}>
          <FormField
            id="mobile"
            type="tel"
            label={t("identity.notices.mobile")}
            hint={t("identity.notices.mobileHint")}
            autocomplete="tel"
            value={mobile()}
            error={form.at("mobile")}
            onInput={(value) => {
              setSaved(false);
              setMobile(value);
            }}
          />
          <RadioGroup
            name="sign_in"
            legend={t("identity.notices.signIn")}
            options={channelOptions()}
            value={signIn()}
            error={form.at(firstRadioId("sign_in", channelOptions()))}
            onChange={(value) => setSignIn(value as Choice["channel"])}
          />
          <For each={NOTICE_KINDS}>
            {(kind) => (
              <PageSection title={t(`identity.notices.kind.${kind}`)} id={`notice-${kind}`}>
                <RadioGroup
                  name={`${kind}-when`}
                  legend={t("identity.notices.when")}
                  options={whenOptions()}
                  value={choices()[kind]?.when ?? "now"}
                  error={form.at(`${kind}-when-now`)}
                  onChange={(value) => setChoice(kind, { when: value as Choice["when"] })}
                />
                <Show when={choices()[kind]?.when !== "never"}>
                  <RadioGroup
                    name={`${kind}-channel`}
                    legend={t("identity.notices.how")}
                    options={channelOptions()}
                    value={choices()[kind]?.channel ?? "mail"}
                    error={form.at(`${kind}-channel-mail`)}
                    onChange={(value) => setChoice(kind, { channel: value as Choice["channel"] })}
                  />
                </Show>
              </PageSection>
            )}
          </For>
          <Button type="submit" busy={form.sending()}>
            {t("identity.notices.save")}
          </Button>
        </form>
      </Show>
      <p class="after-form">
        <A href="/min-side" class="big-link">
          {t("identity.notices.back")}
        </A>
      </p>
    </>
  );
}
