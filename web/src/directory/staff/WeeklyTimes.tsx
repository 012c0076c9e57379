import { weekdays } from "@naerhed/core/directory/lists";
import { For, Show } from "solid-js";
import { Button } from "../../components/Button.tsx";
import type { WeeklyRow } from "./offer-fields.ts";
import { useTexts } from "../../lib/texts.ts";
import { directoryTexts } from "../texts/index.ts";
import "./WeeklyTimes.scss";

type Time = WeeklyRow;

/**
 * The offer's fixed weekly times, one row each: day, from, to. Rows are added and removed with
 * buttons; each input has its own label and its own error (the API names e.g. weekly.0.closes_at).
 */
export function WeeklyTimes(props: { legend: string; hint?: string; times: Time[]; onChange: (times: Time[]) => void; errorAt: (id: string) => string | undefined }) {
  const { t, lang } = useTexts(directoryTexts);
  const change = (row: number, part: keyof Time, value: string) =>
    props.onChange(props.times.map((time, index) => (index === row ? { ...time, [part]: value } : time)));
  let addButton: HTMLButtonElement | undefined;
  return (
    <fieldset class="weekly">
      <legend class="form-label field__label">{props.legend}</legend>
      <Show when={props.hint}>
        <p class="form-hint field__hint">{props.hint}</p>
      </Show>
      <For each={props.times}>
        {(time, row) => (
          <div class="weekly__row">
            <div class="form-group field">
              <label class="form-label field__label" for={`weekly-${row()}-weekday`}>
                {t("directory.field.weekday")}
              </label>
              <select class="form-input field__input" id={`weekly-${row()}-weekday`} value={time.weekday} onChange={(e) => change(row(), "weekday", e.currentTarget.value)}>
                <For each={weekdays}>{(day) => <option value={day.id}>{day.name[lang()]}</option>}</For>
              </select>
            </div>
            <For each={["opens_at", "closes_at"] as const}>
              {(part) => (
                <div class="form-group field">
                  <label class="form-label field__label" for={`weekly-${row()}-${part}`}>
                    {t(part === "opens_at" ? "directory.field.opens_at" : "directory.field.closes_at")}
                  </label>
                  <Show when={props.errorAt(`weekly-${row()}-${part}`)}>
                    {(error) => (
                      <p class="form-error-message field__error" id={`weekly-${row()}-${part}-error`}>
                        {error()}
                      </p>
                    )}
                  </Show>
                  <input
                    class="form-input field__input field__input--time"
                    id={`weekly-${row()}-${part}`}
                    inputmode="numeric"
                    placeholder="14:00"
                    value={time[part]}
                    aria-invalid={props.errorAt(`weekly-${row()}-${part}`) ? "true" : undefined}
                    aria-describedby={props.errorAt(`weekly-${row()}-${part}`) ? `weekly-${row()}-${part}-error` : undefined}
                    onInput={(e) => change(row(), part, e.currentTarget.value)}
                  />
                </div>
              )}
            </For>
            <Button
              variant="secondary"
              onClick={() => {
                props.onChange(props.times.filter((_, index) => index !== row()));
                addButton?.focus();
              }}
            >
              {t("directory.field.removeTime")}
            </Button>
          </div>
        )}
      </For>
      <button
        type="button"
        class="button button-secondary"
        id="weekly-add"
        ref={addButton}
        onClick={() => {
          props.onChange([...props.times, { weekday: "mo", opens_at: "", closes_at: "" }]);
          queueMicrotask(() => document.getElementById(`weekly-${props.times.length - 1}-weekday`)?.focus());
        }}
      >
        {t("directory.field.addTime")}
      </button>
    </fieldset>
  );
}
