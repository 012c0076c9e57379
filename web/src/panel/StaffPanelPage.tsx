import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { apiGet } from "../api.ts";
import { LoadError } from "../components/LoadError.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { staffCentres } from "../directory/staff/centres.tsx";
import { useI18n } from "./texts.ts";
import { RequireSignIn } from "../identity/access.tsx";
import type { SessionPerson } from "../identity/session.tsx";
import { useLoad } from "../components/load.ts";
import { countText } from "./counts.ts";
import { centreName, formatTime, type Consultation } from "./model.ts";

export const staffPath = (centre: string, id?: string) => `/personale/borgerpanel/${encodeURIComponent(centre)}${id ? `/${id}` : ""}`;
export const apiPath = (centre: string, id?: string) => `/panel/centres/${encodeURIComponent(centre)}/consultations${id ? `/${id}` : ""}`;

/** /personale/borgerpanel: the consultations of each centre the person is staff of (admins: every centre). */
export default function StaffPanelPage() {
  const { t } = useI18n();
  usePageTitle(() => t("panel.staffTitle"));
  return <RequireSignIn roles={["staff", "admin"]}>{(person) => <StaffList person={person()} />}</RequireSignIn>;
}

function StaffList(props: { person: SessionPerson }) {
  const { t, lang } = useI18n();
  const centres = () => staffCentres(props.person);
  const page = useLoad(async (signal) =>
    Promise.all(centres().map(async (centre) => ({ centre, items: (await apiGet<{ items: Consultation[] }>(apiPath(centre), lang(), signal)).items }))),
  );
  return (
    <>
      <PageHeading title={t("panel.staffTitle")} />
      <p class="status" role="status">
        {page.loading() ? t("panel.loading") : ""}
      </p>
      <Show when={page.error()}>{(error) => <LoadError error={error()} onRetry={() => void page.reload()} />}</Show>
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
                        <span class="tag">{t(`panel.status.${c.status}`)}</span>
                      </p>
                      <Show when={c.status !== "draft"}>
                        <p class="small">
                          {t("panel.staffAnswers", { count: countText(c.answer_count, t), invited: countText(c.invited_count, t) })} {t("panel.closesAt")}: {formatTime(c.closes_at, lang())}
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
