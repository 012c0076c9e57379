import { A } from "@solidjs/router";
import { PageHeading } from "../components/PageHeading.tsx";
import { PictureSteps } from "../components/Pictogram.tsx";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { identityTexts } from "./texts/index.ts";

/** /hjaelp/beskeder: how messages reach you (SMS or mail), what you choose, and how to stop them, in easy Danish, one picture per idea. */
export default function NoticesHelpPage() {
  const { t } = useTexts(identityTexts);
  usePageTitle(() => t("identity.help.noticesTitle"));
  return (
    <>
      <PageHeading title={t("identity.help.noticesTitle")} lead={t("identity.help.noticesLead")} />
      <PictureSteps
        steps={[
          { picture: "sms", text: t("identity.help.notices1") },
          { picture: "mail", text: t("identity.help.notices2") },
          { picture: "choose", text: t("identity.help.notices3") },
          { picture: "calendar", text: t("identity.help.notices4") },
          { picture: "stop", text: t("identity.help.notices5") },
          { picture: "askStaff", text: t("identity.help.notices6") },
        ]}
      />
      <p>
        <A href="/min-side/beskeder" class="big-link">
          {t("identity.help.noticesChoose")}
        </A>
      </p>
    </>
  );
}
