import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { Button } from "../../components/Button.tsx";
import { FormField } from "../../components/FormField.tsx";
import { api, ApiError, useCall, type Answer } from "../../lib/api.ts";
import { createLoader } from "../../lib/load.ts";
import { useTexts } from "../../lib/texts.ts";
import { directoryTexts } from "../texts/index.ts";

/**
 * "Hvem står bag": the organisation behind an offer. Staff type a name; the organisations already
 * stored (shared by every centre) come up as suggestions, and a name that is on the list picks
 * that organisation; a new name can be created here as an organisation of its own. The editor
 * keeps the name and the picked organisation's id (`organization_id`, offer-fields.ts); the API
 * gives the offer the organisation's current name.
 */

export type OrganizationChoice = { name: string; id?: string };
type Organization = Answer<typeof api.directory.organizations.$get>["items"][number];

const fold = (text: string) => text.normalize("NFC").trim().toLocaleLowerCase("da").replace(/\s+/g, " ");

export function OrganizationPicker(props: {
  id: string;
  label: string;
  hint?: string;
  value: OrganizationChoice;
  error?: string;
  onChange: (choice: OrganizationChoice) => void;
}) {
  const { t } = useTexts(directoryTexts);
  const call = useCall();
  // The list is read when the person first comes to the field, not with every editor page.
  const [wanted, setWanted] = createSignal(false);
  const loaded = createLoader(wanted, (_, signal) => call(api.directory.organizations.$get, {}, { signal }));
  /** Made by someone since the list came (here, or by another person: a conflict carries it); the list is not read again. */
  const [added, setAdded] = createSignal<Organization[]>([]);
  // Without the list, staff can still type the name.
  const stored = createMemo(() => {
    const items = loaded.data()?.items ?? (loaded.failure() ? [] : undefined);
    return items && [...items, ...added()];
  });
  const [news, setNews] = createSignal("");
  const [failed, setFailed] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const listId = `${props.id}-list`;
  const byName = (name: string) => (stored() ?? []).find((organization) => fold(organization.name) === fold(name));
  const picked = createMemo(() => (props.value.id ? (stored() ?? []).find((organization) => organization.id === props.value.id) : undefined));
  // A name typed before the list came (or an older offer's name) picks its organisation once the list is here.
  createEffect(
    on(stored, (list) => {
      const match = list && !props.value.id ? byName(props.value.name) : undefined;
      if (match) props.onChange({ name: match.name, id: match.id });
    }),
  );

  function type(name: string) {
    setNews("");
    setFailed("");
    const match = byName(name);
    props.onChange(match ? { name: match.name, id: match.id } : { name });
  }

  function choose(organization: Organization) {
    setAdded([...added(), organization]);
    props.onChange({ name: organization.name, id: organization.id });
  }

  async function create() {
    const name = props.value.name.trim();
    if (!name || busy()) return;
    setBusy(true);
    setFailed("");
    try {
      const { organization } = await call(api.directory.organizations.$post, {}, { body: { name } });
      choose(organization);
      setNews(t("directory.organization.created", { name: organization.name }));
    } catch (error) {
      // Someone made it meanwhile: the conflict carries it, so it is picked instead.
      const current = error instanceof ApiError ? (error.details?.current as Organization | undefined) : undefined;
      if (current) choose(current);
      else setFailed(error instanceof ApiError ? error.message : t("directory.organization.failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormField
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      value={props.value.name}
      autocomplete="off"
      list={listId}
      onFocus={() => setWanted(true)}
      onInput={type}
    >
      <datalist id={listId}>
        <For each={stored() ?? []}>{(organization) => <option value={organization.name} />}</For>
      </datalist>
      <Show when={loaded.loading()}>
        <p class="field__hint">{t("directory.organization.loading")}</p>
      </Show>
      <Show when={picked()}>
        {(organization) => (
          <p class="field__hint">
            {t("directory.organization.picked", { name: organization().name })} {organization().website ?? ""}
          </p>
        )}
      </Show>
      <Show when={!props.value.id && props.value.name.trim() && stored()}>
        <p class="field__hint">{t("directory.organization.new", { name: props.value.name.trim() })}</p>
        <Button variant="secondary" busy={busy()} onClick={() => void create()}>
          {t("directory.organization.create", { name: props.value.name.trim() })}
        </Button>
      </Show>
      <p class="status" role="status">
        {news()}
      </p>
      <Show when={failed()}>
        <p class="field__error" role="alert">
          {failed()}
        </p>
      </Show>
    </FormField>
  );
}
