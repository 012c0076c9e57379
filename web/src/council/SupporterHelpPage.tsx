import { PageHeading } from "../components/PageHeading.tsx";
import { PictureSteps } from "../components/Pictogram.tsx";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { councilTexts } from "./texts/index.ts";

/** /hjaelp/bisidder: voting with a supporter, in easy Danish, one picture per idea. */
export default function SupporterHelpPage() {
  const { t } = useTexts(councilTexts);
  usePageTitle(() => t("council.help.title"));
  return (
    <>
      <PageHeading title={t("council.help.title")} lead={t("council.help.lead")} />
      <PictureSteps
        steps={[
          { picture: "card", text: t("council.help.1") },
          { picture: "supporter", text: t("council.help.2") },
          { picture: "writeName", text: t("council.help.3") },
          { picture: "ballot", text: t("council.help.4") },
          { picture: "log", text: t("council.help.5") },
          { picture: "lock", text: t("council.help.6") },
        ]}
      />
    </>
  );
}
