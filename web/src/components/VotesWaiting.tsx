import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { api, useCall } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";
import { useSession } from "../lib/session.tsx";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import { Notice } from "./Notice.tsx";

/**
 * "Du har 1 afstemning": the open votes the signed-in member has not voted in, as a link to
 * them, on the front page and My page. Nothing while signed out or with none waiting.
 */
export function VotesWaiting() {
  const { t } = useTexts(siteTexts);
  const session = useSession();
  const call = useCall();
  // The kit's loader, not a bare resource: reading a pending resource would suspend the whole page around it.
  const votes = createLoader(
    () => session.person()?.person_id,
    async (_, signal) => (await call(api.council["my-votes"].count.$get, {}, { signal })).waiting,
  );
  const waiting = () => votes.data() ?? 0;
  return (
    <Show when={waiting() > 0}>
      <Notice kind="info">
        <p class="notice__title">
          <A href="/borgerraadet/mine-afstemninger" class="big-link">
            {waiting() === 1 ? t("site.votesWaiting.one") : t("site.votesWaiting.many", { count: String(waiting()) })}
          </A>
        </p>
      </Notice>
    </Show>
  );
}
