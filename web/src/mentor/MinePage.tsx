import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { LoadError } from "../components/LoadError.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { mentorTexts } from "./texts/index.ts";
import { api, useCall, type Answer } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";

type PairView = Answer<typeof api.mentor.me.$get>["mentoring"][number];

/** /mentorordningen/mine: my mentor profile, the people I mentor, and my requests (my mentor, my goals). */
export default function MinePage() {
  const { t } = useTexts(mentorTexts);
  usePageTitle(() => t("mentor.mine.title"));
  return <RequireSignIn>{() => <Mine />}</RequireSignIn>;
}

export function PairLinks(props: { pairs: PairView[]; name: (pair: PairView) => string }) {
  const { t } = useTexts(mentorTexts);
  return (
    <Show when={props.pairs.length > 0} fallback={<p>{t("mentor.mine.none")}</p>}>
      <ul class="link-list">
        <For each={props.pairs}>
          {(pair) => (
            <li>
              <A href={`/mentorordningen/forloeb/${pair.id}`} class="big-link">
                {t("mentor.mine.open", { name: props.name(pair) })}
              </A>{" "}
              <span class="badge">{t(`mentor.state.${pair.state}`)}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function Mine() {
  const { t } = useTexts(mentorTexts);
  const call = useCall();
  const mine = createLoader(
    () => true,
    (_, signal) => call(api.mentor.me.$get, {}, { signal }),
  );
  return (
    <>
      <PageHeading title={t("mentor.mine.title")} />
      <Show when={mine.error()}>{(problem) => <LoadError error={problem()} onRetry={mine.reload} />}</Show>
      <Show when={mine.data()} fallback={<p class="status" role="status">{mine.error() ? "" : t("mentor.loading")}</p>}>
        {(data) => (
          <>
            <Show when={data().mentor}>
              {(mentor) => (
                <PageSection id="mine-profile" title={t("mentor.mine.profile")}>
                  <p>{t(`mentor.mine.status.${mentor().status}`)}</p>
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
