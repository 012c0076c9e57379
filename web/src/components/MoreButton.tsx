import { Button } from "./Button.tsx";
import "./MoreButton.scss";

/** "Vis flere" under a list read a page at a time. */
export function MoreButton(props: { label: string; busy: boolean; onClick: () => void }) {
  return (
    <p class="more">
      <Button onClick={props.onClick} busy={props.busy}>
        {props.label}
      </Button>
    </p>
  );
}
