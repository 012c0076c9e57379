import type { CuratedOffer, Offer } from "@naerhed/core/directory/offer";
import { categories } from "@naerhed/core/directory/categories";
import { A, useNavigate, useParams } from "@solidjs/router";
import { batch, createEffect, createMemo, createSignal, For, Match, on, onCleanup, Show, Switch } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { ApiError, apiGet, apiSend } from "../../api.ts";
import { Button } from "../../components/Button.tsx";
import { ErrorSummary, type SummaryError } from "../../components/ErrorSummary.tsx";
import { FormField } from "../../components/FormField.tsx";
import { LoadError } from "../../components/LoadError.tsx";
import { Notice } from "../../components/Notice.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { PageSection } from "../../components/PageSection.tsx";
import { RadioGroup, type RadioOption } from "../../components/RadioGroup.tsx";
import { usePageTitle } from "../../components/navigation.ts";
import { type MessageKey } from "../../i18n/index.tsx";
import { useI18n } from "../texts.ts";
import { NoAccess, RequireSignIn, useSignInRedirect } from "../../identity/access.tsx";
import { useFormErrors } from "../../identity/forms.ts";
import type { SessionPerson } from "../../identity/session.tsx";
import { centreName } from "../format.ts";
import { OfferView } from "../OfferView.tsx";
import { centreQuery, WithCentre } from "./centres.tsx";
import {
  apiFieldIds,
  differences,
  emptyForm,
  inputLabels,
  isAge,
  radioIds,
  statuses,
  statusKey,
  toForm,
  toInput,
  type FormValues,
} from "./offer-form.ts";
import { offersPath, publicationKey } from "./StaffOffersPage.tsx";
import { TextAreaField } from "../../components/TextAreaField.tsx";
import { accessibilityFacts } from "@naerhed/core/directory/accessibility";
import { WeeklyTimes } from "./WeeklyTimes.tsx";
import { OrganizationPicker } from "./OrganizationPicker.tsx";

/** The path segment of a new offer: /personale/tilbud/nyt. */
export const NEW_OFFER = "nyt";

type Transition = "publish" | "unpublish" | "archive" | "verify";
type Action = "save" | Transition | "keep";

const transitionNews: Record<Transition, MessageKey> = {
  publish: "editor.published",
  unpublish: "editor.unpublished",
  archive: "editor.archived",
  verify: "editor.verified",
};

/** /personale/tilbud/nyt and /personale/tilbud/:id: write, save, preview and publish an offer. */
export default function OfferEditorPage() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  usePageTitle(() => t(params.id === NEW_OFFER ? "editor.newTitle" : "editor.editTitle"));
  return (
    <RequireSignIn roles={["staff", "admin"]}>
      {(person) => <WithCentre person={person()}>{(centre) => <Editor person={person()} centre={centre} />}</WithCentre>}
    </RequireSignIn>
  );
}

/** Today in Copenhagen as YYYY-MM-DD (for the preview's "Sidst tjekket"). */
const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date());

function Editor(props: { person: SessionPerson; centre: string }) {
  const { t, lang } = useI18n();
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const redirect = useSignInRedirect();
  const query = () => centreQuery(props.person, props.centre);
  const offerPath = (id: string) => `${offersPath(props.centre)}/${encodeURIComponent(id)}`;

  const [form, setForm] = createStore<FormValues>(emptyForm());
  const [offer, setOffer] = createSignal<CuratedOffer>();
  const [loadState, setLoadState] = createSignal<"loading" | "ready" | "missing" | "error">("loading");
  const [loadError, setLoadError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal<Action>();
  const [news, setNews] = createSignal("");
  const [dirty, setDirty] = createSignal(false);
  const [conflict, setConflict] = createSignal<CuratedOffer>();
  const [confirming, setConfirming] = createSignal(false);
  const [preview, setPreview] = createSignal(false);
  const errors = useFormErrors(apiFieldIds);

  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());
  let newsBox: HTMLDivElement | undefined;
  let conflictBox: HTMLElement | undefined;
  let confirmBox: HTMLDivElement | undefined;

  const publication = () => offer()?.publication ?? "draft";
  const archived = () => publication() === "archived";

  async function load(id: string) {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    setLoadState("loading");
    try {
      const answer = await apiGet<{ offer: CuratedOffer }>(offerPath(id), lang(), signal);
      batch(() => {
        setOffer(answer.offer);
        setForm(reconcile(toForm(answer.offer)));
        setDirty(false);
        setLoadState("ready");
      });
    } catch (error) {
      if (signal.aborted) return;
      if (redirect(error)) return;
      if (error instanceof ApiError && error.status === 403) return errors.fail(error);
      const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
      batch(() => {
        setLoadError(() => error);
        setLoadState(missing ? "missing" : "error");
      });
    }
  }

  createEffect(
    on(
      () => params.id,
      (id) => {
        if (id === NEW_OFFER) {
          batch(() => {
            setOffer(undefined);
            setForm(reconcile(emptyForm()));
            setLoadState("ready");
          });
        } else if (offer()?.id !== id) {
          void load(id);
        }
      },
    ),
  );

  function update<K extends keyof FormValues>(key: K, value: FormValues[K]) {
    setForm(key, value);
    setDirty(true);
  }

  /** The error summary names the field: "Adresse: Feltet må ikke være tomt." */
  const summary = createMemo<SummaryError[]>(() =>
    errors.errors().map((error) => {
      const label = error.field ? inputLabels[error.field] : undefined;
      return label ? { ...error, message: `${t(label)}: ${error.message}` } : error;
    }),
  );

  function localProblems(): SummaryError[] {
    const problems: SummaryError[] = [];
    for (const key of ["minimum_age", "maximum_age"] as const) {
      if (form[key].trim() && !isAge(form[key])) problems.push({ field: key, message: t("field.ageInvalid") });
    }
    return problems;
  }

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

  function problem(error: unknown) {
    const current = error instanceof ApiError && error.status === 409 ? (error.details?.current as CuratedOffer | undefined) : undefined;
    if (current?.id) {
      batch(() => {
        errors.clear();
        setNews("");
        setConflict(current);
      });
      conflictBox?.focus();
      return;
    }
    errors.fail(error);
  }

  /** POST a new offer or PUT the edit with the version it started from. */
  async function save(): Promise<CuratedOffer | undefined> {
    const local = localProblems();
    if (local.length > 0) {
      errors.setErrors(local);
      return undefined;
    }
    const input = toInput(form, props.centre);
    const current = offer();
    try {
      const answer = current
        ? await apiSend<{ offer: CuratedOffer }>("PUT", offerPath(current.id), lang(), { version: current.version, offer: input })
        : await apiSend<{ offer: CuratedOffer }>("POST", offersPath(props.centre), lang(), input);
      settle(answer.offer, t("editor.saved"));
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

  const onSave = () => run("save", save);

  /** Publish, unpublish, verify (typed changes are saved first) or archive. */
  const onTransition = (transition: Transition) =>
    run(transition, async () => {
      let current = offer();
      if (!current || (dirty() && transition !== "archive")) {
        current = await save();
        if (!current) return;
      }
      try {
        const answer = await apiSend<{ offer: CuratedOffer }>("POST", `${offerPath(current.id)}/${transition}`, lang(), {
          version: current.version,
        });
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
      setNews(t("conflict.taken"));
    });
    newsBox?.focus();
  }

  const conflictFields = createMemo(() => {
    const current = conflict();
    return current ? differences(toInput(form, props.centre), current, t, lang()) : [];
  });

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
      assured_date: offer()?.assured_date ?? today(),
      last_modified: offer()?.last_modified ?? new Date().toISOString(),
    } as Offer;
  };

  const categoryOptions = (): RadioOption[] => categories.map((category) => ({ value: category.id, label: category.name[lang()] }));
  const statusOptions = (): RadioOption[] => statuses.map((status) => ({ value: status, label: t(statusKey(status)) }));
  const freeOptions = (): RadioOption[] => [
    { value: "yes", label: t("field.yes") },
    { value: "no", label: t("field.no") },
  ];

  const heading = () => (offer() ? `${t("editor.editTitle")}: ${offer()!.name}` : t("editor.newTitle"));

  return (
    <Show when={!errors.forbidden()} fallback={<NoAccess />}>
      <p class="status" role="status">
        {loadState() === "loading" ? t("editor.loading") : ""}
      </p>
      <Switch>
        <Match when={loadState() === "missing"}>
          <PageHeading title={t("editor.error")} lead={(loadError() as ApiError | undefined)?.message} />
          <p>
            <A href={`/personale/tilbud${query()}`} class="big-link">
              {t("editor.back")}
            </A>
          </p>
        </Match>
        <Match when={loadState() === "error"}>
          <PageHeading title={t("editor.error")} />
          <LoadError error={loadError()} onRetry={() => void load(params.id)} />
        </Match>
        <Match when={loadState() === "ready" && preview()}>
          <Notice kind="info">
            <p class="notice__title">{t("editor.preview")}</p>
            <p>{t("editor.previewNote")}</p>
            <p>
              <Button onClick={closePreview}>{t("editor.previewBack")}</Button>
            </p>
          </Notice>
          <OfferView offer={previewOffer()} />
        </Match>
        <Match when={loadState() === "ready"}>
          <p class="back">
            <A href={`/personale/tilbud${query()}`} class="back__link">
              <span aria-hidden="true">←</span>
              <span class="back__text">{t("editor.back")}</span>
            </A>
          </p>
          <PageHeading title={heading()} lead={t("editor.lead")} />
          <dl class="facts">
            <div>
              <dt>{t("field.centre")}</dt>
              <dd>{centreName(props.centre as never, lang())}</dd>
            </div>
            <div>
              <dt>{t("staffOffers.state")}</dt>
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
                      <A href={`/tilbud/${current().id}`}>{t("editor.public")}</A>
                    </p>
                  )}
                </Show>
              </Notice>
            </Show>
          </div>

          <Show when={archived()}>
            <Notice kind="warning">
              <p>{t("editor.archived")}</p>
            </Notice>
          </Show>

          <Show when={conflict()}>
            {(current) => (
              <section ref={conflictBox} tabindex="-1" class="notice notice--warning conflict" aria-labelledby="conflict-title">
                <h2 id="conflict-title" class="notice__title">
                  {t("conflict.title")}
                </h2>
                <p>{t("conflict.text")}</p>
                <Show when={conflictFields().length > 0} fallback={<p>{t("conflict.none")}</p>}>
                  <ul class="conflict__list">
                    <For each={conflictFields()}>
                      {(difference) => (
                        <li>
                          <h3>{difference.label}</h3>
                          <dl class="facts facts--stacked">
                            <div>
                              <dt>{t("conflict.mine")}</dt>
                              <dd>{difference.mine}</dd>
                            </div>
                            <div>
                              <dt>{t("conflict.theirs")}</dt>
                              <dd>{difference.theirs}</dd>
                            </div>
                          </dl>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <div class="actions">
                  <Show when={current().publication !== "archived"}>
                    <Button onClick={() => void keepMine()} busy={busy() === "keep"}>
                      {t("conflict.keep")}
                    </Button>
                  </Show>
                  <Button variant="secondary" onClick={takeTheirs}>
                    {t("conflict.take")}
                  </Button>
                </div>
              </section>
            )}
          </Show>

          <ErrorSummary errors={summary()} />

          <form
            class="form editor"
            novalidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!archived()) void onSave();
            }}
          >
            <PageSection title={t("editor.about")} id="editor-about">
              <FormField id="name" label={t("field.name")} hint={t("field.nameHint")} value={form.name} error={errors.at("name")} onInput={(value) => update("name", value)} />
              <FormField
                id="alternate_name"
                label={t("field.alternate_name")}
                hint={t("field.alternate_nameHint")}
                value={form.alternate_name}
                error={errors.at("alternate_name")}
                onInput={(value) => update("alternate_name", value)}
              />
              <RadioGroup
                name="category"
                legend={t("field.category")}
                options={categoryOptions()}
                value={form.category}
                error={errors.at(radioIds.category)}
                onChange={(value) => update("category", value)}
              />
              <TextAreaField
                lix
                id="description"
                label={t("field.description")}
                hint={t("field.descriptionHint")}
                value={form.description}
                error={errors.at("description")}
                rows={6}
                onInput={(value) => update("description", value)}
              />
              <OrganizationPicker
                id="organization_name"
                label={t("field.organization_name")}
                value={{ name: form.organization_name, id: form.organization_id || undefined }}
                error={errors.at("organization_name")}
                onChange={(choice) => {
                  update("organization_name", choice.name);
                  update("organization_id", choice.id ?? "");
                }}
              />
              <RadioGroup
                name="status"
                legend={t("field.status")}
                options={statusOptions()}
                value={form.status}
                error={errors.at(radioIds.status)}
                onChange={(value) => update("status", value)}
              />
            </PageSection>

            <PageSection title={t("editor.whoFor")} id="editor-who">
              <FormField
                id="minimum_age"
                type="number"
                inputmode="numeric"
                label={t("field.minimum_age")}
                hint={t("field.ageHint")}
                value={form.minimum_age}
                error={errors.at("minimum_age")}
                onInput={(value) => update("minimum_age", value)}
              />
              <FormField
                id="maximum_age"
                type="number"
                inputmode="numeric"
                label={t("field.maximum_age")}
                hint={t("field.ageHint")}
                value={form.maximum_age}
                error={errors.at("maximum_age")}
                onInput={(value) => update("maximum_age", value)}
              />
              <TextAreaField
                lix
                id="eligibility_description"
                label={t("field.eligibility_description")}
                value={form.eligibility_description}
                error={errors.at("eligibility_description")}
                onInput={(value) => update("eligibility_description", value)}
              />
              <TextAreaField
                lix
                id="application_process"
                label={t("field.application_process")}
                value={form.application_process}
                error={errors.at("application_process")}
                onInput={(value) => update("application_process", value)}
              />
            </PageSection>

            <PageSection title={t("editor.whenWhere")} id="editor-when">
              <TextAreaField
                lix
                id="schedule_description"
                label={t("field.schedule_description")}
                hint={t("field.scheduleHint")}
                value={form.schedule_description}
                error={errors.at("schedule_description")}
                rows={3}
                onInput={(value) => update("schedule_description", value)}
              />
              <WeeklyTimes times={form.weekly} errorAt={(id) => errors.at(id)} onChange={(times) => update("weekly", times)} />
              <FormField id="area" label={t("field.area")} value={form.area} error={errors.at("area")} onInput={(value) => update("area", value)} />
              <h3>{t("editor.place")}</h3>
              <p class="field__hint">{t("editor.placeHint")}</p>
              <FormField
                id="location_name"
                label={t("field.location_name")}
                value={form.location_name}
                error={errors.at("location_name")}
                onInput={(value) => update("location_name", value)}
              />
              <FormField
                id="location_address_1"
                label={t("field.address_1")}
                autocomplete="off"
                value={form.location_address_1}
                error={errors.at("location_address_1")}
                onInput={(value) => update("location_address_1", value)}
              />
              <FormField
                id="location_postal_code"
                inputmode="numeric"
                autocomplete="off"
                label={t("field.postal_code")}
                value={form.location_postal_code}
                error={errors.at("location_postal_code")}
                onInput={(value) => update("location_postal_code", value)}
              />
              <FormField
                id="location_city"
                label={t("field.city")}
                autocomplete="off"
                value={form.location_city}
                error={errors.at("location_city")}
                onInput={(value) => update("location_city", value)}
              />
              <div class="checkbox">
                <input
                  class="checkbox__input"
                  type="checkbox"
                  id="location_confidential"
                  checked={form.location_confidential}
                  onChange={(event) => update("location_confidential", event.currentTarget.checked)}
                />
                <label class="checkbox__label" for="location_confidential">
                  {t("field.confidential")}
                </label>
              </div>
            </PageSection>

            <PageSection title={t("editor.price")} id="editor-price">
              <RadioGroup
                name="free"
                legend={t("field.free")}
                options={freeOptions()}
                value={form.free}
                error={errors.at(radioIds.free)}
                onChange={(value) => update("free", value as FormValues["free"])}
              />
              <TextAreaField
                lix
                id="fees_description"
                label={t("field.fees_description")}
                value={form.fees_description}
                error={errors.at("fees_description")}
                rows={3}
                onInput={(value) => update("fees_description", value)}
              />
            </PageSection>

            <PageSection title={t("editor.contact")} id="editor-contact">
              <FormField
                id="phone"
                type="tel"
                autocomplete="off"
                label={t("field.phone")}
                value={form.phone}
                error={errors.at("phone")}
                onInput={(value) => update("phone", value)}
              />
              <FormField
                id="email"
                type="email"
                autocomplete="off"
                spellcheck={false}
                autocapitalize="none"
                label={t("field.email")}
                value={form.email}
                error={errors.at("email")}
                onInput={(value) => update("email", value)}
              />
              <FormField
                id="url"
                type="url"
                autocomplete="off"
                spellcheck={false}
                autocapitalize="none"
                label={t("field.url")}
                hint={t("field.urlHint")}
                value={form.url}
                error={errors.at("url")}
                onInput={(value) => update("url", value)}
              />
            </PageSection>

            <PageSection title={t("editor.access")} id="editor-access">
              <fieldset class="checkboxes">
                <legend class="field__label">{t("field.accessibility")}</legend>
                <For each={accessibilityFacts}>
                  {(fact) => (
                    <div class="checkbox">
                      <input
                        class="checkbox__input"
                        type="checkbox"
                        id={`accessibility-${fact.id}`}
                        checked={form.accessibility.includes(fact.id)}
                        onChange={(event) =>
                          update(
                            "accessibility",
                            event.currentTarget.checked ? [...form.accessibility, fact.id] : form.accessibility.filter((id) => id !== fact.id),
                          )
                        }
                      />
                      <label class="checkbox__label" for={`accessibility-${fact.id}`}>
                        {fact.name[lang()]}
                      </label>
                    </div>
                  )}
                </For>
              </fieldset>
              <TextAreaField
                lix
                id="accessibility_notes"
                label={t("field.accessibility_notes")}
                hint={t("field.accessHint")}
                value={form.accessibility_notes}
                error={errors.at("accessibility_notes")}
                rows={3}
                onInput={(value) => update("accessibility_notes", value)}
              />
            </PageSection>

            <div class="actions">
              <Show when={!archived()}>
                <Button type="submit" busy={busy() === "save"}>
                  {publication() === "published" ? t("editor.saveChanges") : t("editor.save")}
                </Button>
              </Show>
              <Button variant="secondary" id="preview-button" onClick={openPreview}>
                {t("editor.preview")}
              </Button>
              <Show when={publication() === "draft"}>
                <Button variant="secondary" busy={busy() === "publish"} onClick={() => void onTransition("publish")}>
                  {t("editor.publish")}
                </Button>
              </Show>
              <Show when={publication() === "published"}>
                <Button variant="secondary" busy={busy() === "verify"} onClick={() => void onTransition("verify")}>
                  {t("staffOffers.verify")}
                </Button>
                <Button variant="secondary" busy={busy() === "unpublish"} onClick={() => void onTransition("unpublish")}>
                  {t("editor.unpublish")}
                </Button>
              </Show>
              <Show when={offer() && !archived()}>
                <Button
                  variant="secondary"
                  id="archive-button"
                  aria-expanded={confirming()}
                  onClick={() => {
                    setConfirming(true);
                    confirmBox?.focus();
                  }}
                >
                  {t("editor.archive")}
                </Button>
              </Show>
            </div>
            <Show when={confirming()}>
              <div ref={confirmBox} tabindex="-1" class="notice notice--warning" role="group" aria-labelledby="archive-ask">
                <p class="notice__title" id="archive-ask">
                  {t("editor.archiveAsk")}
                </p>
                <p>{t("editor.archiveText")}</p>
                <div class="actions">
                  <Button class="button--danger" busy={busy() === "archive"} onClick={() => void onTransition("archive")}>
                    {t("editor.archiveYes")}
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setConfirming(false);
                      document.getElementById("archive-button")?.focus();
                    }}
                  >
                    {t("editor.archiveNo")}
                  </Button>
                </div>
              </div>
            </Show>
          </form>
        </Match>
      </Switch>
    </Show>
  );
}
