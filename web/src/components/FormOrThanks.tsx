import { createEffect, Show, type JSX, type ParentProps } from "solid-js";

/**
 * A form that, once sent, gives way to its thank-you. The thanks take the focus, so keyboard and
 * screen-reader users land on what happened, not on a button that is gone.
 */
export function FormOrThanks(props: ParentProps<{ sent: boolean; thanks: JSX.Element }>) {
  let thanks: HTMLDivElement | undefined;
  createEffect(() => {
    if (props.sent) thanks?.focus();
  });
  return (
    <Show
      when={!props.sent}
      fallback={
        <div tabindex="-1" ref={thanks} class="result">
          {props.thanks}
        </div>
      }
    >
      {props.children}
    </Show>
  );
}
