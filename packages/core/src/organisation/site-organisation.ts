import * as v from "valibot";
import { Email } from "../identity/person.ts";
import { optionalText, requiredText } from "../shared/validation.ts";
import { checkColour, isHexColour } from "./colour.ts";

/**
 * The site organisation: the municipality or provider that runs this deployment (one deployment,
 * one organisation; README sketches how a hosted setup for many would extend it). Not an HSDS
 * `organization`, which is an association that offers activities (directory/organization.ts).
 * Its name, short name, logo and colour make the site's header; its contact the footer; its
 * accessibility fields part of the accessibility statement (/tilgaengelighed).
 */

const Phone = v.pipe(v.string("organisation_phone_invalid"), v.trim(), v.regex(/^\+?[\d ]{8,16}$/, "organisation_phone_invalid"));

/** The main colour as #rrggbb, accepted only with enough contrast (colour.ts says against what). */
export const MainColour = v.pipe(
  v.string("colour_invalid"),
  v.trim(),
  v.toLowerCase(),
  v.check(isHexColour, "colour_invalid"),
  v.check((colour) => checkColour(colour).passes, "colour_contrast_low"),
);

export const Contact = v.object({
  phone: Phone,
  email: Email,
  address: optionalText(200, "organisation_address_invalid"),
  opening_hours: optionalText(200, "organisation_opening_hours_invalid"),
});

/** The organisation's own part of the accessibility statement; the platform adds what its tests check. */
export const AccessibilityFields = v.object({
  /** Where people write about a problem with the site's accessibility (defaults to the contact email). */
  feedback_email: v.optional(Email),
  /** When the organisation itself last went through the site (YYYY-MM-DD). */
  reviewed_on: v.optional(v.pipe(v.string("date_invalid"), v.isoDate("date_invalid"))),
  /** Problems the organisation knows of in its own content (a PDF, a video without captions). */
  known_gaps: optionalText(2000, "organisation_known_gaps_invalid"),
});

export const SiteOrganisationFields = v.object({
  name: requiredText(120, "organisation_name_invalid"),
  short_name: requiredText(30, "organisation_short_name_invalid"),
  colour: MainColour,
  contact: Contact,
  municipalities: v.pipe(
    v.array(requiredText(60, "organisation_municipality_invalid"), "organisation_municipalities_required"),
    v.minLength(1, "organisation_municipalities_required"),
    v.maxLength(99, "organisation_municipalities_required"),
    v.transform((names) => [...new Set(names)]),
  ),
  accessibility: v.optional(AccessibilityFields, {}),
});
export type SiteOrganisationFields = v.InferOutput<typeof SiteOrganisationFields>;

/** A save: the fields and the version the administrator started from (0 for the first save). */
export const SiteOrganisationEdit = v.object({
  version: v.pipe(v.number("version_invalid"), v.integer("version_invalid"), v.minValue(0, "version_invalid")),
  organisation: SiteOrganisationFields,
});

export type Logo = { key: string; content_type: string; sha256: string; size: number };

export type SiteOrganisation = SiteOrganisationFields & {
  version: number;
  updated_at: string;
  logo?: Logo;
  /** The first administrator finished the set-up (organisation, first centre, staff). */
  setup_completed_at?: string;
};

const SeenVersion = v.pipe(v.number("version_invalid"), v.integer("version_invalid"), v.minValue(1, "version_invalid"));

/** A change to a stored organisation that carries no fields (removing the logo): the version seen. */
export const SiteVersion = v.object({ version: SeenVersion });

/** The logo upload: the file's bytes as base64 (the API takes JSON only), and the version seen. */
export const LogoUpload = v.object({
  version: SeenVersion,
  data_base64: v.pipe(v.string("logo_not_image"), v.regex(/^[A-Za-z0-9+/]*={0,2}$/, "logo_not_image"), v.minLength(4, "logo_not_image")),
});
