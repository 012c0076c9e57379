import { PageHeading } from "../components/PageHeading.tsx";
import { PictureSteps } from "../components/Pictogram.tsx";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts, type Translate } from "../lib/texts.ts";
import { identityTexts, type IdentityKey } from "./texts/index.ts";

/** /hjaelp/kort: how to sign in with a card, in easy Danish, one picture per idea (the same steps are on the printed card). */
export default function CardHelpPage() {
  const { t } = useTexts(identityTexts);
  usePageTitle(() => t("identity.help.cardTitle"));
  return (
    <>
      <PageHeading title={t("identity.help.cardTitle")} lead={t("identity.help.cardLead")} />
      <PictureSteps steps={cardSteps(t)} />
    </>
  );
}

/** The card's how-to, shared by this page and the printed card. */
export const cardSteps = (t: Translate<IdentityKey>) => [
  { picture: "card" as const, text: t("identity.help.card1") },
  { picture: "scan" as const, text: t("identity.help.card2") },
  { picture: "keyboard" as const, text: t("identity.help.card3") },
  { picture: "signedIn" as const, text: t("identity.help.card4") },
  { picture: "askStaff" as const, text: t("identity.help.card5") },
  { picture: "keepSecret" as const, text: t("identity.help.card6") },
];
