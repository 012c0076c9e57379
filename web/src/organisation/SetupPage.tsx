import { A, useNavigate } from "@solidjs/router";
import { Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { NoAccess } from "../components/NoAccess.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall } from "../lib/api.ts";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { loadSite, openCentres, siteOrganisation } from "../lib/site.ts";
import { useTexts } from "../lib/texts.ts";
import { organisationTexts } from "./texts/index.ts";

/**
 * /admin/opsaetning: the first administrator's set-up on an empty platform, in the order it must
 * happen (organisation, first centre, staff). Until it is done, every other page leads
 * administrators here (components/OrganisationParts.tsx `SetupGate`).
 */
export default function SetupPage() {
  const { t } = useTexts(organisationTexts);
  usePageTitle(() => t("organisation.setup.title"));
  return <RequireSignIn roles={["admin"]}>{() => <Steps />}</RequireSignIn>;
}

function Steps() {
  const { t } = useTexts(organisationTexts);
  const call = useCall();
  const navigate = useNavigate();
  const form = useFormErrors({ centres: "setup-centres" });
  const step = (done: boolean, text: string) => `${done ? "✓ " : ""}${text}`;

  async function finish() {
    await form.send(async () => {
      await call(api.organisation.setup.complete.$post, {}, {});
      await loadSite();
      navigate("/min-side");
    });
  }

  return (
    <Show when={!form.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("organisation.setup.title")} lead={t("organisation.setup.lead")} />
      <ErrorSummary errors={form.errors()} />
      <ol class="setup-steps">
        <li>
          <A href="/admin/organisation" class="big-link">
            {step(siteOrganisation() !== undefined, t("organisation.setup.organisation"))}
          </A>
        </li>
        <li id="setup-centres">
          <A href="/admin/centre" class="big-link">
            {step(openCentres().length > 0, t("organisation.setup.centre"))}
          </A>
        </li>
        <li>
          <A href="/personale/inviter" class="big-link">
            {t("organisation.setup.staff")}
          </A>
        </li>
      </ol>
      <Show when={siteOrganisation()}>
        <Button onClick={() => void finish()} busy={form.sending()}>
          {t("organisation.setup.finish")}
        </Button>
      </Show>
    </Show>
  );
}
