import { A, useParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { FormOrThanks } from "../components/FormOrThanks.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { NoAccess } from "../components/NoAccess.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { MentorDetailsForm, type MentorDetails } from "./MentorDetailsForm.tsx";
import { mentorTexts } from "./texts/index.ts";

/**
 * /personale/mentor/mentorer/:centre/:id: staff of the mentor's centre change an approved mentor's
 * details, which the mentor can no longer change themselves ("Tal med personalet"). The API refuses
 * staff of other centres; the page then says "no access".
 */
export default function StaffMentorEditPage() {
  const { t } = useTexts(mentorTexts);
  usePageTitle(() => t("mentor.edit.title"));
  return <RequireSignIn roles={["staff", "admin"]}>{() => <EditMentor />}</RequireSignIn>;
}

function EditMentor() {
  const { t } = useTexts(mentorTexts);
  const params = useParams<{ centre: string; id: string }>();
  const call = useCall();
  const mentors = createLoader(
    () => ({ centre: params.centre }),
    (param, signal) => call(api.mentor.centres[":centre"].mentors.$get, { param }, { signal }),
  );
  // Approved, or approved once and waiting for a new certificate: the mentors whose details are staff's to change.
  const mentor = () => {
    const data = mentors.data();
    return data && [...data.approved, ...data.to_screen.filter((one) => one.status === "recheck")].find((one) => one.id === params.id);
  };
  const [saved, setSaved] = createSignal(false);
  const back = (
    <p>
      <A href="/personale/mentor" class="big-link">
        {t("mentor.edit.back")}
      </A>
    </p>
  );

  return (
    <Show when={!mentors.forbidden() && !mentors.missing()} fallback={<NoAccess />}>
      <PageHeading title={t("mentor.edit.title")} lead={t("mentor.edit.lead")} />
      <Show when={mentors.error()}>{(problem) => <LoadError error={problem()} onRetry={() => void mentors.reload()} />}</Show>
      <Show when={mentors.data()} fallback={<p class="status" role="status">{t("mentor.loading")}</p>}>
        <Show
          when={mentor()}
          fallback={
            <>
              <p>{t("mentor.edit.notFound")}</p>
              {back}
            </>
          }
        >
          {(found) => {
            const { about, interests, languages, centre_id, area, availability, frequency, can_help_with, lived_experience, capacity, gender, contact } = found();
            const initial: MentorDetails = {
              ...{ about, interests, languages, centre_id, availability, frequency, can_help_with, contact },
              area: area ?? "",
              lived_experience: lived_experience ?? "",
              gender: gender ?? "",
              capacity: String(capacity),
            };
            return (
              <FormOrThanks
                sent={saved()}
                thanks={
                  <>
                    <Notice kind="success" title={t("mentor.edit.saved", { name: found().display_name })} />
                    {back}
                  </>
                }
              >
                <h2>{t("mentor.edit.about", { name: found().display_name })}</h2>
                <MentorDetailsForm
                  prefix="edit"
                  initial={initial}
                  askCentre={false}
                  submitLabel={t("mentor.edit.save")}
                  send={async (body) => {
                    await call(api.mentor.centres[":centre"].mentors[":id"].$put, { param: { centre: params.centre, id: params.id } }, { body });
                    setSaved(true);
                  }}
                />
              </FormOrThanks>
            );
          }}
        </Show>
      </Show>
    </Show>
  );
}
