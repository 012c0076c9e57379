import type { CuratedOffer, Offer } from "@naerhed/core/directory/offer";
import { centreName } from "../../lib/site.ts";
import { A, useNavigate, useParams } from "@solidjs/router";
import { batch, createEffect, createMemo, createSignal, Match, on, Show, Switch } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { Button } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { LoadError } from "../../components/LoadError.tsx";
import { NoAccess } from "../../components/NoAccess.tsx";
import { Notice } from "../../components/Notice.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { RequireSignIn } from "../../components/RequireSignIn.tsx";
import { api, ApiError, useCall } from "../../lib/api.ts";
import { copenhagenToday } from "../../lib/dates.ts";
import { useFormErrors, type SummaryError } from "../../lib/forms.ts";
import { createLoader } from "../../lib/load.ts";
import { usePageTitle } from "../../lib/navigation.ts";
import type { SessionPerson } from "../../lib/session.tsx";
import { useTexts } from "../../lib/texts.ts";
import { OfferView } from "../OfferView.tsx";
import { directoryTexts, type DirectoryKey } from "../texts/index.ts";
import { ArchiveConfirm } from "./ArchiveConfirm.tsx";
import { centreQuery, WithCentre } from "./centres.tsx";
import { ConflictPanel } from "./ConflictPanel.tsx";
import { ageProblems, apiFieldIds, differences, emptyForm, inputLabels, toForm, toInput, type FieldValue, type FormValues } from "./offer-fields.ts";
import { OfferFields } from "./OfferFields.tsx";
import { publicationKey } from "./StaffOffersPage.tsx";

/** The path segment of a new offer: /personale/tilbud/nyt. */
export const NEW_OFFER = "nyt";

type Transition = "publish" | "unpublish" | "archive" | "verify";
type Action = "save" | Transition | "keep";

const transitionNews: Record<Transition, DirectoryKey> = {
  publish: "directory.editor.published",
  unpublish: "directory.editor.unpublished",
  archive: "directory.editor.archived",
  verify: "directory.editor.verified",
};

/** /personale/tilbud/nyt and /personale/tilbud/:id: write, save, preview and publish an offer. */
export default function OfferEditorPage() {
  const { t } = useTexts(directoryTexts);
  const params = useParams<{ id: string }>();
  usePageTitle(() => t(params.id === NEW_OFFER ? "directory.editor.newTitle" : "directory.editor.editTitle"));
  return (
    <RequireSignIn roles={["staff", "admin"]}>
      {(person) => <WithCentre person={person()}>{(centre) => <Editor person={person()} centre={centre} />}</WithCentre>}
    </RequireSignIn>
  );
}

function Editor(props: { person: SessionPerson; centre: string }) {
  const { t, lang } = useTexts(directoryTexts);
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const call = useCall();
  const query = () => centreQuery(props.person, props.centre);
  const offers = api.directory.centres[":centre"].offers;
  const offerParam = (id: string) => ({ centre: props.centre, id });

  /** The offer as last saved (none yet for a new one); the form holds what is typed since. */
  const [offer, setOffer] = createSignal<CuratedOffer>();
  const [form, setForm] = createStore<FormValues>(emptyForm());
  const [dirty, setDirty] = createSignal(false);
  const [busy, setBusy] = createSignal<Action>();
  const [news, setNews] = createSignal("");
  const [conflict, setConflict] = createSignal<CuratedOffer>();
  const [confirming, setConfirming] = createSignal(false);
  const [preview, setPreview] = createSignal(false);
  const errors = useFormErrors(apiFieldIds);
  let newsBox: HTMLDivElement | undefined;
  let conflictBox: HTMLElement | undefined;

  // Load the offer the address names, unless it is the one just saved here (a new offer's address names it after saving).
  const loaded = createLoader(
    () => params.id !== NEW_OFFER && params.id !== offer()?.id && offerParam(params.id),
    (param, signal) => call(offers[":id"].$get, { param }, { signal }),
  );
  createEffect(
    on(loaded.data, (answer) => {
      if (!answer) return;
      batch(() => {
        setOffer(answer.offer);
        setForm(reconcile(toForm(answer.offer)));
        setDirty(false);
      });
    }),
  );
  createEffect(
    on(
      () => params.id,
      (id) => {
        if (id !== NEW_OFFER) return;
        batch(() => {
          setOffer(undefined);
          setForm(reconcile(emptyForm()));
        });
      },
    ),
  );
  const ready = () => params.id === NEW_OFFER || offer() !== undefined;
  const publication = () => offer()?.publication ?? "draft";
  const archived = () => publication() === "archived";

  function update(id: string, value: FieldValue) {
    // The value replaces the old one whole: set at its own path, the store would merge an object into the old one (an organisation typed after one was picked would keep its id).
    setForm("values", { [id]: value });
    setDirty(true);
  }

  /** The error summary names the field: "Adresse: Feltet må ikke være tomt." */
  const summary = createMemo<SummaryError[]>(() =>
    errors.errors().map((error) => {
      const label = error.field ? inputLabels[error.field] : undefined;
      return label ? { ...error, message: `${t(label)}: ${error.message}` } : error;
    }),
  );

  function settle(saved: CuratedOffer, message: string) {
    batch(() => {
      setOffer(saved);
      setDirty(false);
      setConflict(undefined);
      setConfirming(false);
      errors.clear();
      setNews(message);
    });
  }

  /** A 409 with the other version shows the conflict; anything else goes to the error summary. */
  function problem(error: unknown) {
    const current = error instanceof ApiError && error.status === 409 ? (error.details?.current as CuratedOffer | undefined) : undefined;
    if (!current?.id) return errors.fail(error);
    batch(() => {
      errors.clear();
      setNews("");
      setConflict(current);
    });
    conflictBox?.focus();
  }

  /** POST a new offer or PUT the edit with the version it started from. */
  async function save(): Promise<CuratedOffer | undefined> {
    const local = ageProblems(form, t);
    if (local.length > 0) {
      errors.setErrors(local);
      return undefined;
    }
    const input = toInput(form, props.centre);
    const current = offer();
    try {
      const answer = current
        ? await call(offers[":id"].$put, { param: offerParam(current.id) }, { body: { version: current.version, offer: input } })
        : await call(offers.$post, { param: { centre: props.centre } }, { body: input });
      settle(answer.offer, t("directory.editor.saved"));
      // The address now names the offer; the page stays (same route), with focus where it was.
      if (!current) navigate(`/personale/tilbud/${answer.offer.id}${query()}`, { replace: true });
      return answer.offer;
    } catch (error) {
      problem(error);
      return undefined;
    }
  }

  async function run(action: Action, work: () => Promise<unknown>) {
    if (busy()) return;
    setBusy(action);
    setNews("");
    try {
      await work();
    } finally {
      setBusy(undefined);
    }
  }

  /** Publish, unpublish, verify (typed changes are saved first) or archive. */
  const onTransition = (transition: Transition) =>
    run(transition, async () => {
      let current = offer();
      if (!current || (dirty() && transition !== "archive")) {
        current = await save();
        if (!current) return;
      }
      try {
        const answer = await call(offers[":id"][transition].$post, { param: offerParam(current.id) }, { body: { version: current.version } });
        settle(answer.offer, t(transitionNews[transition]));
        // The button that was pressed may be gone now: continue at the news.
        newsBox?.focus();
      } catch (error) {
        problem(error);
      }
    });

  /** Conflict: save what the person typed over the other version. */
  const keepMine = () =>
    run("keep", async () => {
      const current = conflict();
      if (!current) return;
      setOffer(current);
      if (await save()) newsBox?.focus();
    });

  function takeTheirs() {
    const current = conflict();
    if (!current) return;
    batch(() => {
      setOffer(current);
      setForm(reconcile(toForm(current)));
      setDirty(false);
      setConflict(undefined);
      errors.clear();
      setNews(t("directory.conflict.taken"));
    });
    newsBox?.focus();
  }

  function openPreview() {
    setPreview(true);
    document.querySelector<HTMLElement>("main h1")?.focus();
  }

  function closePreview() {
    setPreview(false);
    document.getElementById("preview-button")?.focus();
  }

  /** The offer as citizens would see it now, from what is typed (missing parts left empty). */
  const previewOffer = (): Offer => {
    const input = toInput(form, props.centre);
    return {
      ...input,
      id: offer()?.id ?? "",
      publication: "published",
      name: input.name ?? "",
      description: input.description ?? "",
      organization_name: input.organization_name ?? "",
      status: input.status ?? "active",
      area: input.area ?? "",
      category: input.category ?? ("" as Offer["category"]),
      free: input.free ?? false,
      assured_date: offer()?.assured_date ?? copenhagenToday(),
      last_modified: offer()?.last_modified ?? new Date().toISOString(),
    } as Offer;
  };

  const heading = () => (offer() ? `${t("directory.editor.editTitle")}: ${offer()!.name}` : t("directory.editor.newTitle"));

  return (
    <Show when={!errors.forbidden() && !loaded.forbidden()} fallback={<NoAccess />}>
      <p class="status" role="status">
        {loaded.loading() ? t("directory.editor.loading") : ""}
      </p>
      <Switch>
        <Match when={loaded.missing() && loaded.failure()}>
          {(failure) => (
            <>
              <PageHeading title={t("directory.editor.error")} lead={(failure() as ApiError).message} />
              <p>
                <A href={`/personale/tilbud${query()}`} class="big-link">
                  {t("directory.editor.back")}
                </A>
              </p>
            </>
          )}
        </Match>
        <Match when={loaded.error()}>
          {(error) => (
            <>
              <PageHeading title={t("directory.editor.error")} />
              <LoadError error={error()} onRetry={loaded.reload} />
            </>
          )}
        </Match>
        <Match when={ready() && preview()}>
          <Notice kind="info">
            <p class="notice__title">{t("directory.editor.preview")}</p>
            <p>{t("directory.editor.previewNote")}</p>
            <p>
              <Button onClick={closePreview}>{t("directory.editor.previewBack")}</Button>
            </p>
          </Notice>
          <OfferView offer={previewOffer()} />
        </Match>
        <Match when={ready()}>
          <p class="back">
            <A href={`/personale/tilbud${query()}`} class="back__link">
              <span aria-hidden="true">←</span>
              <span class="back__text">{t("directory.editor.back")}</span>
            </A>
          </p>
          <PageHeading title={heading()} lead={t("directory.editor.lead")} />
          <dl class="facts">
            <div>
              <dt>{t("directory.field.centre")}</dt>
              <dd>{centreName(props.centre, lang())}</dd>
            </div>
            <div>
              <dt>{t("directory.staffOffers.state")}</dt>
              <dd>{t(publicationKey(publication()))}</dd>
            </div>
          </dl>

          <div role="status" tabindex="-1" ref={newsBox} class="result">
            <Show when={news()}>
              <Notice kind="success">
                <p>{news()}</p>
                <Show when={publication() === "published" && offer()}>
                  {(current) => (
                    <p>
                      <A href={`/tilbud/${current().id}`}>{t("directory.editor.public")}</A>
                    </p>
                  )}
                </Show>
              </Notice>
            </Show>
          </div>

          <Show when={archived()}>
            <Notice kind="warning">
              <p>{t("directory.editor.archived")}</p>
            </Notice>
          </Show>

          <Show when={conflict()}>
            {(current) => (
              <ConflictPanel
                ref={(panel) => (conflictBox = panel)}
                differences={differences(toInput(form, props.centre), current(), t, lang())}
                archived={current().publication === "archived"}
                keeping={busy() === "keep"}
                onKeepMine={() => void keepMine()}
                onTakeTheirs={takeTheirs}
              />
            )}
          </Show>

          <ErrorSummary errors={summary()} />

          <form
            class="form editor"
            novalidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!archived()) void run("save", save);
            }}
          >
            <OfferFields values={form.values} errorAt={errors.at} onChange={update} />

            <div class="actions">
              <Show when={!archived()}>
                <Button type="submit" busy={busy() === "save"}>
                  {publication() === "published" ? t("directory.editor.saveChanges") : t("directory.editor.save")}
                </Button>
              </Show>
              <Button variant="secondary" id="preview-button" onClick={openPreview}>
                {t("directory.editor.preview")}
              </Button>
              <Show when={publication() === "draft"}>
                <Button variant="secondary" busy={busy() === "publish"} onClick={() => void onTransition("publish")}>
                  {t("directory.editor.publish")}
                </Button>
              </Show>
              <Show when={publication() === "published"}>
                <Button variant="secondary" busy={busy() === "verify"} onClick={() => void onTransition("verify")}>
                  {t("directory.staffOffers.verify")}
                </Button>
                <Button variant="secondary" busy={busy() === "unpublish"} onClick={() => void onTransition("unpublish")}>
                  {t("directory.editor.unpublish")}
                </Button>
              </Show>
              <Show when={offer() && !archived()}>
                <Button variant="secondary" id="archive-button" aria-expanded={confirming()} onClick={() => setConfirming(true)}>
                  {t("directory.editor.archive")}
                </Button>
              </Show>
            </div>
            <Show when={confirming()}>
              <ArchiveConfirm
                busy={busy() === "archive"}
                onYes={() => void onTransition("archive")}
                onNo={() => {
                  setConfirming(false);
                  document.getElementById("archive-button")?.focus();
                }}
              />
            </Show>
          </form>
        </Match>
      </Switch>
    </Show>
  );
}
