import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { LoadError } from "../components/LoadError.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { usePageTitle } from "../lib/navigation.ts";
import type { SessionPerson } from "../lib/session.tsx";
import { useTexts } from "../lib/texts.ts";
import { panelTexts } from "./texts/index.ts";
import { countText } from "./counts.ts";
import { formatDateTime } from "../lib/dates.ts";
import { centreName, myCentres } from "../lib/site.ts";
import { api, useCall } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";

export const staffPath = (centre: string, id?: string) => `/personale/borgerpanel/${encodeURIComponent(centre)}${id ? `/${id}` : ""}`;

/** /personale/borgerpanel: the consultations of each centre the person is staff of (admins: every centre). */
export default function StaffPanelPage() {
  const { t } = useTexts(panelTexts);
  usePageTitle(() => t("panel.staffTitle"));
  return <RequireSignIn roles={["staff", "admin"]}>{(person) => <StaffList person={person()} />}</RequireSignIn>;
}

function StaffList(props: { person: SessionPerson }) {
  const { t, lang } = useTexts(panelTexts);
  const call = useCall();
  const page = createLoader(
    () => myCentres(props.person),
    (centres, signal) =>
      Promise.all(centres.map(async (centre) => ({ centre, items: (await call(api.panel.centres[":centre"].consultations.$get, { param: { centre } }, { signal })).items }))),
  );
  return (
    <>
      <PageHeading title={t("panel.staffTitle")} />
      <p class="status" role="status">
        {page.loading() ? t("panel.loading") : ""}
      </p>
      <Show when={page.error()}>{(error) => <LoadError error={error()} onRetry={page.reload} />}</Show>
      <For each={page.data()}>
        {(group) => (
          <PageSection id={`panel-centre-${group.centre}`} title={centreName(group.centre, lang())}>
            <p>
              <A class="big-link" href={staffPath(group.centre, "ny")}>
                {t("panel.staffNew")}
              </A>
            </p>
            <Show when={group.items.length > 0} fallback={<p>{t("panel.staffNone")}</p>}>
              <ul class="cards">
                <For each={group.items}>
                  {(c) => (
                    <li class="card">
                      <h3 class="card__title">
                        <A class="card__link" href={staffPath(group.centre, c.id)}>
                          {c.title}
                        </A>
                      </h3>
                      <p>
                        <span class="badge">{t(`panel.status.${c.status}`)}</span>
                      </p>
                      <Show when={c.status !== "draft"}>
                        <p class="small">
                          {t("panel.staffAnswers", { count: countText(c.answer_count, t), invited: countText(c.invited_count, t) })} {t("panel.closesAt")}: {formatDateTime(c.closes_at, lang())}
                        </p>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </PageSection>
        )}
      </For>
    </>
  );
}
