import type { CuratedOffer, OfferInput } from "@naerhed/core/directory/offer";
import { accessibilityFacts } from "@naerhed/core/directory/accessibility";
import { categories } from "@naerhed/core/directory/categories";
import { weekdays } from "@naerhed/core/directory/schedule";
import type { I18n, Language, MessageKey } from "../../i18n/index.tsx";
import { categoryName } from "../format.ts";

/**
 * The editor's form: every OfferInput field as the text the person typed, and the way back
 * and forth between that and the API's OfferInput. Empty fields are left out (a draft may be
 * incomplete; the API refuses empty strings).
 */

export type FormValues = {
  name: string;
  alternate_name: string;
  category: string;
  description: string;
  organization_name: string;
  /** The picked organisation's record (OrganizationPicker); empty for a name that is no record. */
  organization_id: string;
  status: string;
  minimum_age: string;
  maximum_age: string;
  eligibility_description: string;
  application_process: string;
  schedule_description: string;
  area: string;
  location_name: string;
  location_address_1: string;
  location_postal_code: string;
  location_city: string;
  free: "" | "yes" | "no";
  fees_description: string;
  phone: string;
  email: string;
  url: string;
  accessibility_notes: string;
  accessibility: string[];
  location_confidential: boolean;
  weekly: { weekday: string; opens_at: string; closes_at: string }[];
  /** What the form does not edit (yet) but must not lose on save: dated sessions, languages, coordinates (from import or the API). */
  kept: Pick<OfferInput, "sessions" | "languages"> & { latitude?: number; longitude?: number };
};

export const emptyForm = (): FormValues => ({
  name: "",
  alternate_name: "",
  category: "",
  description: "",
  organization_name: "",
  organization_id: "",
  status: "",
  minimum_age: "",
  maximum_age: "",
  eligibility_description: "",
  application_process: "",
  schedule_description: "",
  area: "",
  location_name: "",
  location_address_1: "",
  location_postal_code: "",
  location_city: "",
  free: "",
  fees_description: "",
  phone: "",
  email: "",
  url: "",
  accessibility_notes: "",
  accessibility: [],
  location_confidential: false,
  weekly: [],
  kept: {},
});

export const statuses = ["active", "inactive", "defunct", "temporarily closed"] as const;
export const categoryIds = categories.map((category) => category.id);

/** The plain texts (long ones get the LIX hint). */
export const longTexts = [
  "description",
  "eligibility_description",
  "application_process",
  "schedule_description",
  "fees_description",
  "accessibility_notes",
] as const;

const plainTexts = [
  "name",
  "alternate_name",
  "organization_name",
  "organization_id",
  "area",
  "phone",
  "email",
  "url",
  ...longTexts,
] as const;

export function toForm(offer: OfferInput): FormValues {
  const form = emptyForm();
  for (const key of plainTexts) form[key] = offer[key] ?? "";
  form.category = offer.category ?? "";
  form.status = offer.status ?? "";
  form.minimum_age = offer.minimum_age === undefined ? "" : String(offer.minimum_age);
  form.maximum_age = offer.maximum_age === undefined ? "" : String(offer.maximum_age);
  form.free = offer.free === undefined ? "" : offer.free ? "yes" : "no";
  form.location_name = offer.location?.name ?? "";
  form.location_address_1 = offer.location?.address_1 ?? "";
  form.location_postal_code = offer.location?.postal_code ?? "";
  form.location_city = offer.location?.city ?? "";
  form.location_confidential = offer.location?.confidential ?? false;
  form.accessibility = [...(offer.accessibility ?? [])];
  form.weekly = (offer.weekly ?? []).map((time) => ({ ...time }));
  form.kept = {
    ...(offer.sessions && { sessions: offer.sessions }),
    ...(offer.languages && { languages: offer.languages }),
    ...(offer.location?.latitude !== undefined && { latitude: offer.location.latitude, longitude: offer.location.longitude }),
  };
  return form;
}

export const isAge = (text: string) => /^\d{1,3}$/.test(text.trim());

/** What to send. Ages that are not numbers are caught before (see `localProblems`). */
export function toInput(form: FormValues, centreId: string): OfferInput {
  const input: Record<string, unknown> = { centre_id: centreId };
  for (const key of plainTexts) {
    const value = form[key].trim();
    if (value) input[key] = value;
  }
  if (form.category) input.category = form.category;
  if (form.status) input.status = form.status;
  if (isAge(form.minimum_age)) input.minimum_age = Number(form.minimum_age.trim());
  if (isAge(form.maximum_age)) input.maximum_age = Number(form.maximum_age.trim());
  if (form.free) input.free = form.free === "yes";
  const location = {
    name: form.location_name.trim(),
    address_1: form.location_address_1.trim(),
    postal_code: form.location_postal_code.trim(),
    city: form.location_city.trim(),
  };
  // The address goes along when any part of it is filled in; the API names what is missing.
  if (location.address_1 || location.postal_code || location.city || location.name) {
    input.location = {
      ...Object.fromEntries(Object.entries(location).filter(([key, value]) => value || key !== "name")),
      ...(form.kept.latitude !== undefined && { latitude: form.kept.latitude, longitude: form.kept.longitude }),
      ...(form.location_confidential && { confidential: true }),
    };
  }
  if (form.accessibility.length > 0) input.accessibility = [...form.accessibility];
  if (form.weekly.length > 0) input.weekly = form.weekly.map((time) => ({ ...time, opens_at: time.opens_at.trim(), closes_at: time.closes_at.trim() }));
  if (form.kept.sessions) input.sessions = form.kept.sessions;
  if (form.kept.languages) input.languages = form.kept.languages;
  return input as OfferInput;
}

/** Input ids of the radio groups: the first radio (ErrorSummary links to it). */
export const radioIds = { category: `category-${categoryIds[0]}`, status: `status-${statuses[0]}`, free: "free-yes" } as const;

/** The id of the input on the page for each field the API may name. */
export const inputIds: Record<string, string> = {
  name: "name",
  alternate_name: "alternate_name",
  description: "description",
  organization_name: "organization_name",
  organization_id: "organization_name",
  eligibility_description: "eligibility_description",
  application_process: "application_process",
  schedule_description: "schedule_description",
  fees_description: "fees_description",
  accessibility_notes: "accessibility_notes",
  area: "area",
  phone: "phone",
  email: "email",
  url: "url",
  minimum_age: "minimum_age",
  maximum_age: "maximum_age",
  category: radioIds.category,
  status: radioIds.status,
  free: radioIds.free,
  location: "location_address_1",
  "location.name": "location_name",
  "location.address_1": "location_address_1",
  "location.postal_code": "location_postal_code",
  "location.city": "location_city",
  "location.confidential": "location_confidential",
  accessibility: "accessibility-step_free",
  weekly: "weekly-add",
  // One row of weekly times per index; the API names e.g. weekly.0.closes_at.
  ...Object.fromEntries(
    Array.from({ length: 14 }, (_, row) => ["weekday", "opens_at", "closes_at"].map((part) => [`weekly.${row}.${part}`, `weekly-${row}-${part}`])).flat(),
  ),
};

/** API field paths → input ids, for both the bare paths (publish) and `offer.…` (PUT's body). */
export const apiFieldIds: Record<string, string> = Object.fromEntries(
  Object.entries(inputIds).flatMap(([path, id]) => [
    [path, id],
    [`offer.${path}`, id],
  ]),
);

/** The label of each input, for the error summary ("Adresse: …"). */
export const inputLabels: Record<string, MessageKey> = {
  name: "field.name",
  alternate_name: "field.alternate_name",
  description: "field.description",
  organization_name: "field.organization_name",
  eligibility_description: "field.eligibility_description",
  application_process: "field.application_process",
  schedule_description: "field.schedule_description",
  fees_description: "field.fees_description",
  accessibility_notes: "field.accessibility_notes",
  area: "field.area",
  phone: "field.phone",
  email: "field.email",
  url: "field.url",
  minimum_age: "field.minimum_age",
  maximum_age: "field.maximum_age",
  [radioIds.category]: "field.category",
  [radioIds.status]: "field.status",
  [radioIds.free]: "field.free",
  location_name: "field.location_name",
  location_address_1: "field.address_1",
  location_postal_code: "field.postal_code",
  location_city: "field.city",
  location_confidential: "field.confidential",
  "accessibility-step_free": "field.accessibility",
  "weekly-add": "field.weekly",
  ...Object.fromEntries(
    Array.from({ length: 14 }, (_, row) => [
      [`weekly-${row}-weekday`, "field.weekday"],
      [`weekly-${row}-opens_at`, "field.opens_at"],
      [`weekly-${row}-closes_at`, "field.closes_at"],
    ]).flat(),
  ),
};

export const statusKey = (status: string): MessageKey =>
  status === "temporarily closed" ? "offerStatus.paused" : (`offerStatus.${status}` as MessageKey);

/** The fields a person sees, in the order of the form, for the conflict list. */
const comparedFields: { key: keyof OfferInput; label: MessageKey }[] = [
  { key: "name", label: "field.name" },
  { key: "alternate_name", label: "field.alternate_name" },
  { key: "category", label: "field.category" },
  { key: "description", label: "field.description" },
  { key: "organization_name", label: "field.organization_name" },
  { key: "status", label: "field.status" },
  { key: "minimum_age", label: "field.minimum_age" },
  { key: "maximum_age", label: "field.maximum_age" },
  { key: "eligibility_description", label: "field.eligibility_description" },
  { key: "application_process", label: "field.application_process" },
  { key: "schedule_description", label: "field.schedule_description" },
  { key: "weekly", label: "field.weekly" },
  { key: "area", label: "field.area" },
  { key: "location", label: "editor.place" },
  { key: "free", label: "field.free" },
  { key: "fees_description", label: "field.fees_description" },
  { key: "phone", label: "field.phone" },
  { key: "email", label: "field.email" },
  { key: "url", label: "field.url" },
  { key: "accessibility_notes", label: "field.accessibility_notes" },
  { key: "accessibility", label: "field.accessibility" },
];

export type Difference = { key: string; label: string; mine: string; theirs: string };

function shown(key: keyof OfferInput, value: unknown, t: I18n["t"], lang: Language): string {
  if (value === undefined || value === null || value === "") return t("field.empty");
  if (key === "category") return categoryName(value as OfferInput["category"] & string, lang);
  if (key === "status") return t(statusKey(String(value)));
  if (key === "free") return t(value ? "field.yes" : "field.no");
  if (key === "accessibility") return (value as string[]).map((id) => accessibilityFacts.find((fact) => fact.id === id)?.name[lang] ?? id).join(", ");
  if (key === "weekly") {
    return (value as NonNullable<OfferInput["weekly"]>)
      .map((time) => `${weekdays.find((day) => day.id === time.weekday)?.name[lang] ?? time.weekday} ${time.opens_at}–${time.closes_at}`)
      .join(", ");
  }
  if (key === "location") {
    const place = value as NonNullable<OfferInput["location"]>;
    return [place.name, place.address_1, `${place.postal_code ?? ""} ${place.city ?? ""}`.trim()].filter(Boolean).join(", ");
  }
  return String(value);
}

/** Which fields differ between what the person typed and what someone else saved. */
export function differences(mine: OfferInput, theirs: CuratedOffer, t: I18n["t"], lang: Language): Difference[] {
  // Objects (the address) compare key by key, whatever order the keys came in.
  const normal = (value: unknown) =>
    value && typeof value === "object" ? JSON.stringify(Object.entries(value).sort()) : JSON.stringify(value ?? null);
  return comparedFields
    .filter(({ key }) => normal(mine[key]) !== normal(theirs[key]))
    .map(({ key, label }) => ({
      key,
      label: t(label),
      mine: shown(key, mine[key], t, lang),
      theirs: shown(key, theirs[key], t, lang),
    }));
}
