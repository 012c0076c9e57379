import { createEffect, For, on, Show } from "solid-js";
import type { SummaryError } from "../lib/forms.ts";
import { focusElement } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import error from "dkfds-assets/img/svg-icons/error.svg?raw";
import { Icon } from "./Icon.tsx";
import "./ErrorSummary.scss";

/**
 * The GOV.UK error summary: shown above a form after a failed submit (nothing while there are no
 * errors). It takes focus so it is read at once, and each error links to its field.
 */
export function ErrorSummary(props: { errors: SummaryError[]; title?: string }) {
  const { t } = useTexts(siteTexts);
  let box: HTMLDivElement | undefined;
  // Focus when errors appear and again whenever a new set of errors comes in.
  createEffect(on(() => props.errors, (errors) => errors.length > 0 && box?.focus()));

  return (
    <Show when={props.errors.length > 0}>
    <div ref={box} class="alert alert-error error-summary" tabindex="-1" aria-labelledby="error-summary-title">
      <Icon svg={error} class="alert-icon" />
      <div class="alert-body" role="alert">
        <h2 class="alert-heading error-summary__title" id="error-summary-title">
          {props.title ?? t("site.error.summary")}
        </h2>
        <ul class="alert-text nobullet-list error-summary__list">
          <For each={props.errors}>
            {(error) => (
              <li>
                <Show when={error.field} fallback={error.message}>
                  {(field) => (
                    <a
                      href={`#${field()}`}
                      on:click={(event) => {
                        // Focus the field itself and show its label too (the browser would only scroll).
                        // In a group of radios, the label to show is the group's legend.
                        event.preventDefault();
                        const input = document.getElementById(field());
                        const label =
                          input?.closest("fieldset")?.querySelector("legend") ??
                          document.querySelector(`label[for="${CSS.escape(field())}"]`);
                        focusElement(input, label ?? input);
                      }}
                    >
                      {error.message}
                    </a>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </div>
    </div>
    </Show>
  );
}
