import { For, type JSX } from "solid-js";
import "./Pictogram.scss";

/**
 * Pictograms for the easy-read how-to pages and the printed sign-in card: one picture per idea,
 * drawn for Nærhed as plain strokes on a 64 × 64 grid. Licence CC0 1.0 (docs/pictograms.md): any
 * municipality may reuse them. Each stands beside a text that says the same, so it is decoration
 * to a screen reader (aria-hidden).
 */
const stroke = { fill: "none", stroke: "currentColor", "stroke-width": 3, "stroke-linecap": "round", "stroke-linejoin": "round" } as const;

/** A head and shoulders at (x, y), `size` times the usual (the meeting pictures). */
const person = (x: number, y: number, size = 1) => {
  const at = (n: number) => Number((n * size).toFixed(1));
  return (
    <>
      <circle cx={x} cy={y} r={at(6)} />
      <path d={`M${x - at(10)} ${y + at(22)}a${at(10)} ${at(10)} 0 0 1 ${at(20)} 0`} />
    </>
  );
};

const drawings = {
  /** A card with a name line and a QR square. */
  card: () => (
    <>
      <rect x="6" y="14" width="52" height="36" rx="4" {...stroke} />
      <rect x="12" y="22" width="14" height="14" {...stroke} />
      <path d="M32 24h20M32 32h14M12 42h30" {...stroke} />
    </>
  ),
  /** A phone whose camera looks at a QR square. */
  scan: () => (
    <>
      <rect x="18" y="6" width="28" height="52" rx="4" {...stroke} />
      <rect x="25" y="18" width="14" height="14" {...stroke} />
      <path d="M29 22h2v2h-2zM33 26h2v2h-2z" {...stroke} />
      <path d="M28 50h8" {...stroke} />
    </>
  ),
  /** Keys to type on. */
  keyboard: () => (
    <>
      <rect x="4" y="18" width="56" height="30" rx="4" {...stroke} />
      <path d="M12 27h4M22 27h4M32 27h4M42 27h4M52 27h0M12 37h4M22 37h20M48 37h4" {...stroke} />
    </>
  ),
  /** A door standing open: you are in. */
  signedIn: () => (
    <>
      <path d="M14 58V8h30v50" {...stroke} />
      <path d="M14 8l20 6v48l-20-4" {...stroke} />
      <path d="M40 34l6 6 12-14" {...stroke} />
    </>
  ),
  /** A person asking, with a question mark. */
  askStaff: () => (
    <>
      <circle cx="22" cy="18" r="8" {...stroke} />
      <path d="M8 58c0-14 6-22 14-22s14 8 14 22" {...stroke} />
      <path d="M44 14c0-5 4-8 8-8s8 3 8 7c0 5-7 6-7 12M53 32v1" {...stroke} />
    </>
  ),
  /** A code behind a hand held up: do not show it. */
  keepSecret: () => (
    <>
      <rect x="10" y="28" width="30" height="26" rx="3" {...stroke} />
      <path d="M16 28v-8a9 9 0 0 1 18 0v8" {...stroke} />
      <path d="M48 20l10 10M58 20L48 30" {...stroke} />
    </>
  ),
  /** Two people side by side: the member and the supporter. */
  supporter: () => (
    <>
      <circle cx="20" cy="18" r="7" {...stroke} />
      <circle cx="44" cy="18" r="7" {...stroke} />
      <path d="M6 56c0-12 6-20 14-20s14 8 14 20M30 56c0-12 6-20 14-20s14 8 14 20" {...stroke} />
    </>
  ),
  /** A name written on a line. */
  writeName: () => (
    <>
      <path d="M6 50h40" {...stroke} />
      <path d="M40 10l10 10-24 24-12 2 2-12z" {...stroke} />
    </>
  ),
  /** A ballot going into a box. */
  ballot: () => (
    <>
      <path d="M8 30h48v26H8z" {...stroke} />
      <path d="M24 30V8h16v22" {...stroke} />
      <path d="M28 18l3 3 6-6" {...stroke} />
    </>
  ),
  /** A log: lines with a clock, no choice. */
  log: () => (
    <>
      <rect x="8" y="6" width="34" height="52" rx="3" {...stroke} />
      <path d="M14 18h22M14 28h22M14 38h12" {...stroke} />
      <circle cx="46" cy="44" r="12" {...stroke} fill="white" />
      <path d="M46 37v7l5 3" {...stroke} />
    </>
  ),
  /** A closed padlock: secret. */
  lock: () => (
    <>
      <rect x="14" y="28" width="36" height="28" rx="4" {...stroke} />
      <path d="M22 28v-8a10 10 0 0 1 20 0v8M32 38v8" {...stroke} />
    </>
  ),
  /** Three people around a table (a meeting). */
  meeting: () => (
    <g {...stroke}>
      {person(14, 14, 0.8)}
      {person(32, 10, 0.8)}
      {person(50, 14, 0.8)}
      <path d="M6 40h52M14 40v16M50 40v16" />
    </g>
  ),
  /** Someone speaking: a speech bubble with lines. */
  speak: () => (
    <g {...stroke}>
      {person(18, 26)}
      <path d="M32 8h26v18H44l-6 6v-6h-6zM37 14h16M37 20h10" />
    </g>
  ),
  /** Two people with a hand up. */
  handsUp: () => (
    <g {...stroke}>
      {person(20, 30)}
      <path d="M26 38l8-24M34 14l-3-6M34 14l1-7M34 14l4-5" />
      {person(46, 34, 0.8)}
      <path d="M52 40l5-18" />
    </g>
  ),
  /** A folded slip going into a box. */
  paperVote: () => <path d="M10 34h44v22H10zM22 34h20M25 6h14v18H25zM28 12h8M28 17h6M32 24v8" {...stroke} />,
  /** Five people, three of them filled in: more than half. */
  enough: () => (
    <g {...stroke}>
      {[8, 20, 32, 44, 56].map((x, i) => (
        <>
          <circle cx={x} cy={26} r={4.5} fill={i < 3 ? "currentColor" : "none"} />
          <path d={`M${x - 5} 40a5 5 0 0 1 10 0`} />
        </>
      ))}
      <path d="M3 50h34" stroke-width={5} />
    </g>
  ),
  /** A screen with ticked lines: the votes written in on the site. */
  writeVotes: () => <path d="M10 12h44v30H10zM4 48h56M16 21l3 3 5-5M29 22h18M16 32l3 3 5-5M29 33h18" {...stroke} />,
  /** A page with a big tick: the result. */
  result: () => <path d="M16 6h24l8 8v44H16zM40 6v8h8M24 36l6 6 12-14" {...stroke} />,
  /** The figure 1 in a circle: decided once. */
  once: () => (
    <g {...stroke}>
      <circle cx={32} cy={32} r={24} />
      <path d="M27 23l7-5v28M26 46h16" />
    </g>
  ),
  /** A phone with a speech bubble: a text message. */
  sms: () => (
    <g {...stroke}>
      <rect x="8" y="10" width="26" height="48" rx="4" />
      <path d="M17 52h8" />
      <path d="M30 6h28v18H44l-6 6v-6h-8z" />
    </g>
  ),
  /** An envelope: a mail. */
  mail: () => (
    <g {...stroke}>
      <rect x="6" y="16" width="52" height="34" rx="3" />
      <path d="M6 18l26 18 26-18" />
    </g>
  ),
  /** Three boxes to tick: now, weekly, never. */
  choose: () => (
    <g {...stroke}>
      <rect x="8" y="8" width="12" height="12" rx="2" />
      <path d="M11 14l3 3 5-6M28 14h28" />
      <rect x="8" y="26" width="12" height="12" rx="2" />
      <path d="M28 32h22" />
      <rect x="8" y="44" width="12" height="12" rx="2" />
      <path d="M28 50h16" />
    </g>
  ),
  /** A calendar page with one day marked. */
  calendar: () => (
    <g {...stroke}>
      <rect x="8" y="12" width="48" height="44" rx="3" />
      <path d="M8 24h48M20 6v12M44 6v12" />
      <circle cx="40" cy="42" r="6" />
    </g>
  ),
  /** A hand held up: stop. */
  stop: () => (
    <g {...stroke}>
      <circle cx="32" cy="32" r="26" />
      <path d="M14 50L50 14" />
    </g>
  ),
} satisfies Record<string, () => JSX.Element>;

export type PictogramName = keyof typeof drawings;

export function Pictogram(props: { name: PictogramName; class?: string }) {
  return (
    <svg viewBox="0 0 64 64" class={`pictogram ${props.class ?? ""}`} aria-hidden="true">
      {drawings[props.name]()}
    </svg>
  );
}

/** An easy-read how-to: one step per line, each with its picture. */
export function PictureSteps(props: { steps: { picture: PictogramName; text: string }[] }) {
  return (
    <ol class="picture-steps">
      <For each={props.steps}>
        {(step) => (
          <li class="picture-steps__step">
            <Pictogram name={step.picture} />
            <span>{step.text}</span>
          </li>
        )}
      </For>
    </ol>
  );
}
