import { createSignal, onMount } from "solid-js";
import { apiGet } from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { useSignInRedirect } from "../identity/access.tsx";

/** Loads one API path when the page opens; `load()` again after a change. A 401 goes to sign-in. */
export function useLoaded<T>(path: () => string) {
  const { lang } = useI18n();
  const redirect = useSignInRedirect();
  const [data, setData] = createSignal<T>();
  const [error, setError] = createSignal<unknown>();
  async function load() {
    try {
      const loaded = await apiGet<T>(path(), lang());
      setError(undefined);
      setData(() => loaded);
    } catch (problem) {
      if (!redirect(problem)) setError(problem);
    }
  }
  onMount(() => void load());
  return { data, error, load };
}
