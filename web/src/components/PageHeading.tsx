import { onMount, Show, type JSX } from "solid-js";
import { takeNavigation } from "../lib/navigation.ts";
import "./PageHeading.scss";

/** The page's one h1, with an optional lead paragraph. Takes focus after an in-site navigation. */
export function PageHeading(props: { title: string; lead?: JSX.Element }) {
  let heading!: HTMLHeadingElement;
  onMount(() => {
    if (takeNavigation()) heading.focus();
  });
  return (
    <div class="page-heading">
      <h1 ref={heading} tabindex="-1">
        {props.title}
      </h1>
      <Show when={props.lead}>
        <p class="lead">{props.lead}</p>
      </Show>
    </div>
  );
}
