import { useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { ApiError, apiGet } from "../api.ts";
import { Button } from "../components/Button.tsx";
import { MoreButton } from "../components/MoreButton.tsx";
import { createPagedList } from "../components/paged-list.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { da } from "../i18n/da.ts";
import { useI18n, type I18n, type Language, type MessageKey } from "../i18n/index.tsx";
import { NoAccess, RequireSignIn, useSignInRedirect } from "./access.tsx";
import { useFormErrors } from "./forms.ts";

export type AuditEntry = { id: string; at: string; actor_id: string; actor_name: string; action: string; item: string; summary: string };
type AuditPage = { items: AuditEntry[]; next_cursor: string | null };

/** "3. marts 2026 kl. 14.05" in Copenhagen time, whatever the computer's time zone. */
export function formatTime(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === "da" ? "da-DK" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Copenhagen",
  }).format(date);
}

/** Known actions in words; others as the API names them. */
export function actionText(action: string, t: I18n["t"]): string {
  const key = `action.${action}`;
  return Object.hasOwn(da, key) ? t(key as MessageKey) : action;
}

/** /admin/log?person=&item= : the audit log, newest first, for admins. */
export default function AuditLogPage() {
  const { t } = useI18n();
  usePageTitle(() => t("log.title"));
  return <RequireSignIn roles={["admin"]}>{() => <AuditLog />}</RequireSignIn>;
}

function AuditLog() {
  const { t, lang } = useI18n();
  const redirect = useSignInRedirect();
  const [params, setParams] = useSearchParams<{ person?: string; item?: string }>();
  const [person, setPerson] = createSignal(params.person ?? "");
  const [item, setItem] = createSignal(params.item ?? "");
  const form = useFormErrors({ person: "person", item: "item" });

  const [forbidden, setForbidden] = createSignal(false);
  let body: HTMLTableSectionElement | undefined;

  const list = createPagedList<AuditEntry>(
    (cursor, signal) => {
      const query = new URLSearchParams();
      if (params.person) query.set("person", params.person);
      if (params.item) query.set("item", params.item);
      if (cursor) query.set("cursor", cursor);
      return apiGet<AuditPage>(`/identity/audit${query.toString() ? `?${query}` : ""}`, lang(), signal);
    },
    (problem) => {
      if (redirect(problem)) return true;
      if (!(problem instanceof ApiError)) return false;
      if (problem.status === 403) {
        setForbidden(true);
        return true;
      }
      if (problem.status === 400) {
        list.clear();
        form.fail(problem);
        return true;
      }
      return false;
    },
  );
  const { items: entries, cursor, loading, loaded, error } = list;

  async function load(more: boolean) {
    const firstNew = await list.load(more);
    if (firstNew === undefined) return;
    form.clear();
    if (more) body?.children[firstNew]?.querySelector<HTMLElement>("th")?.focus();
  }

  // Filters live in the address: a new search is a new address, and Back works.
  createEffect(on([() => params.person, () => params.item], () => void load(false)));

  function search(event: SubmitEvent) {
    event.preventDefault();
    setParams({ person: person().trim() || undefined, item: item().trim() || undefined });
  }

  function clearFilters() {
    setPerson("");
    setItem("");
    setParams({ person: undefined, item: undefined });
  }

  const status = () => {
    if (loading()) return t("log.loading");
    if (!loaded()) return "";
    const count = entries().length;
    if (count === 0) return t("log.empty");
    return cursor() ? t("log.shown", { count }) : t("log.shownAll", { count });
  };

  return (
    <Show when={!forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("log.title")} lead={t("log.lead")} />
      <p>{t("log.month")}</p>
      <ErrorSummary errors={form.errors()} />
      <form class="form filters" novalidate onSubmit={search} role="search" aria-labelledby="log-filters">
        <h2 id="log-filters" class="section-title">
          {t("log.filters")}
        </h2>
        <FormField
          id="person"
          label={t("log.person")}
          hint={t("log.personHint")}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="none"
          value={person()}
          error={form.at("person")}
          onInput={setPerson}
        />
        <FormField
          id="item"
          label={t("log.item")}
          hint={t("log.itemHint")}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="none"
          value={item()}
          error={form.at("item")}
          onInput={setItem}
        />
        <div class="actions">
          <Button type="submit">{t("log.search")}</Button>
          <Show when={params.person || params.item}>
            <Button variant="secondary" onClick={clearFilters}>
              {t("log.clear")}
            </Button>
          </Show>
        </div>
      </form>

      <p class="status" role="status">
        {status()}
      </p>
      <Show when={entries().length > 0}>
        <div class="table-wrap" role="region" aria-labelledby="log-caption" tabindex="0">
          <table class="table">
            <caption id="log-caption">{t("log.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("log.when")}</th>
                <th scope="col">{t("log.who")}</th>
                <th scope="col">{t("log.what")}</th>
                <th scope="col">{t("log.itemColumn")}</th>
                <th scope="col">{t("log.summary")}</th>
              </tr>
            </thead>
            <tbody ref={body}>
              <For each={entries()}>
                {(entry) => (
                  <tr>
                    <th scope="row" tabindex="-1">
                      <time datetime={entry.at}>{formatTime(entry.at, lang())}</time>
                    </th>
                    <td>
                      {entry.actor_name}
                      <br />
                      <span class="small code">{entry.actor_id}</span>
                    </td>
                    <td>{actionText(entry.action, t)}</td>
                    <td class="code">{entry.item}</td>
                    <td class="code">{entry.summary}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={error()}>
        {(problem) => <LoadError title={t("log.error")} error={problem()} takeFocus={loaded()} onRetry={() => void load(loaded())} />}
      </Show>
      <Show when={cursor() && !error()}>
        <MoreButton label={t("log.more")} busy={loading()} onClick={() => void load(true)} />
      </Show>
    </Show>
  );
}
