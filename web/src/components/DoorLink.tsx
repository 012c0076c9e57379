import { A } from "@solidjs/router";
import "./DoorLink.scss";

/** A large door into a part of the site: the whole card is one link with a title and one line of text. */
export function DoorLink(props: { href: string; title: string; text: string }) {
  return (
    <A href={props.href} class="door">
      <span class="door__title">{props.title}</span>
      <span class="door__text">{props.text}</span>
    </A>
  );
}
