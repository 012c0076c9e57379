import { createSignal, onCleanup, onMount } from "solid-js";
import { useSignInRedirect } from "../identity/access.tsx";

/**
 * Loads what a page shows: `loading` while it comes, `error` when it failed (a 401 goes to
 * sign-in instead), and `reload` for the retry button. A newer load cancels an older one.
 */
export function useLoad<T>(fetcher: (signal: AbortSignal) => Promise<T>) {
  const redirect = useSignInRedirect();
  const [data, setData] = createSignal<T>();
  const [error, setError] = createSignal<unknown>();
  const [loading, setLoading] = createSignal(true);
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());

  async function reload() {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    setLoading(true);
    setError(undefined);
    try {
      const value = await fetcher(signal);
      setData(() => value);
    } catch (failure) {
      if (signal.aborted || redirect(failure)) return;
      setError(() => failure);
    } finally {
      if (!signal.aborted) setLoading(false);
    }
  }
  onMount(() => void reload());
  return { data, setData, error, loading, reload };
}
