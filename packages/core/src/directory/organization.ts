import * as v from "valibot";
import { optionalText, plainText, requiredText } from "../shared/validation.ts";

/**
 * An organisation behind offers (an association, a club, the municipality itself), stored as a
 * record of its own with the fields of HSDS `organization` that fit (description, website,
 * email, phone, legal status, identifiers such as a CVR number).
 *
 * Ids. Before organisations were records, an organisation was only a name on an offer and its
 * public id UUIDv5(name) (hsds.ts `organizationId`). A record made for such a name keeps that id,
 * so every link other systems hold keeps working; renaming the record keeps the id. Offers point
 * at their record by `organization_id` and keep `organization_name` as the name shown on them.
 */

export const OrganizationId = v.pipe(v.string("organization_id_invalid"), v.trim(), v.toLowerCase(), v.uuid("organization_id_invalid"));

/**
 * A web address people and other systems can open: http or https only. valibot's url() takes
 * any scheme, "javascript:" included, and the open-data feed hands it to systems that may not
 * guard against it. (The URL parser also drops tabs and line breaks silently: refused first.)
 */
export const WebAddress = v.pipe(
  v.string("url_invalid"),
  plainText("one"),
  v.trim(),
  v.url("url_invalid"),
  v.check((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), "url_invalid"),
);

/** HSDS `organization_identifier`: e.g. scheme "DK-CVR", type "CVR-nummer", identifier "12345678". */
export const OrganizationIdentifier = v.object({
  identifier_scheme: optionalText(40, "organization_identifier_invalid"),
  identifier_type: requiredText(80, "organization_identifier_invalid"),
  identifier: requiredText(80, "organization_identifier_invalid"),
});
export type OrganizationIdentifier = v.InferOutput<typeof OrganizationIdentifier>;

/** What staff type for an organisation. */
export const OrganizationInput = v.object({
  name: requiredText(160, "organization_name_invalid"),
  description: optionalText(2000, "organization_description_invalid"),
  website: v.optional(WebAddress),
  email: v.optional(v.pipe(v.string("email_invalid"), v.trim(), v.email("email_invalid"))),
  phone: v.optional(v.pipe(v.string("phone_invalid"), v.trim(), v.regex(/^\+?[\d ]{8,16}$/, "phone_invalid"))),
  legal_status: optionalText(120, "organization_legal_status_invalid"),
  identifiers: v.optional(v.pipe(v.array(OrganizationIdentifier, "organization_identifier_invalid"), v.maxLength(5, "organization_identifier_invalid"))),
});
export type OrganizationInput = v.InferOutput<typeof OrganizationInput>;

export type Organization = OrganizationInput & { id: string; version: number; last_modified: string };

const fold = (text: string) => text.normalize("NFC").trim().toLocaleLowerCase("da").replace(/\s+/g, " ");
const identifierKey = (identifier: OrganizationIdentifier) => `${fold(identifier.identifier_type)}:${identifier.identifier.replace(/\s/g, "")}`;

/**
 * The stored organisation an organisation from elsewhere is: the same identifier (a CVR number)
 * first, then the same name (ignoring case and spacing). Undefined: it is new.
 */
export function matchOrganization(
  candidate: { name: string; identifiers?: readonly OrganizationIdentifier[] },
  stored: readonly Organization[],
): { organization: Organization; by: "identifier" | "name" } | undefined {
  const keys = new Set((candidate.identifiers ?? []).map(identifierKey));
  const byIdentifier = keys.size > 0 ? stored.find((o) => (o.identifiers ?? []).some((i) => keys.has(identifierKey(i)))) : undefined;
  if (byIdentifier) return { organization: byIdentifier, by: "identifier" };
  const byName = stored.find((o) => fold(o.name) === fold(candidate.name));
  return byName ? { organization: byName, by: "name" } : undefined;
}
