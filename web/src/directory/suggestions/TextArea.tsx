import { Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";

/** Like FormField, for a few lines of text: label, hint, error and textarea wired together. */
export function TextArea(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  rows?: number;
  onInput: (value: string) => void;
}) {
  const { t } = useI18n();
  const describedBy = () =>
    [props.hint ? `${props.id}-hint` : undefined, props.error ? `${props.id}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field" classList={{ "field--error": Boolean(props.error) }}>
      <label class="field__label" for={props.id}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field__error" id={`${props.id}-error`}>
          <span class="visually-hidden">{t("error.prefix")}</span> {props.error}
        </p>
      </Show>
      <textarea
        class="field__input"
        id={props.id}
        name={props.id}
        rows={props.rows ?? 4}
        value={props.value}
        aria-describedby={describedBy()}
        aria-invalid={props.error ? "true" : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </div>
  );
}
