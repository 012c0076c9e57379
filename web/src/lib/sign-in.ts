import { useLocation, useNavigate } from "@solidjs/router";
import { ApiError } from "./api.ts";
import { useSession } from "./session.tsx";

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
