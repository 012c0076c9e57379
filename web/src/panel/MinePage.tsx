import { A, useLocation } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import type { PanelNotice } from "./JoinPage.tsx";
import type { MemberConsultation } from "./model.ts";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { panelTexts } from "./texts/index.ts";
import { formatDateTime } from "../lib/dates.ts";
import { api, useCall } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";

/** /borgerpanelet/mine: the member's consultations (open, answered, later, closed), their membership and leaving. */
export default function MinePage() {
  const { t } = useTexts(panelTexts);
  usePageTitle(() => t("panel.mineTitle"));
  return <RequireSignIn>{() => <Mine />}</RequireSignIn>;
}

function Mine() {
  const { t, lang } = useTexts(panelTexts);
  const location = useLocation<PanelNotice>();
  const call = useCall();
  const page = createLoader(
    () => true,
    async (_, signal) => {
      const [{ member }, { items }] = await Promise.all([
        call(api.panel.membership.$get, {}, { signal }),
        call(api.panel.consultations.$get, {}, { signal }),
      ]);
      return { member, items };
    },
  );
  const [left, setLeft] = createSignal(false);
  const form = useFormErrors();

  const items = () => page.data()?.items ?? [];
  const open = () => items().filter((c) => c.open && !c.answered);
  const answered = () => items().filter((c) => c.answered);
  const later = () => items().filter((c) => !c.answered && !c.open && c.opens_at > new Date().toISOString());
  const closed = () => items().filter((c) => !c.answered && !c.open && c.opens_at <= new Date().toISOString());

  const leave = () =>
    form.send(async () => {
      await call(api.panel.membership.$delete, {});
      setLeft(true);
      await page.reload();
    });

  return (
    <>
      <PageHeading title={t("panel.mineTitle")} />
      <Show when={location.state?.notice === "joined" && !left()}>
        <Notice kind="success" announce="polite">
          <p>{t("panel.joined")}</p>
        </Notice>
      </Show>
      <Show when={location.state?.notice === "draftSaved"}>
        <Notice kind="success" announce="polite">
          <p>{t("panel.draftSaved")}</p>
        </Notice>
      </Show>
      <Show when={left()}>
        <Notice kind="success" announce="polite">
          <p>{t("panel.left")}</p>
        </Notice>
      </Show>
      <ErrorSummary errors={form.errors()} />
      <p class="status" role="status">
        {page.loading() ? t("panel.loading") : ""}
      </p>
      <Show when={page.error()}>{(error) => <LoadError error={error()} onRetry={page.reload} />}</Show>
      <Show when={page.data()}>
        <PageSection id="panel-open" title={t("panel.openTitle")}>
          <Show when={open().length > 0} fallback={<p>{t("panel.openNone")}</p>}>
            <ul class="cards">
              <For each={open()}>
                {(c) => (
                  <li class="card">
                    <h3 class="card__title">
                      <A class="card__link" href={`/borgerpanelet/svar/${c.id}`}>
                        {t("panel.answerNow", { title: c.title })}
                      </A>
                    </h3>
                    <p>{c.intro}</p>
                    <p class="small">{t("panel.closes", { date: formatDateTime(c.closes_at, lang()) })}</p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </PageSection>
        <Show when={later().length > 0}>
          <PageSection id="panel-later" title={t("panel.laterTitle")}>
            <ul class="bullets">
              <For each={later()}>{(c) => <li>{`${c.title}. ${t("panel.opens", { date: formatDateTime(c.opens_at, lang()) })}`}</li>}</For>
            </ul>
          </PageSection>
        </Show>
        <PageSection id="panel-answered" title={t("panel.answeredTitle")}>
          <Show when={answered().length > 0} fallback={<p>{t("panel.answeredNone")}</p>}>
            <TitlesWithResults items={answered()} />
          </Show>
        </PageSection>
        <Show when={closed().length > 0}>
          <PageSection id="panel-closed" title={t("panel.closedTitle")}>
            <TitlesWithResults items={closed()} />
          </PageSection>
        </Show>
        <PageSection id="panel-membership" title={t("panel.youTitle")}>
          <Show
            when={page.data()!.member}
            fallback={
              <>
                <p>{t("panel.notMember")}</p>
                <p>
                  <A class="big-link" href="/borgerpanelet/tilmeld">
                    {t("panel.joinLink")}
                  </A>
                </p>
              </>
            }
          >
            {(member) => (
              <>
                <p>{t("panel.joinedAt", { date: formatDateTime(member().joined_at, lang()) })}</p>
                <p>
                  <A class="big-link" href="/borgerpanelet/tilmeld">
                    {t("panel.changeProfile")}
                  </A>
                </p>
                <p id="panel-leave-hint">{t("panel.leaveHint")}</p>
                <Button variant="secondary" busy={form.sending()} aria-describedby="panel-leave-hint" onClick={() => void leave()}>
                  {t("panel.leave")}
                </Button>
              </>
            )}
          </Show>
        </PageSection>
      </Show>
    </>
  );
}

/** Consultations by title; a title links to the results once they are published. */
function TitlesWithResults(props: { items: MemberConsultation[] }) {
  return (
    <ul class="bullets">
      <For each={props.items}>
        {(c) => (
          <li>
            <Show when={c.status === "results_published"} fallback={c.title}>
              <A href={`/borgerpanelet/resultater/${c.id}`}>{c.title}</A>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
