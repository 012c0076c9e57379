import type { JSX } from "solid-js";
import { describedBy, FieldParts } from "./FieldParts.tsx";

type FormFieldProps = {
  /** The input's id; ErrorSummary links to it. */
  id: string;
  label: string;
  hint?: string;
  error?: string;
  name?: string;
  type?: "text" | "email" | "tel" | "number" | "password" | "search" | "url" | "date" | "time";
  value?: string;
  autocomplete?: string;
  inputmode?: "text" | "email" | "tel" | "numeric" | "url" | "search";
  required?: boolean;
  /** Off for emails, codes and ids: the browser should not "correct" them. */
  spellcheck?: boolean;
  autocapitalize?: "off" | "none" | "sentences" | "words";
  /** The id of a `<datalist>` of suggestions (given as a child). */
  list?: string;
  /** The last day a date field's calendar offers ("2026-11-23"); the server checks it too. */
  max?: string;
  onInput?: (value: string) => void;
  onFocus?: () => void;
  /** What belongs to the field below the input: suggestions, a note, a button. */
  children?: JSX.Element;
};

/** Label, hint, error and input, wired together for screen readers (aria-describedby, aria-invalid). */
export function FormField(props: FormFieldProps) {
  return (
    <div class="form-group field" classList={{ "form-error": Boolean(props.error), "field--error": Boolean(props.error) }}>
      <FieldParts id={props.id} label={props.label} hint={props.hint} error={props.error} />
      <input
        class="form-input field__input"
        id={props.id}
        name={props.name ?? props.id}
        type={props.type ?? "text"}
        value={props.value ?? ""}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        required={props.required}
        spellcheck={props.spellcheck}
        autocapitalize={props.autocapitalize}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? "true" : undefined}
        list={props.list}
        max={props.max}
        onInput={(event) => props.onInput?.(event.currentTarget.value)}
        onFocus={() => props.onFocus?.()}
      />
      {props.children}
    </div>
  );
}
