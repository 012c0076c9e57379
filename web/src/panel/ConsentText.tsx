import { Dynamic } from "solid-js/web";
import { useTexts } from "../lib/texts.ts";
import { panelTexts } from "./texts/index.ts";

/** What joining means, in plain words: what we ask, how often, how answers are used, how to leave. Shown before anyone joins. */
export function ConsentText(props: { level: 2 | 3 }) {
  const { t } = useTexts(panelTexts);
  const parts = [
    ["panel.consentAskTitle", "panel.consentAsk"],
    ["panel.consentOftenTitle", "panel.consentOften"],
    ["panel.consentUseTitle", "panel.consentUse"],
    ["panel.consentLeaveTitle", "panel.consentLeave"],
  ] as const;
  return (
    <>
      {parts.map(([title, text]) => (
        <>
          <Dynamic component={`h${props.level}`}>{t(title)}</Dynamic>
          <p>{t(text)}</p>
        </>
      ))}
    </>
  );
}
