import { Show } from "solid-js";
import { describedBy, FieldParts } from "./FieldParts.tsx";
import { LixHint } from "./LixHint.tsx";

/** A few lines of text, wired like FormField; with `lix`, the plain-language (LIX) hint follows the text. */
export function TextAreaField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  rows?: number;
  lix?: boolean;
  onInput: (value: string) => void;
}) {
  const lixId = () => `${props.id}-lix`;
  return (
    <div class="form-group field" classList={{ "field--error": Boolean(props.error) }}>
      <FieldParts id={props.id} label={props.label} hint={props.hint} error={props.error} />
      <textarea
        class="form-input field__input field__textarea"
        id={props.id}
        name={props.id}
        rows={props.rows ?? 4}
        value={props.value}
        aria-describedby={props.lix ? describedBy(props, lixId()) : describedBy(props)}
        aria-invalid={props.error ? "true" : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <Show when={props.lix}>
        <LixHint id={lixId()} text={props.value} />
      </Show>
    </div>
  );
}
