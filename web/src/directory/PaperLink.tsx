import { encode } from "uqr";
import { useTexts } from "../lib/texts.ts";
import { directoryTexts } from "./texts/index.ts";

/**
 * Only on paper: a QR code to the offer's page with its address written out, so a printed offer
 * leads back to the times and news online. On screen it is not there at all (display: none).
 */
export function PaperLink(props: { id: string }) {
  const { t } = useTexts(directoryTexts);
  const url = () => new URL(`/tilbud/${props.id}`, window.location.origin).href;
  // One path of 1×1 squares, one per dark module; the white border is the quiet zone scanners need.
  const code = () => {
    const { data, size } = encode(url(), { border: 2 });
    let path = "";
    data.forEach((row, y) => row.forEach((dark, x) => dark && (path += `M${x} ${y}h1v1h-1z`)));
    return { path, size };
  };
  return (
    <figure class="paper-link">
      <svg viewBox={`0 0 ${code().size} ${code().size}`} class="paper-link__code" role="img" aria-label={t("directory.offer.qr")} shape-rendering="crispEdges">
        <rect width="100%" height="100%" fill="#ffffff" />
        <path d={code().path} fill="#000000" />
      </svg>
      <figcaption>
        {t("directory.offer.qr")}
        <br />
        {url()}
      </figcaption>
    </figure>
  );
}
