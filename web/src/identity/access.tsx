import { A, Navigate, useLocation, useNavigate } from "@solidjs/router";
import { createEffect, createSignal, Match, Switch, type Accessor, type JSX } from "solid-js";
import { Button } from "../components/Button.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { ApiError, apiGet } from "../api.ts";
import { useI18n, type Language } from "../i18n/index.tsx";
import { hasRole, useSession, type Role, type SessionPerson } from "./session.tsx";

/** Why the sign-in page was opened by another page (navigation state). */
export type SignInNotice = { notice?: "required" | "expired" };

/** Only paths inside the site, and never back to the sign-in pages. */
export function safeReturnPath(path: string | undefined | null): string | undefined {
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return undefined;
  if (path === "/logind" || path.startsWith("/logind/") || path.startsWith("/logind?")) return undefined;
  return path;
}

export function signInPath(returnTo?: string): string {
  const safe = safeReturnPath(returnTo);
  return safe ? `/logind?til=${encodeURIComponent(safe)}` : "/logind";
}

/**
 * For pages that need a signed-in person: sends them to /logind with the way back, and with
 * the API's message when a session ended (401 session_expired).
 */
export function useSignInRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  /** For a 401 from the API: to sign-in (and back here after), saying why; true when it was one. */
  return (error: unknown): boolean => {
    if (!(error instanceof ApiError) || error.status !== 401) return false;
    session.signedOut();
    navigate(signInPath(location.pathname + location.search), {
      replace: true,
      state: { notice: error.code === "session_expired" ? "expired" : "required" } satisfies SignInNotice,
    });
    return true;
  };
}

/**
 * Reads for a page that needs a signed-in person: a 401 sends them to sign in (useSignInRedirect)
 * and the page holds `whileLeaving` meanwhile; any other problem is thrown, for the page's LoadError.
 */
export function useSignedInGet() {
  const redirect = useSignInRedirect();
  return async <T,>(path: string, language: Language, whileLeaving: T): Promise<T> => {
    try {
      return await apiGet<T>(path, language);
    } catch (error) {
      if (redirect(error)) return whileLeaving;
      throw error;
    }
  };
}

/** 403: a plain page that says so. */
export function NoAccess() {
  const { t } = useI18n();
  usePageTitle(() => t("access.deniedTitle"));
  return (
    <>
      <PageHeading title={t("access.deniedTitle")} lead={t("access.denied")} />
      <p>{t("access.help")}</p>
      <p>
        <A href="/" class="big-link">
          {t("access.home")}
        </A>
      </p>
    </>
  );
}

/**
 * Shows its content only to a signed-in person (with one of `roles`, if given). Signed out:
 * to /logind with the way back. Wrong role: "Du har ikke adgang".
 */
export function RequireSignIn(props: { roles?: Role[]; children: (person: Accessor<SessionPerson>) => JSX.Element }) {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  const allowed = () => {
    const person = session.person();
    return person && (!props.roles || hasRole(person, ...props.roles)) ? person : undefined;
  };
  // When the person signs out (or deletes themselves) from this page, the page itself moves
  // on: keep showing it until then instead of sending them to /logind.
  const [last, setLast] = createSignal<SessionPerson>();
  createEffect(() => {
    const person = allowed();
    if (person) setLast(person);
  });
  const shown = () => allowed() ?? (session.person() ? undefined : last());

  return (
    <Switch>
      <Match when={session.status() === "loading"}>
        <p class="status" role="status">
          {t("access.checking")}
        </p>
      </Match>
      <Match when={shown()}>{(person) => props.children(person)}</Match>
      <Match when={session.status() === "error" && !session.person()}>
        <PageHeading title={t("me.error")} />
        <Notice kind="warning" announce="assertive">
          <p>{t("error.offline")}</p>
          <p>
            <Button onClick={() => void session.refresh()}>{t("error.retry")}</Button>
          </p>
        </Notice>
      </Match>
      <Match when={!session.person()}>
        <Navigate href={() => signInPath(location.pathname + location.search)} state={{ notice: "required" } satisfies SignInNotice} />
      </Match>
      <Match when={session.person()}>
        <NoAccess />
      </Match>
    </Switch>
  );
}
