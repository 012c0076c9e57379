import { A } from "@solidjs/router";
import { createSignal } from "solid-js";
import { Notice } from "../components/Notice.tsx";
import { FormOrThanks } from "../components/FormOrThanks.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { mentorTexts } from "./texts/index.ts";
import { api, useCall } from "../lib/api.ts";
import { emptyMentorDetails, MentorDetailsForm } from "./MentorDetailsForm.tsx";

/** /mentorordningen/bliv-mentor: anyone signed in applies; staff then call them (screening). */
export default function ApplyPage() {
  const { t } = useTexts(mentorTexts);
  usePageTitle(() => t("mentor.apply.title"));
  return <RequireSignIn>{() => <ApplyForm />}</RequireSignIn>;
}

function ApplyForm() {
  const { t } = useTexts(mentorTexts);
  const call = useCall();
  const [sent, setSent] = createSignal(false);

  return (
    <>
      <PageHeading title={t("mentor.apply.title")} lead={t("mentor.apply.lead")} />
      <FormOrThanks
        sent={sent()}
        thanks={
          <>
            <Notice kind="success" title={t("mentor.apply.thanks")}>
              <p>{t("mentor.apply.next")}</p>
            </Notice>
            <p>
              <A href="/mentorordningen/mine" class="big-link">
                {t("mentor.mine")}
              </A>
            </p>
          </>
        }
      >
        <MentorDetailsForm
          prefix="apply"
          initial={emptyMentorDetails}
          askCentre
          submitLabel={t("mentor.apply.send")}
          send={async (body) => {
            await call(api.mentor.applications.$post, {}, { body });
            setSent(true);
          }}
        />
      </FormOrThanks>
    </>
  );
}
