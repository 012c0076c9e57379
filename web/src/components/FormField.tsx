import { Show } from "solid-js";
import { useI18n } from "../i18n/index.tsx";

type FormFieldProps = {
  /** The input's id; ErrorSummary links to it. */
  id: string;
  label: string;
  hint?: string;
  error?: string;
  name?: string;
  type?: "text" | "email" | "tel" | "number" | "password" | "search" | "url";
  value?: string;
  autocomplete?: string;
  inputmode?: "text" | "email" | "tel" | "numeric" | "url" | "search";
  required?: boolean;
  /** Off for emails, codes and ids: the browser should not "correct" them. */
  spellcheck?: boolean;
  autocapitalize?: "off" | "none" | "sentences" | "words";
  onInput?: (value: string) => void;
};

/** Label, hint, error and input, wired together for screen readers (aria-describedby, aria-invalid). */
export function FormField(props: FormFieldProps) {
  const { t } = useI18n();
  const hintId = () => `${props.id}-hint`;
  const errorId = () => `${props.id}-error`;
  const describedBy = () =>
    [props.hint ? hintId() : undefined, props.error ? errorId() : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <div class="field" classList={{ "field--error": Boolean(props.error) }}>
      <label class="field__label" for={props.id}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <p class="field__hint" id={hintId()}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field__error" id={errorId()}>
          <span class="visually-hidden">{t("error.prefix")}</span> {props.error}
        </p>
      </Show>
      <input
        class="field__input"
        id={props.id}
        name={props.name ?? props.id}
        type={props.type ?? "text"}
        value={props.value ?? ""}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        required={props.required}
        spellcheck={props.spellcheck}
        autocapitalize={props.autocapitalize}
        aria-describedby={describedBy()}
        aria-invalid={props.error ? "true" : undefined}
        onInput={(event) => props.onInput?.(event.currentTarget.value)}
      />
    </div>
  );
}
