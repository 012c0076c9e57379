import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, onMount, Show } from "solid-js";
import { ApiError, apiSend, NetworkError } from "../api.ts";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "../i18n/index.tsx";
import { useSession, type Person } from "./session.tsx";
import { forgetSignIn } from "./sign-in-state.ts";

/** /logind/link?c=&t=: the link in the mail. Signs in at once and goes to My page. */
export default function LinkPage() {
  const { t, lang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ c?: string; t?: string }>();
  const [problem, setProblem] = createSignal<string>();
  usePageTitle(() => (problem() ? t("link.failedTitle") : t("link.title")));

  onMount(async () => {
    if (!params.c || !params.t) return setProblem(t("link.broken"));
    try {
      const { person } = await apiSend<{ person: Person }>("POST", "/identity/sign-in/verify", lang(), {
        challenge_id: params.c,
        token: params.t,
      });
      forgetSignIn();
      session.signedIn(person);
      navigate("/min-side", { replace: true });
    } catch (error) {
      if (error instanceof ApiError) setProblem(error.fields[0]?.message ?? error.message);
      else if (error instanceof NetworkError) setProblem(t("error.offline"));
      else throw error;
    }
  });

  return (
    <>
      <PageHeading title={problem() ? t("link.failedTitle") : t("link.title")} />
      <p class="status" role="status">
        {problem() ? "" : t("link.working")}
      </p>
      <Show when={problem()}>
        {(message) => (
          <>
            <Notice kind="warning" announce="assertive">
              <p>{message()}</p>
            </Notice>
            <p>
              <A href="/logind" class="big-link">
                {t("link.again")}
              </A>
            </p>
          </>
        )}
      </Show>
    </>
  );
}
