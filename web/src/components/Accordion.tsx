import { createEffect, createSignal, type JSX, type ParentProps } from "solid-js";
import chevron from "dkfds-assets/img/svg-icons/chevron-down.svg?raw";
import { Icon } from "./Icon.tsx";
import "./Accordion.scss";

/**
 * One DKFDS accordion: a heading with a button that folds its content in and out. Our own
 * script, not DKFDS's: aria-expanded on the button, `hidden` on the content, so a folded part
 * is out of the Tab order and out of the screen reader's way.
 */
export function Accordion(
  props: ParentProps<{
    id: string;
    title: JSX.Element;
    headingLevel?: 2 | 3;
    initiallyOpen?: boolean;
    /** Unfolds the content whenever it turns true: a mistake shown at a field inside must be seen. */
    reveal?: boolean;
    class?: string;
    after?: JSX.Element;
  }>,
) {
  const [open, setOpen] = createSignal(props.initiallyOpen ?? false);
  createEffect(() => {
    if (props.reveal) setOpen(true);
  });
  const button = (
    <button type="button" class="accordion-button" aria-expanded={open()} aria-controls={props.id} onClick={() => setOpen(!open())}>
      <span class="accordion-title">{props.title}</span>
      <Icon svg={chevron} class="accordion-chevron" />
    </button>
  );
  return (
    <div class={`accordion${props.class ? ` ${props.class}` : ""}`}>
      {props.headingLevel === 3 ? <h3>{button}</h3> : <h2>{button}</h2>}
      {props.after}
      <div id={props.id} class="accordion-content" hidden={!open()}>
        {props.children}
      </div>
    </div>
  );
}
