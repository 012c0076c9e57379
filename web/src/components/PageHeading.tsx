import { onMount, Show, type JSX } from "solid-js";
import { takeNavigation } from "../lib/navigation.ts";
import "./PageHeading.scss";

/**
 * The page's one h1, with an optional lead paragraph. Takes focus after an in-site navigation.
 * `titleLang` marks a title that people wrote (an offer's name) when it differs from the page's language.
 */
export function PageHeading(props: { title: string; lead?: JSX.Element; titleLang?: string }) {
  let heading!: HTMLHeadingElement;
  onMount(() => {
    if (takeNavigation()) heading.focus();
  });
  return (
    <div class="page-heading">
      <h1 ref={heading} tabindex="-1" lang={props.titleLang}>
        {props.title}
      </h1>
      <Show when={props.lead}>
        <p class="lead">{props.lead}</p>
      </Show>
    </div>
  );
}
