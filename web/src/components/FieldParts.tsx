import { Show } from "solid-js";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import "./fields.scss";

/** What every form field shares: the label, the hint and the error, with the ids screen readers follow. */

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** The ids for aria-describedby: hint, error, then anything else under the field. */
export function describedBy(props: { id: string; hint?: string; error?: string }, ...more: string[]): string | undefined {
  return [props.hint ? hintId(props.id) : undefined, props.error ? errorId(props.id) : undefined, ...more].filter(Boolean).join(" ") || undefined;
}

/** The hint and the error under a label or legend. */
export function FieldNotes(props: { id: string; hint?: string; error?: string }) {
  const { t } = useTexts(siteTexts);
  return (
    <>
      <Show when={props.hint}>
        <span class="form-hint field__hint" id={hintId(props.id)}>
          {props.hint}
        </span>
      </Show>
      <Show when={props.error}>
        <span class="form-error-message field__error" id={errorId(props.id)}>
          <span class="visually-hidden">{t("site.error.prefix")}</span> {props.error}
        </span>
      </Show>
    </>
  );
}

export function FieldParts(props: { id: string; label: string; hint?: string; error?: string }) {
  return (
    <>
      <label class="form-label field__label" for={props.id}>
        {props.label}
      </label>
      <FieldNotes id={props.id} hint={props.hint} error={props.error} />
    </>
  );
}
