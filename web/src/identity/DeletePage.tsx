import { A, useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { apiSend, apiUrl, NetworkError } from "../api.ts";
import { Button } from "../components/Button.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "../i18n/index.tsx";
import type { HomeNotice } from "../pages/Home.tsx";
import { RequireSignIn, useSignInRedirect } from "./access.tsx";
import { hasRole, useSession } from "./session.tsx";

/** /min-side/slet: says plainly what goes and that it cannot be undone, then one button. */
export default function DeletePage() {
  const { t, lang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const redirect = useSignInRedirect();
  usePageTitle(() => t("delete.title"));
  const [deleting, setDeleting] = createSignal(false);
  const [problem, setProblem] = createSignal<unknown>();

  async function erase() {
    if (deleting()) return;
    setDeleting(true);
    setProblem(undefined);
    try {
      await apiSend("DELETE", "/me", lang());
      navigate("/", { replace: true, state: { notice: "deleted" } satisfies HomeNotice });
      session.signedOut();
    } catch (error) {
      setDeleting(false);
      if (redirect(error)) return;
      setProblem(() => error);
    }
  }

  return (
    <RequireSignIn>
      {(person) => (
        <>
          <PageHeading title={t("delete.title")} lead={t("delete.lead")} />
          <h2 class="section-title">{t("delete.what")}</h2>
          <ul class="bullets">
            <li>{t("delete.name")}</li>
            <li>{t("delete.roles")}</li>
            <li>{t("delete.sessions")}</li>
            <Show when={hasRole(person(), "staff", "admin")}>
              <li>{t("delete.password")}</li>
            </Show>
          </ul>
          <Notice kind="warning">
            <p class="notice__title">{t("delete.final")}</p>
            <p>{t("delete.after")}</p>
            <Show when={hasRole(person(), "staff", "admin")}>
              <p>{t("delete.log")}</p>
            </Show>
          </Notice>
          <p>{t("delete.first")}</p>
          <p>
            <a href={apiUrl("/me/export")} download="naerhed-mine-data.json">
              {t("me.download")}
            </a>
          </p>
          <Show when={problem()}>
            {(error) => (
              <Notice kind="warning" title={t("delete.failed")} announce="assertive">
                <p>{error() instanceof NetworkError ? t("error.offline") : t("error.tryLater")}</p>
              </Notice>
            )}
          </Show>
          <div class="actions">
            <Button class="button--danger" onClick={() => void erase()} busy={deleting()}>
              {t("delete.confirm")}
            </Button>
            <A href="/min-side" class="big-link">
              {t("delete.cancel")}
            </A>
          </div>
        </>
      )}
    </RequireSignIn>
  );
}
