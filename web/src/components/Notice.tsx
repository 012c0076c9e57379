import { Show, type ParentProps } from "solid-js";
import info from "dkfds-assets/img/svg-icons/info.svg?raw";
import success from "dkfds-assets/img/svg-icons/success.svg?raw";
import warning from "dkfds-assets/img/svg-icons/warning.svg?raw";
import { Icon } from "./Icon.tsx";
import "./Notice.scss";

const icons = { info, success, warning };

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
    <div class={`alert alert-${props.kind ?? "info"} notice notice--${props.kind ?? "info"}`} role={role()}>
      <Icon svg={icons[props.kind ?? "info"]} class="alert-icon" />
      <div class="alert-body">
        <Show when={props.title}>
          <p class="alert-heading notice__title">{props.title}</p>
        </Show>
        {props.children}
      </div>
    </div>
  );
}
