import { A } from "@solidjs/router";
import type { MentorView } from "@naerhed/core/mentor/mentors";
import type { PairView } from "@naerhed/core/mentor/pairs";
import { For, Show } from "solid-js";
import { LoadError } from "../components/LoadError.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n, type MentorKey } from "./texts.ts";
import { RequireSignIn } from "../identity/access.tsx";
import { apiGet } from "../api.ts";
import { useLoad } from "../components/load.ts";

type Mine = { mentor: MentorView | null; mentoring: PairView[]; asked: PairView[] };

/** /mentorordningen/mine: my mentor profile, the people I mentor, and my requests (my mentor, my goals). */
export default function MinePage() {
  const { t } = useI18n();
  usePageTitle(() => t("mentor.mine.title"));
  return <RequireSignIn>{() => <Mine />}</RequireSignIn>;
}

export function PairLinks(props: { pairs: PairView[]; name: (pair: PairView) => string }) {
  const { t } = useI18n();
  return (
    <Show when={props.pairs.length > 0} fallback={<p>{t("mentor.mine.none")}</p>}>
      <ul class="link-list">
        <For each={props.pairs}>
          {(pair) => (
            <li>
              <A href={`/mentorordningen/forloeb/${pair.id}`} class="big-link">
                {t("mentor.mine.open", { name: props.name(pair) })}
              </A>{" "}
              <span class="tag">{t(`mentor.state.${pair.state}` as MentorKey)}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function Mine() {
  const { t, lang } = useI18n();
  const mine = useLoad((signal) => apiGet<Mine>("/mentor/me", lang(), signal));
  return (
    <>
      <PageHeading title={t("mentor.mine.title")} />
      <Show when={mine.error()}>{(problem) => <LoadError error={problem()} onRetry={() => void mine.reload()} />}</Show>
      <Show when={mine.data()} fallback={<p class="status" role="status">{mine.error() ? "" : t("mentor.loading")}</p>}>
        {(data) => (
          <>
            <Show when={data().mentor}>
              {(mentor) => (
                <PageSection id="mine-profile" title={t("mentor.mine.profile")}>
                  <p>{t(`mentor.mine.status.${mentor().status}` as MentorKey)}</p>
                </PageSection>
              )}
            </Show>
            <Show when={data().mentor || data().mentoring.length > 0}>
              <PageSection id="mine-mentoring" title={t("mentor.mine.mentoring")}>
                <PairLinks pairs={data().mentoring} name={(pair) => pair.mentee_name} />
              </PageSection>
            </Show>
            <PageSection id="mine-asked" title={t("mentor.mine.asked")}>
              <PairLinks pairs={data().asked} name={(pair) => pair.mentor_name ?? pair.mentee_name} />
            </PageSection>
          </>
        )}
      </Show>
    </>
  );
}
