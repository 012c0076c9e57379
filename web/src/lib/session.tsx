import { createContext, createSignal, onMount, useContext, type Accessor, type ParentProps } from "solid-js";
import { api, request, type Answer } from "./api.ts";
import { useLanguage } from "./language.tsx";

/**
 * Who is signed in, for the whole site. Loaded once when the site starts (GET
 * /api/identity/session, which never answers 401) and changed by sign-in and sign-out.
 * This part is in the first bundle (the header needs it); the identity pages are lazy.
 */

export type SessionPerson = NonNullable<Answer<typeof api.identity.session.$get>["person"]>;
/** The person as /api/me and sign-in answer with it. */
export type Person = Answer<typeof api.me.$get>["person"];

export type SessionStatus = "loading" | "ready" | "error";

export type Session = {
  status: Accessor<SessionStatus>;
  person: Accessor<SessionPerson | null>;
  /** Asks the API again who is signed in. */
  refresh: () => Promise<void>;
  /** After a sign-in, or after the person changed their name or language. */
  signedIn: (person: Person) => void;
  /** After sign-out, deletion, or a 401 from the API. */
  signedOut: () => void;
};

export const fromPerson = (person: Person): SessionPerson => ({
  person_id: person.id,
  display_name: person.display_name,
  language: person.language,
  grants: person.grants,
});

const SessionContext = createContext<Session>();

export function SessionProvider(props: ParentProps) {
  const { lang } = useLanguage();
  const [status, setStatus] = createSignal<SessionStatus>("loading");
  const [person, setPerson] = createSignal<SessionPerson | null>(null);

  // Bumped by every sign-in and sign-out, so an older answer never overwrites a newer fact.
  let version = 0;

  async function refresh() {
    const asked = version;
    try {
      const answer = await request(lang(), api.identity.session.$get, {});
      if (asked !== version) return;
      setPerson(answer.signed_in ? answer.person : null);
      setStatus("ready");
    } catch {
      if (asked !== version) return;
      // Offline or the API is down: pages that need a person show the problem and a retry.
      setStatus((current) => (current === "ready" ? "ready" : "error"));
    }
  }

  onMount(() => void refresh());

  const session: Session = {
    status,
    person,
    refresh,
    signedIn: (signedInPerson) => {
      version += 1;
      setPerson(fromPerson(signedInPerson));
      setStatus("ready");
    },
    signedOut: () => {
      version += 1;
      setPerson(null);
      setStatus("ready");
    },
  };

  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error("useSession must be used inside <SessionProvider>");
  return context;
}
