import { splitProps, type JSX } from "solid-js";
import "./Button.scss";

type ButtonProps = JSX.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger";
  /** Working: announced to screen readers and clicks are ignored, but the button keeps focus. */
  busy?: boolean;
};

export function Button(props: ButtonProps) {
  const [local, rest] = splitProps(props, ["variant", "busy", "class", "type", "children", "onClick"]);
  return (
    <button
      {...rest}
      type={local.type ?? "button"}
      class={`button button-${local.variant ?? "primary"}${local.class ? ` ${local.class}` : ""}`}
      aria-disabled={local.busy ? "true" : undefined}
      onClick={(event) => {
        if (local.busy) return;
        const handler = local.onClick;
        if (typeof handler === "function") handler(event);
      }}
    >
      {local.children}
    </button>
  );
}
