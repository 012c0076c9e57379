import type { Organization } from "@naerhed/core/directory/organization";
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { ApiError, apiGet, apiSend } from "../../api.ts";
import { Button } from "../../components/Button.tsx";
import { describedBy, FieldParts } from "../../components/FieldParts.tsx";
import { useI18n } from "../texts.ts";

/**
 * "Hvem står bag": the organisation behind an offer. Staff type a name; the organisations already
 * stored (shared by every centre) come up as suggestions, and a name that is on the list picks
 * that organisation; a new name can be created here as an organisation of its own. The editor
 * keeps the name and the picked organisation's id (`organization_id`); the API gives the offer the
 * organisation's current name.
 */

export type OrganizationChoice = { name: string; id?: string };

const fold = (text: string) => text.normalize("NFC").trim().toLocaleLowerCase("da").replace(/\s+/g, " ");

export function OrganizationPicker(props: { id: string; label: string; value: OrganizationChoice; error?: string; onChange: (choice: OrganizationChoice) => void }) {
  const { t, lang } = useI18n();
  // The list is read when the person first comes to the field, not with every editor page; a plain
  // signal, not a resource, so the editor never gives way to a loading screen while it comes.
  const [stored, setStored] = createSignal<Organization[]>();
  const [loading, setLoading] = createSignal(false);
  function load() {
    if (stored() || loading()) return;
    setLoading(true);
    apiGet<{ items: Organization[] }>("/directory/organizations", lang())
      .then((answer) => setStored(answer.items))
      // Without the list, staff can still type the name.
      .catch(() => setStored([]))
      .finally(() => setLoading(false));
  }
  const [news, setNews] = createSignal("");
  const [failed, setFailed] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const listId = `${props.id}-list`;
  const byName = (name: string) => (stored() ?? []).find((organization) => fold(organization.name) === fold(name));
  const picked = createMemo(() => (props.value.id ? (stored() ?? []).find((organization) => organization.id === props.value.id) : undefined));
  const hint = () => t("organization.hint");
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

  async function create() {
    const name = props.value.name.trim();
    if (!name || busy()) return;
    setBusy(true);
    setFailed("");
    try {
      const { organization } = await apiSend<{ organization: Organization }>("POST", "/directory/organizations", lang(), { name });
      setStored([...(stored() ?? []), organization]);
      props.onChange({ name: organization.name, id: organization.id });
      setNews(t("organization.created", { name: organization.name }));
    } catch (error) {
      // Someone made it meanwhile: the conflict carries it, so it is picked instead.
      const current = error instanceof ApiError ? (error.details?.current as Organization | undefined) : undefined;
      if (current) {
        setStored([...(stored() ?? []).filter((o) => o.id !== current.id), current]);
        props.onChange({ name: current.name, id: current.id });
      } else setFailed(error instanceof ApiError ? error.message : t("organization.failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="field" classList={{ "field--error": Boolean(props.error) }}>
      <FieldParts id={props.id} label={props.label} hint={hint()} error={props.error} />
      <input
        class="field__input"
        id={props.id}
        name={props.id}
        list={listId}
        autocomplete="off"
        value={props.value.name}
        aria-describedby={describedBy({ id: props.id, hint: hint(), error: props.error })}
        aria-invalid={props.error ? "true" : undefined}
        onFocus={load}
        onInput={(event) => type(event.currentTarget.value)}
      />
      <datalist id={listId}>
        <For each={stored() ?? []}>{(organization) => <option value={organization.name} />}</For>
      </datalist>
      <Show when={loading()}>
        <p class="field__hint">{t("organization.loading")}</p>
      </Show>
      <Show when={picked()}>
        {(organization) => (
          <p class="field__hint">
            {t("organization.picked", { name: organization().name })} {organization().website ?? ""}
          </p>
        )}
      </Show>
      <Show when={!props.value.id && props.value.name.trim() && stored()}>
        <p class="field__hint">{t("organization.new", { name: props.value.name.trim() })}</p>
        <Button variant="secondary" busy={busy()} onClick={() => void create()}>
          {t("organization.create", { name: props.value.name.trim() })}
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
    </div>
  );
}
