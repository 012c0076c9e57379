import { hasAnyRole, type Role } from "@naerhed/core/identity/roles";
import { Navigate, useLocation } from "@solidjs/router";
import { createEffect, createSignal, Match, Switch, type Accessor, type JSX } from "solid-js";
import { useSession, type SessionPerson } from "../lib/session.tsx";
import { signInPath, type SignInNotice } from "../lib/sign-in.ts";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import { Button } from "./Button.tsx";
import { NoAccess } from "./NoAccess.tsx";
import { Notice } from "./Notice.tsx";
import { PageHeading } from "./PageHeading.tsx";

/**
 * Shows its content only to a signed-in person (with one of `roles` somewhere, if given; what
 * they may do at each centre the API says). Signed out: to /logind with the way back. Wrong role: "Du har ikke adgang".
 */
export function RequireSignIn(props: { roles?: Role[]; children: (person: Accessor<SessionPerson>) => JSX.Element }) {
  const { t } = useTexts(siteTexts);
  const session = useSession();
  const location = useLocation();
  const allowed = () => {
    const person = session.person();
    return person && (!props.roles || hasAnyRole(person, props.roles)) ? person : undefined;
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
          {t("site.access.checking")}
        </p>
      </Match>
      <Match when={shown()}>{(person) => props.children(person)}</Match>
      <Match when={session.status() === "error" && !session.person()}>
        <PageHeading title={t("site.access.error")} />
        <Notice kind="warning" announce="assertive">
          <p>{t("site.error.offline")}</p>
          <p>
            <Button onClick={() => void session.refresh()}>{t("site.error.retry")}</Button>
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
