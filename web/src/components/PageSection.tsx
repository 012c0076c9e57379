import type { ParentProps } from "solid-js";

/** A part of a page with its h2; the heading names the section for screen readers. */
export function PageSection(props: ParentProps<{ title: string; id: string }>) {
  return (
    <section class="page-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}
