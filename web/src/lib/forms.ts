import { createSignal } from "solid-js";
import { ApiError, NetworkError } from "./api.ts";
import { useSignInRedirect } from "./sign-in.ts";
import { useTexts } from "./texts.ts";
import { siteTexts } from "./texts/index.ts";

/** How long typing may pause before a search field searches by itself. */
export const TYPING_PAUSE_MS = 350;

/** One problem in a form's error summary. */
export type SummaryError = {
  /** The id of the field (FormField `id`) the error is about; none for a problem with the whole form. */
  field?: string;
  message: string;
};

/**
 * The errors of one form, GOV.UK style: the same words in the summary and at the field.
 * `fieldIds` maps the API's field names to the ids of the inputs on the page.
 */
export function useFormErrors(fieldIds: Record<string, string> = {}) {
  const { t } = useTexts(siteTexts);
  const redirect = useSignInRedirect();
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [forbidden, setForbidden] = createSignal(false);

  /** The message to show at a field (by input id). */
  const at = (id: string) => errors().find((error) => error.field === id)?.message;

  /** Turns a failed API call into errors; 401 goes to sign-in, 403 "forbidden" to "no access". */
  function fail(error: unknown): void {
    if (redirect(error)) return;
    if (error instanceof ApiError) {
      if (error.status === 403 && error.code === "forbidden") {
        setForbidden(true);
        return;
      }
      if (error.fields.length > 0) {
        setErrors(error.fields.map((problem) => ({ field: fieldIds[problem.field], message: problem.message })));
        return;
      }
      const wait =
        error.status === 429 && error.retryAfter ? ` ${t("site.error.wait", { minutes: Math.max(1, Math.ceil(error.retryAfter / 60)) })}` : "";
      const field = fieldIds[`@${error.code}`];
      const support = error.status >= 500 && error.requestId ? ` ${t("site.error.code", { id: error.requestId })}` : "";
      setErrors([{ field, message: `${error.message}${wait}${support}` }]);
      return;
    }
    if (error instanceof NetworkError) {
      setErrors([{ message: t("site.error.offline") }]);
      return;
    }
    throw error;
  }

  const [sending, setSending] = createSignal(false);

  /** Sends the form once at a time: a second press while it is on its way does nothing; a failure lands in the errors. */
  async function send(action: () => Promise<void>): Promise<void> {
    if (sending()) return;
    setSending(true);
    try {
      await action();
    } catch (error) {
      fail(error);
    } finally {
      setSending(false);
    }
  }

  return { errors, setErrors, at, fail, forbidden, clear: () => setErrors([]), sending, send };
}
