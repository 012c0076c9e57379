import { createSignal, For, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FormField } from "../components/FormField.tsx";
import { NoAccess } from "../components/NoAccess.tsx";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { RequireSignIn } from "../components/RequireSignIn.tsx";
import { api, ApiError, useCall } from "../lib/api.ts";
import { useFormErrors } from "../lib/forms.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { allCentres, centreName, loadSite, type SiteCentre } from "../lib/site.ts";
import { useTexts } from "../lib/texts.ts";
import { organisationTexts, type OrganisationKey } from "./texts/index.ts";
import "./organisation.css";

/** /admin/centre: the organisation's centres; administrators create, rename, move and close them. */
export default function CentresPage() {
  const { t } = useTexts(organisationTexts);
  usePageTitle(() => t("organisation.centres.title"));
  return <RequireSignIn roles={["admin"]}>{() => <Centres />}</RequireSignIn>;
}

type OpenItem = { kind: "offer" | "vote" | "consultation" | "mentor_pair"; id: string; title?: string };
type Outcome = { kind: "success" | "warning"; text: string; items?: OpenItem[] };

/** How many times a close asks again while the other modules are still answering. */
const CLOSE_TRIES = 4;

function Centres() {
  const { t, lang } = useTexts(organisationTexts);
  const call = useCall();
  const [editing, setEditing] = createSignal<string>();
  const [outcome, setOutcome] = createSignal<Outcome>();
  const [forbidden, setForbidden] = createSignal(false);
  let status: HTMLDivElement | undefined;

  const show = (result: Outcome) => {
    setOutcome(result);
    status?.focus();
  };

  async function close(centre: SiteCentre) {
    const name = centreName(centre.id, lang());
    let requestId: string | undefined;
    try {
      for (let attempt = 1; attempt <= CLOSE_TRIES; attempt++) {
        const answer = await call(api.organisation.centres[":centre"].close.$post, { param: { centre: centre.id } }, { body: { version: centre.version, ...(requestId ? { request_id: requestId } : {}) } });
        if (answer.status === "closed") {
          await loadSite();
          return show({ kind: "success", text: t("organisation.centres.closedDone", { name }) });
        }
        requestId = answer.request_id;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      show({ kind: "warning", text: t("organisation.centres.checking") });
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) return setForbidden(true);
      const items = error instanceof ApiError && error.code === "centre_still_in_use" ? ((error.details?.items as OpenItem[] | undefined) ?? []) : undefined;
      show({ kind: "warning", text: items ? t("organisation.centres.stillInUse", { name }) : error instanceof Error ? error.message : String(error), items });
    }
  }

  return (
    <Show when={!forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("organisation.centres.title")} lead={t("organisation.centres.lead")} />
      <div role="status" tabindex="-1" ref={status}>
        <Show when={outcome()}>
          {(shown) => (
            <Notice kind={shown().kind}>
              <p>{shown().text}</p>
              <Show when={shown().items?.length}>
                <ul class="bullets">
                  <For each={shown().items}>{(item) => <li>{t(`organisation.centres.item.${item.kind}` as OrganisationKey, { title: item.title ?? "" })}</li>}</For>
                </ul>
              </Show>
            </Notice>
          )}
        </Show>
      </div>
      <Show when={allCentres().length > 0} fallback={<p>{t("organisation.centres.none")}</p>}>
        <ul class="centre-list">
          <For each={allCentres()}>
            {(centre) => (
              <li>
                <h2 class="section-title">{centreName(centre.id, lang())}</h2>
                <p>
                  {centre.status === "open" ? t("organisation.centres.open") : t("organisation.centres.closed")}.{" "}
                  {t("organisation.centres.where", {
                    address: centre.address.address_1,
                    postcode: centre.address.postal_code,
                    city: centre.address.city,
                    municipality: centre.municipality,
                  })}
                </p>
                <Show when={centre.status === "open"}>
                  <Show
                    when={editing() === centre.id}
                    fallback={
                      <div class="centre-list__actions">
                        <Button variant="secondary" onClick={() => setEditing(centre.id)}>
                          {t("organisation.centres.edit", { name: centreName(centre.id, lang()) })}
                        </Button>
                        <Button variant="secondary" onClick={() => void close(centre)}>
                          {t("organisation.centres.close", { name: centreName(centre.id, lang()) })}
                        </Button>
                      </div>
                    }
                  >
                    <CentreForm
                      prefix={`edit-${centre.id}`}
                      centre={centre}
                      onDone={(saved) => {
                        setEditing(undefined);
                        show({ kind: "success", text: t("organisation.centres.saved", { name: saved }) });
                      }}
                      onCancel={() => setEditing(undefined)}
                    />
                  </Show>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <PageSection id="centre-new" title={t("organisation.centres.new")}>
        <CentreForm prefix="new-centre" onDone={(saved) => show({ kind: "success", text: t("organisation.centres.created", { name: saved }) })} />
      </PageSection>
    </Show>
  );
}

/** One centre's fields, for a new centre or a change (rename, move) at the version shown. */
function CentreForm(props: { prefix: string; centre?: SiteCentre; onDone: (name: string) => void; onCancel?: () => void }) {
  const { t } = useTexts(organisationTexts);
  const call = useCall();
  const id = (field: string) => `${props.prefix}-${field}`;
  const form = useFormErrors({
    name_da: id("name-da"),
    name_en: id("name-en"),
    "address.address_1": id("address"),
    "address.postal_code": id("postcode"),
    "address.city": id("city"),
    municipality: id("municipality"),
    region: id("region"),
    id: id("name-da"),
  });
  const [nameDa, setNameDa] = createSignal(props.centre?.name.da ?? "");
  const [nameEn, setNameEn] = createSignal(props.centre?.name.en ?? "");
  const [address, setAddress] = createSignal(props.centre?.address.address_1 ?? "");
  const [postcode, setPostcode] = createSignal(props.centre?.address.postal_code ?? "");
  const [city, setCity] = createSignal(props.centre?.address.city ?? "");
  const [municipality, setMunicipality] = createSignal(props.centre?.municipality ?? "");
  const [region, setRegion] = createSignal(props.centre?.region ?? "");

  async function save(event: SubmitEvent) {
    event.preventDefault();
    await form.send(async () => {
      const fields = {
        name_da: nameDa(),
        name_en: nameEn(),
        address: { address_1: address(), postal_code: postcode(), city: city() },
        municipality: municipality(),
        region: region(),
      };
      const answer = props.centre
        ? await call(api.organisation.centres[":centre"].$put, { param: { centre: props.centre.id } }, { body: { version: props.centre.version, ...fields } })
        : await call(api.organisation.centres.$post, {}, { body: fields });
      form.clear();
      if (!props.centre) {
        for (const clear of [setNameDa, setNameEn, setAddress, setPostcode, setCity]) clear("");
      }
      await loadSite();
      props.onDone(answer.centre.name.da);
    });
  }

  return (
    <>
      <ErrorSummary errors={form.errors()} />
      <form class="form" novalidate onSubmit={save}>
        <FormField id={id("name-da")} label={t("organisation.centres.nameDa")} value={nameDa()} error={form.at(id("name-da"))} onInput={setNameDa} />
        <FormField id={id("name-en")} label={t("organisation.centres.nameEn")} hint={t("organisation.centres.nameEnHint")} value={nameEn()} error={form.at(id("name-en"))} onInput={setNameEn} />
        <FormField id={id("address")} label={t("organisation.centres.address")} value={address()} error={form.at(id("address"))} onInput={setAddress} autocomplete="address-line1" />
        <FormField
          id={id("postcode")}
          label={t("organisation.centres.postcode")}
          inputmode="numeric"
          value={postcode()}
          error={form.at(id("postcode"))}
          onInput={setPostcode}
          autocomplete="postal-code"
        />
        <FormField id={id("city")} label={t("organisation.centres.city")} value={city()} error={form.at(id("city"))} onInput={setCity} autocomplete="address-level2" />
        <FormField id={id("municipality")} label={t("organisation.centres.municipality")} value={municipality()} error={form.at(id("municipality"))} onInput={setMunicipality} />
        <FormField id={id("region")} label={t("organisation.centres.region")} value={region()} error={form.at(id("region"))} onInput={setRegion} />
        <div class="centre-list__actions">
          <Button type="submit" busy={form.sending()}>
            {props.centre ? t("organisation.centres.save") : t("organisation.centres.create")}
          </Button>
          <Show when={props.onCancel}>
            {(cancel) => (
              <Button variant="secondary" onClick={() => cancel()()}>
                {t("organisation.centres.cancel")}
              </Button>
            )}
          </Show>
        </div>
      </form>
    </>
  );
}
