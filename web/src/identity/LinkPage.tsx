import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, onMount, Show } from "solid-js";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { forgetSignIn } from "./sign-in-state.ts";
import { api, ApiError, NetworkError, useCall } from "../lib/api.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useSession } from "../lib/session.tsx";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import { identityTexts } from "./texts/index.ts";

/** /logind/link?c=&t=: the link in the mail. Signs in at once and goes to My page. */
export default function LinkPage() {
  const { t } = useTexts(identityTexts);
  const site = useTexts(siteTexts);
  const call = useCall();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ c?: string; t?: string }>();
  const [problem, setProblem] = createSignal<string>();
  usePageTitle(() => (problem() ? t("identity.link.failedTitle") : t("identity.link.title")));

  onMount(async () => {
    if (!params.c || !params.t) return setProblem(t("identity.link.broken"));
    try {
      const { person } = await call(api.identity["sign-in"].verify.$post, {}, { body: { challenge_id: params.c, token: params.t } });
      forgetSignIn();
      session.signedIn(person);
      navigate("/min-side", { replace: true });
    } catch (error) {
      if (error instanceof ApiError) setProblem(error.fields[0]?.message ?? error.message);
      else if (error instanceof NetworkError) setProblem(site.t("site.error.offline"));
      else throw error;
    }
  });

  return (
    <>
      <PageHeading title={problem() ? t("identity.link.failedTitle") : t("identity.link.title")} />
      <p class="status" role="status">
        {problem() ? "" : t("identity.link.working")}
      </p>
      <Show when={problem()}>
        {(message) => (
          <>
            <Notice kind="warning" announce="assertive">
              <p>{message()}</p>
            </Notice>
            <p>
              <A href="/logind" class="big-link">
                {t("identity.link.again")}
              </A>
            </p>
          </>
        )}
      </Show>
    </>
  );
}
