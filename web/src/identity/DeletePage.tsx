import { A, useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import type { HomeNotice } from "../pages/Home.tsx";
import { hasAnyRole } from "@naerhed/core/identity/roles";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, apiUrl, NetworkError, useCall } from "../lib/api.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useSession } from "../lib/session.tsx";
import { useSignInRedirect } from "../lib/sign-in.ts";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import { identityTexts } from "./texts/index.ts";

/** /min-side/slet: says plainly what goes and that it cannot be undone, then one button. */
export default function DeletePage() {
  const { t } = useTexts(identityTexts);
  const site = useTexts(siteTexts);
  const call = useCall();
  const session = useSession();
  const navigate = useNavigate();
  const redirect = useSignInRedirect();
  usePageTitle(() => t("identity.delete.title"));
  const [deleting, setDeleting] = createSignal(false);
  const [problem, setProblem] = createSignal<unknown>();

  async function erase() {
    if (deleting()) return;
    setDeleting(true);
    setProblem(undefined);
    try {
      await call(api.me.$delete, {});
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
          <PageHeading title={t("identity.delete.title")} lead={t("identity.delete.lead")} />
          <h2 class="section-title">{t("identity.delete.what")}</h2>
          <ul class="bullets">
            <li>{t("identity.delete.name")}</li>
            <li>{t("identity.delete.roles")}</li>
            <li>{t("identity.delete.sessions")}</li>
            <Show when={hasAnyRole(person(), ["staff", "admin"])}>
              <li>{t("identity.delete.password")}</li>
            </Show>
          </ul>
          <Notice kind="warning">
            <p class="notice__title">{t("identity.delete.final")}</p>
            <p>{t("identity.delete.after")}</p>
            <Show when={hasAnyRole(person(), ["staff", "admin"])}>
              <p>{t("identity.delete.log")}</p>
            </Show>
          </Notice>
          <p>{t("identity.delete.first")}</p>
          <p>
            <a href={apiUrl(api.me.export.$path())} download="naerhed-mine-data.json">
              {t("identity.me.download")}
            </a>
          </p>
          <Show when={problem()}>
            {(error) => (
              <Notice kind="warning" title={t("identity.delete.failed")} announce="assertive">
                <p>{error() instanceof NetworkError ? site.t("site.error.offline") : site.t("site.error.tryLater")}</p>
              </Notice>
            )}
          </Show>
          <div class="actions">
            <Button variant="danger" onClick={() => void erase()} busy={deleting()}>
              {t("identity.delete.confirm")}
            </Button>
            <A href="/min-side" class="big-link">
              {t("identity.delete.cancel")}
            </A>
          </div>
        </>
      )}
    </RequireSignIn>
  );
}
