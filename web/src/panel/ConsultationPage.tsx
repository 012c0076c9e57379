import { A, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createSignal, Match, on, Show, Switch } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { AnswerFlow } from "./AnswerFlow.tsx";
import { ConsultationEditor, draftOf, emptyDraft, fieldIdOf, previewOf, toInput, type ConsultationDraft } from "./ConsultationEditor.tsx";
import type { Progress } from "./model.ts";
import { SendingProgress } from "./SendingProgress.tsx";
import { staffPath } from "./StaffPanelPage.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { panelTexts } from "./texts/index.ts";
import { countText } from "./counts.ts";
import { formatDateTime } from "../lib/dates.ts";
import { api, useCall } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";

/** /personale/borgerpanel/:centre/:id ("ny" for a new one): build, preview and publish; then follow the answers. */
export default function ConsultationPage() {
  const { t } = useTexts(panelTexts);
  usePageTitle(() => t("panel.editTitle"));
  return <RequireSignIn roles={["staff", "admin"]}>{() => <Staff />}</RequireSignIn>;
}

function Staff() {
  const { t, lang } = useTexts(panelTexts);
  const params = useParams<{ centre: string; id: string }>();
  const navigate = useNavigate();
  const isNew = () => params.id === "ny";
  const call = useCall();
  const page = createLoader(
    () => !isNew() && { centre: params.centre, id: params.id },
    async (param, signal) => (await call(api.panel.centres[":centre"].consultations[":id"].$get, { param }, { signal })).consultation,
  );
  const [draft, setDraft] = createSignal<ConsultationDraft>(emptyDraft());
  const [previewing, setPreviewing] = createSignal(false);
  const [news, setNews] = createSignal("");
  const [working, setWorking] = createSignal(false);
  /** The invitations' progress as the publish answer gave it; otherwise the progress asks for it. */
  const [sending, setSending] = createSignal<Progress | null>();
  const form = useFormErrors(new Proxy({}, { get: (_target, path) => fieldIdOf(String(path)) }) as Record<string, string>);
  const consultation = page.data;
  // The stored version is what the editor starts from (and shows again after each save).
  createEffect(on(page.data, (c) => c && setDraft(draftOf(c))));
  const editable = () => isNew() || consultation()?.status === "draft";

  async function save(): Promise<string | undefined> {
    form.clear();
    setNews("");
    const body = toInput(draft());
    const answer = isNew()
      ? await call(api.panel.centres[":centre"].consultations.$post, { param: { centre: params.centre } }, { body })
      : await call(api.panel.centres[":centre"].consultations[":id"].$put, { param: { centre: params.centre, id: params.id } }, { body });
    page.set(answer.consultation);
    return answer.consultation.id;
  }

  async function run(action: "save" | "publish") {
    if (working()) return;
    setWorking(true);
    try {
      const id = await save();
      if (action === "publish" && id) {
        const answer = await call(api.panel.centres[":centre"].consultations[":id"].publish.$post, { param: { centre: params.centre, id } });
        setSending(answer.sending);
        page.set(answer.consultation);
        setNews(t("panel.published", { count: countText(answer.consultation.invited_count, t) }));
      } else setNews(t("panel.saved"));
      if (isNew() && id) navigate(staffPath(params.centre, id), { replace: true });
    } catch (error) {
      form.fail(error);
    } finally {
      setWorking(false);
    }
  }

  return (
    <>
      <PageHeading title={consultation()?.title || t("panel.editTitle")} />
      <p class="status" role="status">
        {page.loading() ? t("panel.loading") : news()}
      </p>
      <Show when={page.error()}>{(error) => <LoadError error={error()} onRetry={page.reload} />}</Show>
      <ErrorSummary errors={form.errors()} />
      <Show when={!page.loading() && !page.error()}>
        <Switch>
          <Match when={editable()}>
            <form
              class="form"
              novalidate
              onSubmit={(event) => {
                event.preventDefault();
                void run("save");
              }}
            >
              <ConsultationEditor centre={params.centre} draft={draft()} onChange={setDraft} errorAt={form.at} />
              <div class="actions">
                <Button type="submit" busy={working()}>
                  {t("panel.save")}
                </Button>
                <Button variant="secondary" aria-expanded={previewing()} onClick={() => setPreviewing(!previewing())}>
                  {previewing() ? t("panel.previewEnd") : t("panel.preview")}
                </Button>
                <Button variant="secondary" busy={working()} onClick={() => void run("publish")}>
                  {t("panel.publish")}
                </Button>
              </div>
            </form>
          </Match>
          <Match when={consultation()}>
            {(c) => (
              <PageSection id="panel-monitor" title={t("panel.monitorTitle")}>
                <p>
                  <span class="badge">{t(`panel.status.${c().status}`)}</span>
                </p>
                <SendingProgress centre={params.centre} id={c().id} initial={sending()} />
                <p>{t("panel.staffAnswers", { count: countText(c().answer_count, t), invited: countText(c().invited_count, t) })}</p>
                <p>
                  {t("panel.opensAt")}: {formatDateTime(c().opens_at, lang())}. {t("panel.closesAt")}: {formatDateTime(c().closes_at, lang())}.
                </p>
                <ul class="link-list">
                  <li>
                    <A class="big-link" href={`${staffPath(params.centre, c().id)}/resultat`}>
                      {t("panel.seeStaffResults")}
                    </A>
                  </li>
                </ul>
                <Button variant="secondary" aria-expanded={previewing()} onClick={() => setPreviewing(!previewing())}>
                  {previewing() ? t("panel.previewEnd") : t("panel.preview")}
                </Button>
              </PageSection>
            )}
          </Match>
        </Switch>
        <Show when={previewing()}>
          <section class="preview" aria-labelledby="panel-preview-title">
            <h2 id="panel-preview-title">{t("panel.previewTitle")}</h2>
            <Notice>
              <p class="lead">{draft().title}</p>
            </Notice>
            <AnswerFlow consultation={previewOf(draft())} idPrefix="preview" />
          </section>
        </Show>
      </Show>
      <p>
        <A class="big-link" href="/personale/borgerpanel">
          {t("panel.staffBack")}
        </A>
      </p>
    </>
  );
}
