import { A } from "@solidjs/router";
import { createEffect, createSignal, For, Show } from "solid-js";
import { Button } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { LoadError } from "../../components/LoadError.tsx";
import { Notice } from "../../components/Notice.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { PageSection } from "../../components/PageSection.tsx";
import { categoryName } from "../format.ts";
import { TextAreaField } from "../../components/TextAreaField.tsx";
import { centreName, myCentres } from "../../lib/site.ts";
import { RequireSignIn } from "../../components/RequireSignIn.tsx";
import { formatDate } from "../../lib/dates.ts";
import { useFormErrors } from "../../lib/forms.ts";
import { createPagedList } from "../../lib/load.ts";
import { usePageTitle } from "../../lib/navigation.ts";
import type { SessionPerson } from "../../lib/session.tsx";
import { useTexts } from "../../lib/texts.ts";
import { directoryTexts } from "../texts/index.ts";
import { api, ApiError, useCall, type Answer } from "../../lib/api.ts";

type Suggestion = Answer<(typeof api.directory.centres)[":centre"]["suggestions"]["$get"]>["items"][number];

/** What happened last, shown at the top of the page. */
type Result = { kind: "accepted"; name: string; offerId: string } | { kind: "declined"; name: string };

/** /personale/forslag: the suggestions waiting at the staff member's centres. */
export default function SuggestionsPage() {
  const { t } = useTexts(directoryTexts);
  usePageTitle(() => t("directory.queue.title"));
  return <RequireSignIn roles={["staff", "admin"]}>{(person) => <Queues person={person()} />}</RequireSignIn>;
}

function Queues(props: { person: SessionPerson }) {
  const { t } = useTexts(directoryTexts);
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
      <PageHeading title={t("directory.queue.title")} lead={t("directory.queue.lead")} />
      <div role="status" tabindex="-1" ref={resultBox} class="result">
        <Show when={result()}>
          {(done) => {
            const value = done();
            return (
              <Notice kind="success">
                <Show when={value.kind === "accepted" ? value : undefined} fallback={<p>{t("directory.queue.declined", { name: value.name })}</p>}>
                  {(accepted) => (
                    <>
                      <p>{t("directory.queue.accepted", { name: accepted().name })}</p>
                      <p>
                        <A href={`/personale/tilbud/${accepted().offerId}`} class="big-link">
                          {t("directory.queue.openDraft")}
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
      <For each={myCentres(props.person)}>
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
  const { t, lang } = useTexts(directoryTexts);
  const call = useCall();
  const [busy, setBusy] = createSignal<string>();
  const [reason, setReason] = createSignal("");

  const list = createPagedList(
    () => ({ centre: props.centre }),
    async (param, _cursor, signal) => ({ ...(await call(api.directory.centres[":centre"].suggestions.$get, { param }, { signal })), next_cursor: null }),
  );
  const { items, loading, loaded, error } = list;
  const load = list.reload;
  const suggestion = (id: string) => ({ centre: props.centre, id });

  const remove = (id: string) => list.update((current) => current.filter((item) => item.id !== id));

  /** A suggestion someone else already answered: say so, and show the list as it is now. */
  function failed(problem: unknown) {
    props.form.fail(problem);
    if (problem instanceof ApiError && (problem.status === 409 || problem.status === 404)) void load();
  }

  async function accept(item: Suggestion) {
    if (busy()) return;
    setBusy(item.id);
    try {
      const { offer } = await call(api.directory.centres[":centre"].suggestions[":id"].accept.$post, { param: suggestion(item.id) });
      remove(item.id);
      props.setDeclining(undefined);
      props.onDone({ kind: "accepted", name: item.name, offerId: offer.id });
    } catch (problem) {
      failed(problem);
    } finally {
      setBusy(undefined);
    }
  }

  async function decline(event: SubmitEvent, item: Suggestion) {
    event.preventDefault();
    if (busy()) return;
    setBusy(item.id);
    try {
      await call(api.directory.centres[":centre"].suggestions[":id"].decline.$post, { param: suggestion(item.id) }, { body: { reason: reason() } });
      remove(item.id);
      props.setDeclining(undefined);
      setReason("");
      props.onDone({ kind: "declined", name: item.name });
    } catch (problem) {
      failed(problem);
    } finally {
      setBusy(undefined);
    }
  }

  const status = () => {
    if (loading()) return t("directory.queue.loading");
    if (!loaded()) return "";
    return items().length === 0 ? t("directory.queue.empty") : t("directory.queue.count", { count: items().length });
  };

  const contact = (s: Suggestion) => [s.contact_name, s.contact_email, s.contact_phone].filter(Boolean).join(", ");

  return (
    <PageSection id={`queue-${props.centre}`} title={t("directory.queue.centre", { centre: centreName(props.centre, lang()) })}>
      <p class="status" role="status">
        {status()}
      </p>
      <Show when={error()}>
        {(problem) => <LoadError title={t("directory.queue.error")} error={problem()} onRetry={() => void load()} />}
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
                    <dt>{t("directory.queue.where")}</dt>
                    <dd class="offer__text">{suggestion.where}</dd>
                  </div>
                  <Show when={suggestion.category}>
                    {(category) => (
                      <div>
                        <dt>{t("directory.queue.category")}</dt>
                        <dd>{categoryName(category(), lang())}</dd>
                      </div>
                    )}
                  </Show>
                  <div>
                    <dt>{t("directory.queue.received")}</dt>
                    <dd>{formatDate(suggestion.created_at, lang())}</dd>
                  </div>
                  <div>
                    <dt>{t("directory.queue.from")}</dt>
                    <dd>{contact(suggestion) || t("directory.queue.anonymous")}</dd>
                  </div>
                </dl>
                <Show
                  when={props.declining === suggestion.id}
                  fallback={
                    <div class="actions">
                      <Button busy={busy() === suggestion.id} onClick={() => void accept(suggestion)}>
                        {t("directory.queue.accept")}
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
                        {t("directory.queue.decline")}
                      </Button>
                    </div>
                  }
                >
                  <form class="form" novalidate onSubmit={(event) => void decline(event, suggestion)}>
                    <TextAreaField
                      id={`reason-${suggestion.id}`}
                      label={t("directory.queue.reason")}
                      hint={t("directory.queue.reasonHint")}
                      rows={3}
                      value={reason()}
                      error={props.form.at(`reason-${suggestion.id}`)}
                      onInput={setReason}
                    />
                    <div class="actions">
                      <Button type="submit" busy={busy() === suggestion.id}>
                        {t("directory.queue.declineSend")}
                      </Button>
                      <Button
                        variant="secondary"
                        onClick={() => {
                          props.form.clear();
                          props.setDeclining(undefined);
                        }}
                      >
                        {t("directory.queue.cancel")}
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
