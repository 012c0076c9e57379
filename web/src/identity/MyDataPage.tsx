import type { Grant } from "@naerhed/core/identity/roles";
import { A } from "@solidjs/router";
import { For, Match, Show, Switch, type JSX } from "solid-js";
import { Button } from "../components/Button.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall } from "../lib/api.ts";
import { formatDate, formatDateTime } from "../lib/dates.ts";
import type { Language } from "../lib/language.tsx";
import { createLoader } from "../lib/load.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { centreName } from "../lib/site.ts";
import { useTexts, type Translate } from "../lib/texts.ts";
import { grantText } from "./roles.ts";
import { identityTexts, type IdentityKey } from "./texts/index.ts";
import "./MyDataPage.scss";

/** The parts of the export, one per module, in the order a person meets them; a module not named here still shows, under its own name. */
const parts: { key: string; title: IdentityKey; text: IdentityKey }[] = [
  { key: "identity", title: "identity.data.identity", text: "identity.data.identityText" },
  { key: "directory", title: "identity.data.directory", text: "identity.data.directoryText" },
  { key: "council", title: "identity.data.council", text: "identity.data.councilText" },
  { key: "panel", title: "identity.data.panel", text: "identity.data.panelText" },
  { key: "mentor", title: "identity.data.mentor", text: "identity.data.mentorText" },
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A field's name in plain words where we have one; otherwise the stored name, so nothing is hidden. */
function fieldName(key: string, t: Translate<IdentityKey>): string {
  const known = `identity.data.field.${key}` as IdentityKey;
  return known in identityTexts.da ? t(known) : key.replaceAll("_", " ");
}

/** One stored value in words: dates as dates, yes/no, centres and roles by name; lists and records as lists. */
function Value(props: { name: string; value: unknown; t: Translate<IdentityKey>; lang: Language }): JSX.Element {
  const t = props.t;
  const value = props.value;
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return <>{t("identity.data.nothing")}</>;
  if (typeof value === "boolean") return <>{value ? t("identity.data.yes") : t("identity.data.no")}</>;
  if (typeof value === "number") return <>{new Intl.NumberFormat(props.lang === "da" ? "da-DK" : "en-GB").format(value)}</>;
  if (typeof value === "string") {
    if (props.name === "centre_id") return <>{centreName(value, props.lang)}</>;
    if (props.name === "language" && (value === "da" || value === "en")) return <>{t(`identity.data.language.${value}`)}</>;
    if (DATE.test(value)) return <>{formatDate(value, props.lang)}</>;
    if (MOMENT.test(value) && !Number.isNaN(Date.parse(value))) return <>{formatDateTime(value, props.lang)}</>;
    return <>{value}</>;
  }
  if (props.name === "grants" && Array.isArray(value)) {
    return <>{(value as Grant[]).map((grant) => grantText(grant, t, props.lang)).join(", ")}</>;
  }
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== "object" || item === null)) return <>{value.map(String).join(", ")}</>;
    return (
      <ol class="data-list">
        <For each={value}>{(item) => <li><Value name={props.name} value={item} t={t} lang={props.lang} /></li>}</For>
      </ol>
    );
  }
  return (
    <dl class="data-record">
      <For each={Object.entries(value as Record<string, unknown>)}>
        {([key, inner]) => (
          <div>
            <dt>{fieldName(key, t)}</dt>
            <dd>
              <Value name={key} value={inner} t={t} lang={props.lang} />
            </dd>
          </div>
        )}
      </For>
    </dl>
  );
}

/**
 * /min-side/mine-data: everything we store about the person, per module, in plain words in
 * their language; "Hent som fil" saves the same data as JSON, and "Udskriv" prints this page.
 * While a module is still gathering its part, the page says so and offers to try again: a
 * file is only ever made from the finished data.
 */
export default function MyDataPage() {
  const { t, lang } = useTexts(identityTexts);
  usePageTitle(() => t("identity.data.title"));
  const call = useCall();
  const exported = createLoader(
    () => true,
    (_, signal) => call(api.me.export.$get, {}, { signal }),
  );
  const finished = () => {
    const answer = exported.data();
    return answer && !("status" in answer && answer.status === "preparing") ? (answer as Record<string, unknown>) : undefined;
  };
  const preparing = () => {
    const answer = exported.data();
    return answer && "status" in answer && answer.status === "preparing" ? answer : undefined;
  };
  const shownParts = () => {
    const data = finished() ?? {};
    const others = Object.keys(data).filter((key) => key !== "exported_at" && !parts.some((part) => part.key === key));
    return [...parts.filter((part) => part.key in data), ...others.map((key) => ({ key, title: undefined, text: undefined }))];
  };

  function download(data: Record<string, unknown>) {
    const file = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(file);
    link.download = "naerhed-mine-data.json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  return (
    <RequireSignIn>
      {() => (
        <>
          <PageHeading title={t("identity.data.title")} lead={t("identity.data.lead")} />
          <p class="status" role="status">
            {exported.loading() ? t("identity.data.loading") : ""}
          </p>
          <Switch>
            <Match when={preparing()}>
              {(answer) => (
                <Notice kind="info" title={t("identity.data.preparingTitle")} announce="polite">
                  <p>{String(answer().message)}</p>
                  <p>
                    <Button onClick={() => void exported.reload()} busy={exported.loading()}>
                      {t("identity.data.retry")}
                    </Button>
                  </p>
                </Notice>
              )}
            </Match>
            <Match when={finished()}>
              {(data) => (
                <>
                  <div class="data-tools">
                    <Button onClick={() => download(data())}>{t("identity.data.download")}</Button>
                    <Button variant="secondary" onClick={() => window.print()}>
                      {t("identity.data.print")}
                    </Button>
                  </div>
                  <p class="small">{t("identity.data.fileHint")}</p>
                  <Show when={typeof data().exported_at === "string"}>
                    <p>{t("identity.data.when", { date: formatDateTime(data().exported_at as string, lang()) })}</p>
                  </Show>
                  <For each={shownParts()}>
                    {(part) => (
                      <PageSection title={part.title ? t(part.title) : part.key} id={`data-${part.key}`}>
                        <Show when={part.text}>{(text) => <p>{t(text())}</p>}</Show>
                        <Value name={part.key} value={data()[part.key]} t={t} lang={lang()} />
                      </PageSection>
                    )}
                  </For>
                </>
              )}
            </Match>
            <Match when={exported.error()}>{(error) => <LoadError error={error()} onRetry={exported.reload} />}</Match>
          </Switch>
          <p>
            <A href="/min-side">{t("identity.data.back")}</A>
          </p>
        </>
      )}
    </RequireSignIn>
  );
}
