import { batch, createSignal, onCleanup } from "solid-js";

export type Page<T> = { items: T[]; next_cursor: string | null };

/**
 * A list read from the API, a page at a time with its opaque cursor ("Vis flere"), or in one
 * go (a page with no next cursor). A new load
 * cancels the one before, so a slow answer never overwrites a newer one.
 * `onError` may handle a failure itself (return true), e.g. a 401 or a field error.
 */
export function createPagedList<T>(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  onError: (problem: unknown) => boolean = () => false,
) {
  const [items, setItems] = createSignal<T[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(true);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());

  /** Loads the first page, or the next one with `more`; gives the index of the first new item, if it worked. */
  async function load(more: boolean): Promise<number | undefined> {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    batch(() => {
      setLoading(true);
      setError(undefined);
    });
    try {
      const page = await fetchPage((more && cursor()) || undefined, signal);
      const firstNew = more ? items().length : 0;
      batch(() => {
        setItems(more ? [...items(), ...page.items] : page.items);
        setCursor(page.next_cursor);
        setLoaded(true);
        setLoading(false);
      });
      return firstNew;
    } catch (problem) {
      if (signal.aborted) return undefined;
      setLoading(false);
      if (!onError(problem)) setError(() => problem);
      return undefined;
    }
  }

  function clear() {
    batch(() => {
      setItems([]);
      setCursor(null);
    });
  }

  /** Changes the loaded items in place, e.g. a row after an action on it. */
  const update = (change: (current: T[]) => T[]) => setItems(change(items()));

  return { items, cursor, loading, loaded, error, load, clear, update };
}
