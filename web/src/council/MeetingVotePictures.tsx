import type { JSX } from "solid-js";

/**
 * Pictograms for the easy-read page on votes at a meeting, one per idea. Drawn for Nærhed as
 * plain SVG lines in the text colour, so they follow the theme and print well; released under
 * CC0 1.0 (docs/pictograms.md), so any municipality may use them. Always beside their words:
 * hidden from screen readers, which read the words.
 */
export type MeetingVotePicture = "meet" | "read" | "hands" | "paper" | "enough" | "write" | "result" | "once";

/** A head and shoulders at (x, y), `size` times the usual. */
const person = (x: number, y: number, size = 1) => {
  const at = (n: number) => Number((n * size).toFixed(1));
  return (
    <>
      <circle cx={x} cy={y} r={at(6)} />
      <path d={`M${x - at(10)} ${y + at(22)}a${at(10)} ${at(10)} 0 0 1 ${at(20)} 0`} />
    </>
  );
};

const pictures: Record<MeetingVotePicture, () => JSX.Element> = {
  // Three people around a table.
  meet: () => (
    <>
      {person(14, 14, 0.8)}
      {person(32, 10, 0.8)}
      {person(50, 14, 0.8)}
      <path d="M6 40h52M14 40v16M50 40v16" />
    </>
  ),
  // Someone speaking: a speech bubble with lines.
  read: () => (
    <>
      {person(18, 26)}
      <path d="M32 8h26v18H44l-6 6v-6h-6zM37 14h16M37 20h10" />
    </>
  ),
  // Two people with a hand up.
  hands: () => (
    <>
      {person(20, 30)}
      <path d="M26 38l8-24M34 14l-3-6M34 14l1-7M34 14l4-5" />
      {person(46, 34, 0.8)}
      <path d="M52 40l5-18" />
    </>
  ),
  // A folded slip going into a box.
  paper: () => <path d="M10 34h44v22H10zM22 34h20M25 6h14v18H25zM28 12h8M28 17h6M32 24v8" />,
  // Five people, three of them filled in: more than half.
  enough: () => (
    <>
      {[8, 20, 32, 44, 56].map((x, i) => (
        <>
          <circle cx={x} cy={26} r={4.5} fill={i < 3 ? "currentColor" : "none"} />
          <path d={`M${x - 5} 40a5 5 0 0 1 10 0`} />
        </>
      ))}
      <path d="M3 50h34" stroke-width={5} />
    </>
  ),
  // A screen with ticked lines: the votes written in on the site.
  write: () => <path d="M10 12h44v30H10zM4 48h56M16 21l3 3 5-5M29 22h18M16 32l3 3 5-5M29 33h18" />,
  // A page with a big tick: the result.
  result: () => <path d="M16 6h24l8 8v44H16zM40 6v8h8M24 36l6 6 12-14" />,
  // The figure 1 in a circle: decided once.
  once: () => (
    <>
      <circle cx={32} cy={32} r={24} />
      <path d="M27 23l7-5v28M26 46h16" />
    </>
  ),
};

export function Pictogram(props: { name: MeetingVotePicture }) {
  return (
    <svg
      class="how-to__picture"
      viewBox="0 0 64 64"
      width="96"
      height="96"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="3"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {pictures[props.name]()}
    </svg>
  );
}
