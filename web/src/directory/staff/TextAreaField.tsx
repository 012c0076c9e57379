import { Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { LixHint } from "./LixHint.tsx";

/** A long text, wired like FormField (label, hint, error), with the plain-language (LIX) hint under it. */
export function TextAreaField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  rows?: number;
  onInput: (value: string) => void;
}) {
  const { t } = useI18n();
  const lixId = () => `${props.id}-lix`;
  const describedBy = () =>
    [props.hint ? `${props.id}-hint` : undefined, props.error ? `${props.id}-error` : undefined, lixId()].filter(Boolean).join(" ");
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
        class="field__input field__textarea"
        id={props.id}
        name={props.id}
        rows={props.rows ?? 5}
        value={props.value}
        aria-describedby={describedBy()}
        aria-invalid={props.error ? "true" : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <LixHint id={lixId()} text={props.value} />
    </div>
  );
}
