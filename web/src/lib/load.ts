import { createComputed, createResource, createSignal, onCleanup } from "solid-js";
import { ApiError, isMissing } from "./api.ts";
import { useSignInRedirect } from "./sign-in.ts";

/**
 * What a page shows, read from the API: the one way pages load data. Built on Solid's
 * createResource, so it loads again whenever `source` changes (a route parameter, a filter in
 * the address); while `source` gives `undefined` or `false` nothing loads. A newer load
 * cancels an older one. A 401 sends the person to sign in.
 *
 * - `data()`: the latest answer (kept while reloading), or undefined;
 * - `loading()`: a load is on its way;
 * - `missing()`: 404, or 400 for an id that cannot be one: there is no such thing;
 * - `forbidden()`: 403;
 * - `error()`: any other failure, for LoadError (`failure()` is the failure whatever it was);
 * - `reload()` for the retry button; `set()` changes what is shown (after an action, or "Vis flere").
 */
export function createLoader<Source, T>(source: () => Source | undefined | false, load: (source: Source, signal: AbortSignal) => Promise<T>) {
  const redirect = useSignInRedirect();
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());
  const [resource, { refetch, mutate }] = createResource(source, (value): Promise<T | undefined> => {
    controller?.abort();
    controller = new AbortController();
    return load(value, controller.signal).catch((error: unknown) => {
      // On the way to /logind: nothing to show meanwhile.
      if (redirect(error)) return undefined;
      throw error;
    });
  });
  const failure = () => (resource.state === "errored" ? (resource.error as unknown) : undefined);
  const forbidden = () => failure() instanceof ApiError && (failure() as ApiError).status === 403;
  return {
    // Not while the first load is on its way (reading it then would suspend the page) nor after a failure (it would throw).
    data: (): T | undefined => (resource.state === "pending" || resource.state === "errored" ? undefined : resource.latest),
    loading: () => resource.loading,
    missing: () => isMissing(failure()),
    forbidden,
    error: () => (isMissing(failure()) || forbidden() ? undefined : failure()),
    failure,
    reload: async () => void (await refetch()),
    set: (value: T) => void mutate(() => value),
  };
}

export type Page<T> = { items: T[]; next_cursor: string | null };

/**
 * A list read a page at a time ("Vis flere"): the first page is a loader (so it follows
 * `source`), and `more()` adds the next page to it with its opaque cursor. A list read in one
 * go is a page with no next cursor.
 */
export function createPagedList<Source, T>(
  source: () => Source | undefined | false,
  fetchPage: (source: Source, cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
) {
  const first = createLoader(source, (value, signal) => fetchPage(value, undefined, signal));
  // A page that fails leaves the list as it was: the person keeps what they saw, with the error under it.
  const [shown, setShown] = createSignal<Page<T>>();
  createComputed(() => {
    const list = first.data();
    if (list) setShown(list);
  });
  const [addingMore, setAddingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<unknown>();
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());

  /** Loads the next page; gives the index of its first item, if it worked. */
  async function more(): Promise<number | undefined> {
    const list = shown();
    const from = source();
    if (!list?.next_cursor || from === undefined || from === false || addingMore()) return undefined;
    controller = new AbortController();
    setAddingMore(true);
    setMoreError(undefined);
    try {
      const page = await fetchPage(from, list.next_cursor, controller.signal);
      first.set({ items: [...list.items, ...page.items], next_cursor: page.next_cursor });
      return list.items.length;
    } catch (error) {
      if (!controller.signal.aborted) setMoreError(() => error);
      return undefined;
    } finally {
      setAddingMore(false);
    }
  }

  return {
    items: (): T[] => shown()?.items ?? [],
    cursor: () => shown()?.next_cursor ?? null,
    /** A page has come: the list says what it holds. */
    loaded: () => shown() !== undefined,
    loading: () => first.loading() || addingMore(),
    missing: first.missing,
    forbidden: first.forbidden,
    error: () => first.error() ?? moreError(),
    failure: first.failure,
    reload: first.reload,
    more,
    /** Changes the loaded items in place, e.g. a row after an action on it. */
    update: (change: (items: T[]) => T[]) => {
      const list = shown();
      if (list) first.set({ ...list, items: change(list.items) });
    },
  };
}
