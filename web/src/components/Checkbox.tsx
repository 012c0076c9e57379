import "./fields.scss";

/** One checkbox with its label beside it (a yes or no to one thing); several belong in a CheckboxGroup. */
export function Checkbox(props: { id: string; label: string; checked: boolean; error?: string; describedBy?: string; onChange: (checked: boolean) => void }) {
  return (
    <div class="form-group-checkbox checkbox">
      <input
        class="form-checkbox checkbox__input"
        type="checkbox"
        id={props.id}
        checked={props.checked}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.describedBy}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <label class="checkbox__label" for={props.id}>
        {props.label}
      </label>
    </div>
  );
}
