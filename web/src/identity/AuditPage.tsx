import { useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, For, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { MoreButton } from "../components/MoreButton.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { NoAccess } from "../components/NoAccess.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, ApiError, useCall } from "../lib/api.ts";
import { useFormErrors } from "../lib/forms.ts";
import { createPagedList } from "../lib/load.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { formatDateTime } from "../lib/dates.ts";
import { useTexts, type Translate } from "../lib/texts.ts";
import { identityTexts, type IdentityKey } from "./texts/index.ts";

/** Known actions in words; others as the API names them. */
export function actionText(action: string, t: Translate<IdentityKey>): string {
  const key = `identity.action.${action}`;
  return Object.hasOwn(identityTexts.da, key) ? t(key as IdentityKey) : action;
}

/** /admin/log?person=&item= : the audit log, newest first, for admins. */
export default function AuditLogPage() {
  const { t } = useTexts(identityTexts);
  usePageTitle(() => t("identity.log.title"));
  return <RequireSignIn roles={["admin"]}>{() => <AuditLog />}</RequireSignIn>;
}

function AuditLog() {
  const { t, lang } = useTexts(identityTexts);
  const [params, setParams] = useSearchParams<{ person?: string; item?: string }>();
  const [person, setPerson] = createSignal(params.person ?? "");
  const [item, setItem] = createSignal(params.item ?? "");
  const form = useFormErrors({ person: "person", item: "item" });
  const call = useCall();
  let body: HTMLTableSectionElement | undefined;

  // Filters live in the address: a new search is a new address, and Back works.
  const list = createPagedList(
    () => ({ person: params.person, item: params.item }),
    (filters, cursor, signal) => call(api.identity.audit.$get, {}, { query: { ...filters, cursor }, signal }),
  );
  const { items: entries, cursor, loading, loaded, error } = list;
  // A filter the API cannot read (400) is shown at its field; a search that worked clears that.
  createEffect(() => {
    const failure = list.failure();
    if (failure instanceof ApiError && failure.status === 400) form.fail(failure);
    else if (loaded()) form.clear();
  });

  async function more() {
    const firstNew = await list.more();
    if (firstNew !== undefined) body?.children[firstNew]?.querySelector<HTMLElement>("th")?.focus();
  }

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
    if (loading()) return t("identity.log.loading");
    if (!loaded()) return "";
    const count = entries().length;
    if (count === 0) return t("identity.log.empty");
    return cursor() ? t("identity.log.shown", { count }) : t("identity.log.shownAll", { count });
  };

  return (
    <Show when={!list.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("identity.log.title")} lead={t("identity.log.lead")} />
      <p>{t("identity.log.month")}</p>
      <ErrorSummary errors={form.errors()} />
      <form class="form filters" novalidate onSubmit={search} role="search" aria-labelledby="log-filters">
        <h2 id="log-filters" class="section-title">
          {t("identity.log.filters")}
        </h2>
        <FormField
          id="person"
          label={t("identity.log.person")}
          hint={t("identity.log.personHint")}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="none"
          value={person()}
          error={form.at("person")}
          onInput={setPerson}
        />
        <FormField
          id="item"
          label={t("identity.log.item")}
          hint={t("identity.log.itemHint")}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="none"
          value={item()}
          error={form.at("item")}
          onInput={setItem}
        />
        <div class="actions">
          <Button type="submit">{t("identity.log.search")}</Button>
          <Show when={params.person || params.item}>
            <Button variant="secondary" onClick={clearFilters}>
              {t("identity.log.clear")}
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
            <caption id="log-caption">{t("identity.log.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("identity.log.when")}</th>
                <th scope="col">{t("identity.log.who")}</th>
                <th scope="col">{t("identity.log.what")}</th>
                <th scope="col">{t("identity.log.itemColumn")}</th>
                <th scope="col">{t("identity.log.summary")}</th>
              </tr>
            </thead>
            <tbody ref={body}>
              <For each={entries()}>
                {(entry) => (
                  <tr>
                    <th scope="row" tabindex="-1">
                      <time datetime={entry.at}>{formatDateTime(entry.at, lang())}</time>
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
        {(problem) => <LoadError title={t("identity.log.error")} error={problem()} takeFocus={loaded()} onRetry={() => void (loaded() ? more() : list.reload())} />}
      </Show>
      <Show when={cursor() && !error()}>
        <MoreButton label={t("identity.log.more")} busy={loading()} onClick={() => void more()} />
      </Show>
    </Show>
  );
}
