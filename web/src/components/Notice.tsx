import { Show, type ParentProps } from "solid-js";
import "./Notice.css";

type NoticeProps = ParentProps<{
  kind?: "info" | "success" | "warning";
  title?: string;
  /**
   * How a screen reader hears it when it appears: "polite" (role=status) for news such as
   * "saved", "assertive" (role=alert) for a problem. Leave out for a notice that is part of the page.
   */
  announce?: "polite" | "assertive";
}>;

export function Notice(props: NoticeProps) {
  const role = () => (props.announce === "assertive" ? "alert" : props.announce === "polite" ? "status" : undefined);
  return (
    <div class={`notice notice--${props.kind ?? "info"}`} role={role()}>
      <Show when={props.title}>
        <p class="notice__title">{props.title}</p>
      </Show>
      {props.children}
    </div>
  );
}
