/**
 * What the code page needs from the sign-in page: which email the code went to (shown as
 * "Vi har sendt en mail til …") and where to go afterwards. Kept in sessionStorage, not in
 * the address, so the email never ends up in logs or history.
 */
export type PendingSignIn = { challenge_id: string; email: string; returnTo?: string };

const KEY = "naerhed.signIn";

export function rememberSignIn(pending: PendingSignIn): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(pending));
  } catch {
    // Storage turned off: the code page says "til dig" instead of the address.
  }
}

export function pendingSignIn(): PendingSignIn | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as PendingSignIn | null;
    return value && typeof value.challenge_id === "string" && typeof value.email === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

export function forgetSignIn(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
