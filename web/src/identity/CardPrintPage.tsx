import { A, useParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { printedCardCode } from "@naerhed/core/identity/card-rules";
import { Button } from "../components/Button.tsx";
import { Checkbox } from "../components/Checkbox.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { NoAccess } from "../components/NoAccess.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PictureSteps } from "../components/Pictogram.tsx";
import { QrCode } from "../components/QrCode.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, useCall, type Answer } from "../lib/api.ts";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { cardSteps } from "./CardHelpPage.tsx";
import { identityTexts } from "./texts/index.ts";
import "./CardPrintPage.scss";

type PrintedCard = Answer<(typeof api.identity.centres)[":centre"]["people"][":id"]["card"]["$post"]>["card"];

/**
 * /personale/personer/:centre/:id/kort: staff make a sign-in card with the person present and
 * print it on A6 — name, QR code, typed code, how-to in pictures. The code is shown this once:
 * only its hash is stored, so a card lost before printing is made again, not looked up.
 */
export default function CardPrintPage() {
  const { t } = useTexts(identityTexts);
  usePageTitle(() => t("identity.print.title"));
  return <RequireSignIn roles={["staff", "admin"]}>{() => <CardPrint />}</RequireSignIn>;
}

function CardPrint() {
  const { t } = useTexts(identityTexts);
  const params = useParams<{ centre: string; id: string }>();
  const call = useCall();
  const [present, setPresent] = createSignal(false);
  const [card, setCard] = createSignal<PrintedCard>();
  const form = useFormErrors({ person_present: "card-present" });

  function make() {
    if (!present()) return form.setErrors([{ field: "card-present", message: t("identity.people.presentMissing") }]);
    void form.send(async () => {
      const answer = await call(api.identity.centres[":centre"].people[":id"].card.$post, { param: { centre: params.centre, id: params.id } }, { body: { person_present: true } });
      form.clear();
      setCard(answer.card);
    });
  }

  const signInUrl = () => new URL("/kort", window.location.origin);

  return (
    <Show when={!form.forbidden()} fallback={<NoAccess />}>
      <div class="card-print-controls">
        <PageHeading title={t("identity.print.title")} lead={t("identity.print.lead")} />
        <ErrorSummary errors={form.errors()} />
        <Show
          when={card()}
          fallback={
            <>
              <Checkbox id="card-present" label={t("identity.people.present")} checked={present()} error={form.at("card-present")} onChange={setPresent} />
              <Button busy={form.sending()} onClick={make}>
                {t("identity.print.make")}
              </Button>
            </>
          }
        >
          <p>
            <Button onClick={() => window.print()}>{t("identity.print.print")}</Button>
          </p>
        </Show>
        <p>
          <A href="/personale/personer">{t("identity.print.back")}</A>
        </p>
      </div>
      <Show when={card()}>
        {(printed) => (
          <article class="sign-in-card" aria-label={printed().display_name}>
            <h2 class="sign-in-card__name">{printed().display_name}</h2>
            <div class="sign-in-card__keys">
              <QrCode url={`${signInUrl().href}#t=${printed().token}`} label={t("identity.print.qr")} class="sign-in-card__qr" />
              <div>
                <p>{t("identity.print.codeLabel", { site: `${signInUrl().host}${signInUrl().pathname}` })}</p>
                <p class="sign-in-card__code" data-code={printed().code}>
                  {printedCardCode(printed().code)}
                </p>
              </div>
            </div>
            <PictureSteps steps={cardSteps(t).filter((step) => step.picture !== "card" && step.picture !== "signedIn")} />
            <p>{t("identity.print.keep")}</p>
          </article>
        )}
      </Show>
    </Show>
  );
}
