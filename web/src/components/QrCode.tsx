import { encode } from "uqr";

/** A QR code as one SVG path of 1×1 squares, one per dark module; the white border is the quiet zone scanners need. */
export function QrCode(props: { url: string; label: string; class?: string }) {
  const code = () => {
    const { data, size } = encode(props.url, { border: 2 });
    let path = "";
    data.forEach((row, y) => row.forEach((dark, x) => dark && (path += `M${x} ${y}h1v1h-1z`)));
    return { path, size };
  };
  return (
    <svg viewBox={`0 0 ${code().size} ${code().size}`} class={props.class} role="img" aria-label={props.label} shape-rendering="crispEdges">
      <rect width="100%" height="100%" fill="#ffffff" />
      <path d={code().path} fill="#000000" />
    </svg>
  );
}
