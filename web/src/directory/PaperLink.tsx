import { QrCode } from "../components/QrCode.tsx";
import { useTexts } from "../lib/texts.ts";
import { directoryTexts } from "./texts/index.ts";

/**
 * Only on paper: a QR code to the offer's page with its address written out, so a printed offer
 * leads back to the times and news online. On screen it is not there at all (display: none).
 */
export function PaperLink(props: { id: string }) {
  const { t } = useTexts(directoryTexts);
  const url = () => new URL(`/tilbud/${props.id}`, window.location.origin).href;
  return (
    <figure class="paper-link">
      <QrCode url={url()} label={t("directory.offer.qr")} class="paper-link__code" />
      <figcaption>
        {t("directory.offer.qr")}
        <br />
        {url()}
      </figcaption>
    </figure>
  );
}
