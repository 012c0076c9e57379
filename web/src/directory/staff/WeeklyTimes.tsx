import { weekdays } from "@naerhed/core/directory/schedule";
import { For, Show } from "solid-js";
import { Button } from "../../components/Button.tsx";
import { useI18n } from "../texts.ts";
import type { FormValues } from "./offer-form.ts";

type Time = FormValues["weekly"][number];

/**
 * The offer's fixed weekly times, one row each: day, from, to. Rows are added and removed with
 * buttons; each input has its own label and its own error (the API names e.g. weekly.0.closes_at).
 */
export function WeeklyTimes(props: { times: Time[]; onChange: (times: Time[]) => void; errorAt: (id: string) => string | undefined }) {
  const { t, lang } = useI18n();
  const change = (row: number, part: keyof Time, value: string) =>
    props.onChange(props.times.map((time, index) => (index === row ? { ...time, [part]: value } : time)));
  let addButton: HTMLButtonElement | undefined;
  return (
    <fieldset class="weekly">
      <legend class="field__label">{t("field.weekly")}</legend>
      <p class="field__hint">{t("field.weeklyHint")}</p>
      <For each={props.times}>
        {(time, row) => (
          <div class="weekly__row">
            <div class="field">
              <label class="field__label" for={`weekly-${row()}-weekday`}>
                {t("field.weekday")}
              </label>
              <select class="field__input" id={`weekly-${row()}-weekday`} value={time.weekday} onChange={(e) => change(row(), "weekday", e.currentTarget.value)}>
                <For each={weekdays}>{(day) => <option value={day.id}>{day.name[lang()]}</option>}</For>
              </select>
            </div>
            <For each={["opens_at", "closes_at"] as const}>
              {(part) => (
                <div class="field">
                  <label class="field__label" for={`weekly-${row()}-${part}`}>
                    {t(part === "opens_at" ? "field.opens_at" : "field.closes_at")}
                  </label>
                  <Show when={props.errorAt(`weekly-${row()}-${part}`)}>
                    {(error) => (
                      <p class="field__error" id={`weekly-${row()}-${part}-error`}>
                        {error()}
                      </p>
                    )}
                  </Show>
                  <input
                    class="field__input field__input--time"
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
              {t("field.removeTime")}
            </Button>
          </div>
        )}
      </For>
      <button
        type="button"
        class="button button--secondary"
        id="weekly-add"
        ref={addButton}
        onClick={() => {
          props.onChange([...props.times, { weekday: "mo", opens_at: "", closes_at: "" }]);
          queueMicrotask(() => document.getElementById(`weekly-${props.times.length - 1}-weekday`)?.focus());
        }}
      >
        {t("field.addTime")}
      </button>
    </fieldset>
  );
}
