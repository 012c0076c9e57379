import { accessibilityFacts, categories, MAPPING_NONE } from "@naerhed/core/directory/lists";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { Button } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { describedBy, FieldParts } from "../../components/FieldParts.tsx";
import { FormField } from "../../components/FormField.tsx";
import { Notice } from "../../components/Notice.tsx";
import { ApiError, type Answer, type api } from "../../lib/api.ts";
import type { SummaryError } from "../../lib/forms.ts";
import { useTexts } from "../../lib/texts.ts";
import { directoryTexts } from "../texts/index.ts";

/**
 * The import's mapping step: another publisher's taxonomy terms, each with a choice of our
 * categories, our accessibility facts or "none", filled in with what the preview suggests (or
 * what staff chose last time). Confirming keeps the choices for the publisher (PUT
 * …/import/mapping) and lets the import page check the file again; the import button stays off
 * until every term is chosen.
 */

/** A foreign term as the preview gives it (core directory/import.ts `PreviewTerm`). */
export type ImportTerm = Answer<(typeof api.directory.centres)[":centre"]["import"]["preview"]["$post"]>["terms"][number];

const termId = (index: number) => `import-term-${index}`;

export function ImportMapping(props: { publisher: string; terms: ImportTerm[]; onConfirm: (chosen: { publisher: string; terms: Record<string, string> }) => Promise<void> }) {
  const { t, lang } = useTexts(directoryTexts);
  const [publisher, setPublisher] = createSignal(props.publisher);
  const [chosen, setChosen] = createStore<Record<string, string>>(Object.fromEntries(props.terms.map((term) => [term.key, term.mapped ?? term.suggestion ?? ""])));
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [failed, setFailed] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const errorOf = (index: number) => errors().find((error) => error.field === termId(index))?.message;

  async function confirm() {
    const missing = props.terms.flatMap((term, index) => (chosen[term.key] ? [] : [{ field: termId(index), message: t("directory.import.terms.missing") }]));
    setErrors(missing);
    setFailed("");
    if (missing.length > 0 || busy()) return;
    setBusy(true);
    try {
      await props.onConfirm({ publisher: publisher().trim(), terms: { ...chosen } });
    } catch (error) {
      setFailed(error instanceof ApiError ? error.message : t("directory.import.terms.failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="import-terms-title">
      <h3 id="import-terms-title">{t("directory.import.terms.title")}</h3>
      <p>{t("directory.import.terms.lead")}</p>
      <ErrorSummary errors={errors()} title={t("directory.import.terms.title")} />
      <FormField id="import-publisher" label={t("directory.import.terms.publisher")} value={publisher()} onInput={setPublisher} />
      <For each={props.terms}>
        {(term, index) => (
          <div class="form-group field" classList={{ "form-error": Boolean(errorOf(index())), "field--error": Boolean(errorOf(index())) }}>
            <FieldParts id={termId(index())} label={t("directory.import.terms.term", { name: term.name, count: String(term.count) })} hint={term.taxonomy || undefined} error={errorOf(index())} />
            <select
              class="form-input field__input field__select"
              id={termId(index())}
              value={chosen[term.key]}
              aria-describedby={describedBy({ id: termId(index()), hint: term.taxonomy || undefined, error: errorOf(index()) })}
              aria-invalid={errorOf(index()) ? "true" : undefined}
              onChange={(event) => setChosen(term.key, event.currentTarget.value)}
            >
              <option value="">{t("directory.import.terms.choose")}</option>
              <optgroup label={t("directory.import.terms.categories")}>
                <For each={categories}>{(category) => <option value={category.id}>{category.name[lang()]}</option>}</For>
              </optgroup>
              <optgroup label={t("directory.import.terms.facts")}>
                <For each={accessibilityFacts}>{(fact) => <option value={fact.id}>{fact.name[lang()]}</option>}</For>
              </optgroup>
              <option value={MAPPING_NONE}>{t("directory.import.terms.none")}</option>
            </select>
          </div>
        )}
      </For>
      <Show when={failed()}>
        <Notice kind="warning" announce="assertive">
          <p>{failed()}</p>
        </Notice>
      </Show>
      <p>
        <Button busy={busy()} onClick={() => void confirm()}>
          {t("directory.import.terms.confirm")}
        </Button>
      </p>
    </section>
  );
}
