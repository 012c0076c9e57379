import { A } from "@solidjs/router";
import type { Suggestion } from "@naerhed/core/directory/suggestion";
import { centres } from "@naerhed/core/shared/centres";
import { createEffect, createSignal, For, onMount, Show } from "solid-js";
import { ApiError, apiGet, apiSend } from "../../api.ts";
import { Button } from "../../components/Button.tsx";
import { createPagedList } from "../../components/paged-list.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { LoadError } from "../../components/LoadError.tsx";
import { Notice } from "../../components/Notice.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { PageSection } from "../../components/PageSection.tsx";
import { usePageTitle } from "../../components/navigation.ts";
import { useI18n } from "../texts.ts";
import { RequireSignIn, useSignInRedirect } from "../../identity/access.tsx";
import { useFormErrors } from "../../identity/forms.ts";
import { hasRole, type SessionPerson } from "../../identity/session.tsx";
import { categoryName, centreName, formatDate } from "../format.ts";
import { TextAreaField } from "../../components/TextAreaField.tsx";

/** The centres whose queues this person handles: their staff centres; every centre for admins. */
export function queueCentres(person: SessionPerson): string[] {
  if (hasRole(person, "admin")) return centres.map((centre) => centre.id);
  return person.grants.flatMap((grant) => (grant.role === "staff" && grant.centre_id ? [grant.centre_id] : []));
}

/** What happened last, shown at the top of the page. */
type Result = { kind: "accepted"; name: string; offerId: string } | { kind: "declined"; name: string };

/** /personale/forslag: the suggestions waiting at the staff member's centres. */
export default function SuggestionsPage() {
  const { t } = useI18n();
  usePageTitle(() => t("queue.title"));
  return <RequireSignIn roles={["staff", "admin"]}>{(person) => <Queues person={person()} />}</RequireSignIn>;
}

function Queues(props: { person: SessionPerson }) {
  const { t } = useI18n();
  const [result, setResult] = createSignal<Result>();
  const [declining, setDeclining] = createSignal<string>();
  // One form is open at a time, so one set of errors for the page: the reason field of the open form.
  const form = useFormErrors({
    get reason() {
      return `reason-${declining() ?? ""}`;
    },
  });
  let resultBox: HTMLDivElement | undefined;
  createEffect(() => {
    if (result()) resultBox?.focus();
  });

  return (
    <>
      <PageHeading title={t("queue.title")} lead={t("queue.lead")} />
      <div role="status" tabindex="-1" ref={resultBox} class="result">
        <Show when={result()}>
          {(done) => {
            const value = done();
            return (
              <Notice kind="success">
                <Show when={value.kind === "accepted" ? value : undefined} fallback={<p>{t("queue.declined", { name: value.name })}</p>}>
                  {(accepted) => (
                    <>
                      <p>{t("queue.accepted", { name: accepted().name })}</p>
                      <p>
                        <A href={`/personale/tilbud/${accepted().offerId}`} class="big-link">
                          {t("queue.openDraft")}
                        </A>
                      </p>
                    </>
                  )}
                </Show>
              </Notice>
            );
          }}
        </Show>
      </div>
      <ErrorSummary errors={form.errors()} />
      <For each={queueCentres(props.person)}>
        {(centre) => (
          <CentreQueue
            centre={centre}
            form={form}
            declining={declining()}
            setDeclining={setDeclining}
            onDone={(done) => {
              form.clear();
              setResult(done);
            }}
          />
        )}
      </For>
    </>
  );
}

function CentreQueue(props: {
  centre: string;
  form: ReturnType<typeof useFormErrors>;
  declining: string | undefined;
  setDeclining: (id: string | undefined) => void;
  onDone: (result: Result) => void;
}) {
  const { t, lang } = useI18n();
  const redirect = useSignInRedirect();
  const [busy, setBusy] = createSignal<string>();
  const [reason, setReason] = createSignal("");

  const base = () => `/directory/centres/${props.centre}/suggestions`;

  const list = createPagedList<Suggestion>(
    async (_cursor, signal) => ({ items: (await apiGet<{ items: Suggestion[] }>(base(), lang(), signal)).items, next_cursor: null }),
    redirect,
  );
  const { items, loading, loaded, error } = list;
  const load = () => list.load(false);
  onMount(() => void load());

  const remove = (id: string) => list.update((current) => current.filter((item) => item.id !== id));

  /** A suggestion someone else already answered: say so, and show the list as it is now. */
  function failed(problem: unknown) {
    props.form.fail(problem);
    if (problem instanceof ApiError && (problem.status === 409 || problem.status === 404)) void load();
  }

  async function accept(suggestion: Suggestion) {
    if (busy()) return;
    setBusy(suggestion.id);
    try {
      const { offer } = await apiSend<{ offer: { id: string } }>("POST", `${base()}/${suggestion.id}/accept`, lang(), {});
      remove(suggestion.id);
      props.setDeclining(undefined);
      props.onDone({ kind: "accepted", name: suggestion.name, offerId: offer.id });
    } catch (problem) {
      failed(problem);
    } finally {
      setBusy(undefined);
    }
  }

  async function decline(event: SubmitEvent, suggestion: Suggestion) {
    event.preventDefault();
    if (busy()) return;
    setBusy(suggestion.id);
    try {
      await apiSend("POST", `${base()}/${suggestion.id}/decline`, lang(), { reason: reason() });
      remove(suggestion.id);
      props.setDeclining(undefined);
      setReason("");
      props.onDone({ kind: "declined", name: suggestion.name });
    } catch (problem) {
      failed(problem);
    } finally {
      setBusy(undefined);
    }
  }

  const status = () => {
    if (loading()) return t("queue.loading");
    if (!loaded()) return "";
    return items().length === 0 ? t("queue.empty") : t("queue.count", { count: items().length });
  };

  const contact = (s: Suggestion) => [s.contact_name, s.contact_email, s.contact_phone].filter(Boolean).join(", ");

  return (
    <PageSection id={`queue-${props.centre}`} title={t("queue.centre", { centre: centreName(props.centre as Suggestion["centre_id"], lang()) })}>
      <p class="status" role="status">
        {status()}
      </p>
      <Show when={error()}>
        {(problem) => <LoadError title={t("queue.error")} error={problem()} onRetry={() => void load()} />}
      </Show>
      <Show when={items().length > 0}>
      <ul class="cards">
        <For each={items()}>
          {(suggestion) => (
            <li>
              <article class="card" aria-labelledby={`suggestion-${suggestion.id}`}>
                <h3 class="card__title" id={`suggestion-${suggestion.id}`}>
                  {suggestion.name}
                </h3>
                <p class="offer__text">{suggestion.description}</p>
                <dl class="facts facts--stacked">
                  <div>
                    <dt>{t("queue.where")}</dt>
                    <dd class="offer__text">{suggestion.where}</dd>
                  </div>
                  <Show when={suggestion.category}>
                    {(category) => (
                      <div>
                        <dt>{t("queue.category")}</dt>
                        <dd>{categoryName(category(), lang())}</dd>
                      </div>
                    )}
                  </Show>
                  <div>
                    <dt>{t("queue.received")}</dt>
                    <dd>{formatDate(suggestion.created_at, lang())}</dd>
                  </div>
                  <div>
                    <dt>{t("queue.from")}</dt>
                    <dd>{contact(suggestion) || t("queue.anonymous")}</dd>
                  </div>
                </dl>
                <Show
                  when={props.declining === suggestion.id}
                  fallback={
                    <div class="actions">
                      <Button busy={busy() === suggestion.id} onClick={() => void accept(suggestion)}>
                        {t("queue.accept")}
                      </Button>
                      <Button
                        variant="secondary"
                        onClick={() => {
                          props.form.clear();
                          setReason("");
                          props.setDeclining(suggestion.id);
                          queueMicrotask(() => document.getElementById(`reason-${suggestion.id}`)?.focus());
                        }}
                      >
                        {t("queue.decline")}
                      </Button>
                    </div>
                  }
                >
                  <form class="form" novalidate onSubmit={(event) => void decline(event, suggestion)}>
                    <TextAreaField
                      id={`reason-${suggestion.id}`}
                      label={t("queue.reason")}
                      hint={t("queue.reasonHint")}
                      rows={3}
                      value={reason()}
                      error={props.form.at(`reason-${suggestion.id}`)}
                      onInput={setReason}
                    />
                    <div class="actions">
                      <Button type="submit" busy={busy() === suggestion.id}>
                        {t("queue.declineSend")}
                      </Button>
                      <Button
                        variant="secondary"
                        onClick={() => {
                          props.form.clear();
                          props.setDeclining(undefined);
                        }}
                      >
                        {t("queue.cancel")}
                      </Button>
                    </div>
                  </form>
                </Show>
              </article>
            </li>
          )}
        </For>
      </ul>
      </Show>
    </PageSection>
  );
}
