import { accessibilityFacts, categories, OFFER_STATUSES, weekdays } from "@naerhed/core/directory/lists";
import type { CuratedOffer, OfferInput } from "@naerhed/core/directory/offer";
import type { RadioOption } from "../../components/RadioGroup.tsx";
import type { SummaryError } from "../../lib/forms.ts";
import type { Language } from "../../lib/language.tsx";
import type { Translate } from "../../lib/texts.ts";
import { categoryName } from "../format.ts";
import type { DirectoryKey } from "../texts/index.ts";
import type { OrganizationChoice } from "./OrganizationPicker.tsx";

/**
 * The offer editor's fields, in the order of the form: one table that gives each field its
 * place in OfferInput, its input, its label and hint, and its section. The form's state, the
 * inputs' ids, the error summary's labels, the conflict list and the sections all come from
 * here, so a new field of an offer is one entry here (and its texts).
 */

type T = Translate<DirectoryKey>;
export type WeeklyRow = { weekday: string; opens_at: string; closes_at: string };

/** How a field is typed in; its kind decides how what is typed becomes the API's value and back. */
export type Input =
  | { kind: "text"; type?: "tel" | "email" | "url"; inputmode?: "numeric"; autocomplete?: "off"; exact?: true }
  | { kind: "age" }
  | { kind: "long"; rows?: number }
  | { kind: "choice"; options: (t: T, lang: Language) => RadioOption[] }
  | { kind: "yesNo" }
  | { kind: "facts" }
  | { kind: "check" }
  | { kind: "weekly" }
  /** A name picked from the shared organisations (or typed): the name at the field's path, the record's id at `idPath`. */
  | { kind: "organization"; idPath: string };

export type Field = {
  /** The form's key and the input's id (a group of radios or checkboxes: its name). */
  id: string;
  /** Where the value lives in OfferInput; the API names a problem by it (e.g. "location.postal_code"). */
  path: string;
  label: DirectoryKey;
  hint?: DirectoryKey;
  input: Input;
};

export const statusKey = (status: string): DirectoryKey =>
  status === "temporarily closed" ? "directory.offerStatus.paused" : (`directory.offerStatus.${status}` as DirectoryKey);

const categoryOptions = (_t: T, lang: Language) => categories.map((category) => ({ value: category.id, label: category.name[lang] }));
const statusOptions = (t: T) => OFFER_STATUSES.map((status) => ({ value: status, label: t(statusKey(status)) }));

export const fields: readonly Field[] = [
  { id: "name", path: "name", label: "directory.field.name", hint: "directory.field.nameHint", input: { kind: "text" } },
  { id: "alternate_name", path: "alternate_name", label: "directory.field.alternate_name", hint: "directory.field.alternate_nameHint", input: { kind: "text" } },
  { id: "category", path: "category", label: "directory.field.category", input: { kind: "choice", options: categoryOptions } },
  { id: "description", path: "description", label: "directory.field.description", hint: "directory.field.descriptionHint", input: { kind: "long", rows: 6 } },
  {
    id: "organization_name",
    path: "organization_name",
    label: "directory.field.organization_name",
    hint: "directory.organization.hint",
    input: { kind: "organization", idPath: "organization_id" },
  },
  { id: "status", path: "status", label: "directory.field.status", input: { kind: "choice", options: statusOptions } },
  { id: "minimum_age", path: "minimum_age", label: "directory.field.minimum_age", hint: "directory.field.ageHint", input: { kind: "age" } },
  { id: "maximum_age", path: "maximum_age", label: "directory.field.maximum_age", hint: "directory.field.ageHint", input: { kind: "age" } },
  { id: "eligibility_description", path: "eligibility_description", label: "directory.field.eligibility_description", input: { kind: "long" } },
  { id: "application_process", path: "application_process", label: "directory.field.application_process", input: { kind: "long" } },
  {
    id: "schedule_description",
    path: "schedule_description",
    label: "directory.field.schedule_description",
    hint: "directory.field.scheduleHint",
    input: { kind: "long", rows: 3 },
  },
  { id: "weekly", path: "weekly", label: "directory.field.weekly", hint: "directory.field.weeklyHint", input: { kind: "weekly" } },
  { id: "area", path: "area", label: "directory.field.area", input: { kind: "text" } },
  { id: "location_name", path: "location.name", label: "directory.field.location_name", input: { kind: "text" } },
  { id: "location_address_1", path: "location.address_1", label: "directory.field.address_1", input: { kind: "text", autocomplete: "off" } },
  {
    id: "location_postal_code",
    path: "location.postal_code",
    label: "directory.field.postal_code",
    input: { kind: "text", inputmode: "numeric", autocomplete: "off" },
  },
  { id: "location_city", path: "location.city", label: "directory.field.city", input: { kind: "text", autocomplete: "off" } },
  { id: "location_confidential", path: "location.confidential", label: "directory.field.confidential", input: { kind: "check" } },
  { id: "free", path: "free", label: "directory.field.free", input: { kind: "yesNo" } },
  { id: "fees_description", path: "fees_description", label: "directory.field.fees_description", input: { kind: "long", rows: 3 } },
  { id: "phone", path: "phone", label: "directory.field.phone", input: { kind: "text", type: "tel", autocomplete: "off" } },
  { id: "email", path: "email", label: "directory.field.email", input: { kind: "text", type: "email", autocomplete: "off", exact: true } },
  { id: "url", path: "url", label: "directory.field.url", hint: "directory.field.urlHint", input: { kind: "text", type: "url", autocomplete: "off", exact: true } },
  { id: "accessibility", path: "accessibility", label: "directory.field.accessibility", input: { kind: "facts" } },
  {
    id: "accessibility_notes",
    path: "accessibility_notes",
    label: "directory.field.accessibility_notes",
    hint: "directory.field.accessHint",
    input: { kind: "long", rows: 3 },
  },
];

export type SectionItem = string | { heading: DirectoryKey; hint: DirectoryKey };

/** The form's sections with their fields by id; a sub-heading with a hint may come between fields. */
export const sections: readonly { id: string; title: DirectoryKey; items: readonly SectionItem[] }[] = [
  { id: "editor-about", title: "directory.editor.about", items: ["name", "alternate_name", "category", "description", "organization_name", "status"] },
  { id: "editor-who", title: "directory.editor.whoFor", items: ["minimum_age", "maximum_age", "eligibility_description", "application_process"] },
  {
    id: "editor-when",
    title: "directory.editor.whenWhere",
    items: [
      "schedule_description",
      "weekly",
      "area",
      { heading: "directory.editor.place", hint: "directory.editor.placeHint" },
      "location_name",
      "location_address_1",
      "location_postal_code",
      "location_city",
      "location_confidential",
    ],
  },
  { id: "editor-price", title: "directory.editor.price", items: ["free", "fees_description"] },
  { id: "editor-contact", title: "directory.editor.contact", items: ["phone", "email", "url"] },
  { id: "editor-access", title: "directory.editor.access", items: ["accessibility", "accessibility_notes"] },
];

export const fieldById = new Map(fields.map((field) => [field.id, field]));

export type FieldValue = string | string[] | boolean | WeeklyRow[] | OrganizationChoice;

/** What the person has typed, by field id, and what the form does not edit but must not lose on save. */
export type FormValues = {
  values: Record<string, FieldValue>;
  /** Dated sessions, languages and coordinates (from import or the API). */
  kept: { sessions?: OfferInput["sessions"]; languages?: OfferInput["languages"]; latitude?: number; longitude?: number };
};

export const isAge = (text: string) => /^\d{1,3}$/.test(text.trim());

const get = (value: unknown, path: string): unknown => path.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], value);

/** A field's value in an offer: at its path; an organisation's is its name and its record's id. */
function valueIn(field: Field, offer: unknown): unknown {
  if (field.input.kind !== "organization") return get(offer, field.path);
  const id = get(offer, field.input.idPath) as string | undefined;
  return { name: (get(offer, field.path) as string | undefined) ?? "", ...(id ? { id } : {}) };
}

function set(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  const last = keys.pop()!;
  let at = target;
  for (const key of keys) at = (at[key] ??= {}) as Record<string, unknown>;
  at[last] = value;
}

/** The form's value of a field for the API's value. */
function formValue(input: Input, value: unknown): FieldValue {
  switch (input.kind) {
    case "age":
      return value === undefined ? "" : String(value);
    case "yesNo":
      return value === undefined ? "" : value ? "yes" : "no";
    case "facts":
      return [...((value as string[] | undefined) ?? [])];
    case "check":
      return (value as boolean | undefined) ?? false;
    case "weekly":
      return ((value as WeeklyRow[] | undefined) ?? []).map((row) => ({ ...row }));
    case "organization":
      return (value as OrganizationChoice | undefined) ?? { name: "" };
    default:
      return (value as string | undefined) ?? "";
  }
}

/** The API's value for what is typed; undefined leaves the field out (a draft may be incomplete; the API refuses empty strings). */
function apiValue(input: Input, value: FieldValue): unknown {
  switch (input.kind) {
    case "organization": {
      const { name, id } = value as OrganizationChoice;
      return name.trim() ? { name: name.trim(), ...(id ? { id } : {}) } : undefined;
    }
    case "age":
      return isAge(value as string) ? Number((value as string).trim()) : undefined;
    case "yesNo":
      return value === "" ? undefined : value === "yes";
    case "facts":
      return (value as string[]).length > 0 ? [...(value as string[])] : undefined;
    case "check":
      return value === true ? true : undefined;
    case "weekly":
      return (value as WeeklyRow[]).length > 0
        ? (value as WeeklyRow[]).map((row) => ({ ...row, opens_at: row.opens_at.trim(), closes_at: row.closes_at.trim() }))
        : undefined;
    default:
      return (value as string).trim() || undefined;
  }
}

export const emptyForm = (): FormValues => ({ values: Object.fromEntries(fields.map((field) => [field.id, formValue(field.input, undefined)])), kept: {} });

/** Puts a field's API value into the input: at its path; an organisation's name and id at theirs. */
function put(input: Record<string, unknown>, field: Field, value: unknown) {
  if (field.input.kind !== "organization") return set(input, field.path, value);
  const { name, id } = value as OrganizationChoice;
  set(input, field.path, name);
  if (id) set(input, field.input.idPath, id);
}

export function toForm(offer: OfferInput): FormValues {
  return {
    values: Object.fromEntries(fields.map((field) => [field.id, formValue(field.input, valueIn(field, offer))])),
    kept: {
      ...(offer.sessions && { sessions: offer.sessions }),
      ...(offer.languages && { languages: offer.languages }),
      ...(offer.location?.latitude !== undefined && { latitude: offer.location.latitude, longitude: offer.location.longitude }),
    },
  };
}

/** What to send. Ages that are not numbers are caught before (see `ageProblems`). */
export function toInput(form: FormValues, centreId: string): OfferInput {
  const input: Record<string, unknown> = { centre_id: centreId };
  for (const field of fields) {
    const value = apiValue(field.input, form.values[field.id] ?? formValue(field.input, undefined));
    if (value !== undefined) put(input, field, value);
  }
  // The address goes along when any part of it is filled in (the API names what is missing), with its coordinates.
  const location = input.location as Record<string, unknown> | undefined;
  if (location && !["name", "address_1", "postal_code", "city"].some((part) => location[part] !== undefined)) delete input.location;
  else if (location && form.kept.latitude !== undefined) Object.assign(location, { latitude: form.kept.latitude, longitude: form.kept.longitude });
  if (form.kept.sessions) input.sessions = form.kept.sessions;
  if (form.kept.languages) input.languages = form.kept.languages;
  return input as OfferInput;
}

/** The id of the input an error is shown at: the field's own, or the first of its radios or checkboxes. */
export function inputId(field: Field): string {
  if (field.input.kind === "choice") return `${field.id}-${field.id === "category" ? categories[0].id : OFFER_STATUSES[0]}`;
  if (field.input.kind === "yesNo") return `${field.id}-yes`;
  if (field.input.kind === "facts") return `${field.id}-${accessibilityFacts[0].id}`;
  if (field.input.kind === "weekly") return "weekly-add";
  return field.id;
}

/** The weekly times' inputs, one row per index; the API names e.g. weekly.0.closes_at. */
const weeklyInputs = Array.from({ length: 14 }, (_, row) =>
  (["weekday", "opens_at", "closes_at"] as const).map((part) => ({ path: `weekly.${row}.${part}`, id: `weekly-${row}-${part}`, label: `directory.field.${part}` as const })),
).flat();

/** API field paths → input ids, for both the bare paths (publish) and `offer.…` (PUT's body). */
export const apiFieldIds: Record<string, string> = Object.fromEntries(
  [
    ...fields.flatMap((field) => [field.path, ...(field.input.kind === "organization" ? [field.input.idPath] : [])].map((path) => [path, inputId(field)])),
    ["location", "location_address_1"],
    ...weeklyInputs.map((input) => [input.path, input.id]),
  ].flatMap(([path, id]) => [
    [path, id],
    [`offer.${path}`, id],
  ]),
);

/** The label of each input, for the error summary ("Adresse: …"). */
export const inputLabels: Record<string, DirectoryKey> = Object.fromEntries([
  ...fields.map((field) => [inputId(field), field.label]),
  ...weeklyInputs.map((input) => [input.id, input.label]),
]);

/** Ages must be numbers before anything is sent. */
export const ageProblems = (form: FormValues, t: T): SummaryError[] =>
  fields
    .filter((field) => field.input.kind === "age" && (form.values[field.id] as string).trim() !== "" && !isAge(form.values[field.id] as string))
    .map((field) => ({ field: field.id, message: t("directory.field.ageInvalid") }));

/** A field's value from the API in words, for the conflict list. */
function shown(field: Field, value: unknown, t: T, lang: Language): string {
  if (value === undefined || value === null || value === "") return t("directory.field.empty");
  switch (field.input.kind) {
    case "choice":
      return field.id === "category" ? categoryName(value as OfferInput["category"] & string, lang) : t(statusKey(String(value)));
    case "yesNo":
    case "check":
      return t(value ? "directory.field.yes" : "directory.field.no");
    case "facts":
      return (value as string[]).map((id) => accessibilityFacts.find((fact) => fact.id === id)?.name[lang] ?? id).join(", ");
    case "weekly":
      return (value as WeeklyRow[])
        .map((row) => `${weekdays.find((day) => day.id === row.weekday)?.name[lang] ?? row.weekday} ${row.opens_at}–${row.closes_at}`)
        .join(", ");
    case "organization":
      return (value as OrganizationChoice).name || t("directory.field.empty");
    default:
      return String(value);
  }
}

export type Difference = { id: string; label: string; mine: string; theirs: string };

/** Which fields differ between what the person typed and what someone else saved, in the form's order. */
export function differences(mine: OfferInput, theirs: CuratedOffer, t: T, lang: Language): Difference[] {
  const normal = (value: unknown) => JSON.stringify(value ?? null);
  return fields
    .filter((field) => normal(valueIn(field, mine)) !== normal(valueIn(field, theirs)))
    .map((field) => ({ id: field.id, label: t(field.label), mine: shown(field, valueIn(field, mine), t, lang), theirs: shown(field, valueIn(field, theirs), t, lang) }));
}
