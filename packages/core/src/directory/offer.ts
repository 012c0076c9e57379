import * as v from "valibot";
import { CentreId } from "../shared/centres.ts";
import { AccessibilityFact } from "./accessibility.ts";
import { CategoryId } from "./categories.ts";
import { OFFER_STATUSES, PUBLICATIONS } from "./lists.ts";
import { OrganizationId, WebAddress } from "./organization.ts";
import { KnownPostcode, Latitude, Longitude } from "./places.ts";
import { Sessions, WeeklyOpenings } from "./schedule.ts";
import { isoDate, plainText, type Lines } from "../shared/validation.ts";

/**
 * An offer in the directory. Field names follow Open Referral HSDS 3.0 `service` (its schema:
 * ../shared/reference/hsds-3.0/service.json, from the repository root) where HSDS has one; the rest is the Danish
 * context: which centre's area it belongs to, its category, accessibility facts and notes.
 *
 * `status` is HSDS's own (is the offer running?); `publication` is the curation state
 * (may citizens see it?). They are different questions, so they are different fields.
 */

export const OfferId = v.pipe(v.string("offer_id_invalid"), v.uuid("offer_id_invalid"));

const text = (max: number, lines: Lines = "one") => v.pipe(v.string(), v.trim(), v.minLength(1, "text_required"), v.maxLength(max, "text_too_long"), plainText(lines));

const age = v.pipe(v.number(), v.integer("age_invalid"), v.minValue(0, "age_invalid"), v.maxValue(120, "age_invalid"));

export const OfferStatus = v.picklist(OFFER_STATUSES, "offer_status_invalid");
export const Publication = v.picklist(PUBLICATIONS, "publication_invalid");

/**
 * HSDS `address` field names, flattened to what the directory shows. `confidential`: the place
 * is not shown to the public (a women's group, a self-help group in someone's home); the public
 * sees "Du får adressen, når du kontakter dem" and only the town.
 */
export const OfferLocation = v.pipe(
  v.object({
    name: v.optional(text(120)),
    address_1: text(200),
    postal_code: KnownPostcode,
    city: text(80),
    latitude: v.optional(Latitude),
    longitude: v.optional(Longitude),
    confidential: v.optional(v.boolean()),
  }),
  v.forward(
    v.check((location) => (location.latitude === undefined) === (location.longitude === undefined), "coordinates_incomplete"),
    ["longitude"],
  ),
);

/** ISO 639-1 language codes: "da", "en", "ar", … */
export const LanguageCode = v.pipe(v.string("offer_language_invalid"), v.regex(/^[a-z]{2}$/, "offer_language_invalid"));

/** Every field of an offer; `Offer` adds the checks across fields. */
export const OfferFields = v.object({
    id: OfferId,
    name: text(120),
    alternate_name: v.optional(text(120)),
    description: text(2000, "many"),
    organization_name: text(160),
    /** The organisation's record (organization.ts); older offers have only the name. */
    organization_id: v.optional(OrganizationId),
    url: v.optional(WebAddress),
    email: v.optional(v.pipe(v.string(), v.email("email_invalid"))),
    phone: v.optional(v.pipe(v.string(), v.regex(/^\+?[\d ]{8,16}$/, "phone_invalid"))),
    status: OfferStatus,
    publication: Publication,
    centre_id: CentreId,
    area: text(80),
    category: CategoryId,
    minimum_age: v.optional(age),
    maximum_age: v.optional(age),
    free: v.boolean(),
    fees_description: v.optional(text(500, "many")),
    eligibility_description: v.optional(text(500, "many")),
    application_process: v.optional(text(500, "many")),
    schedule_description: v.optional(text(300, "many")),
    location: v.optional(OfferLocation),
    accessibility_notes: v.optional(text(500, "many")),
    accessibility: v.optional(v.pipe(v.array(AccessibilityFact, "accessibility_fact_invalid"), v.maxLength(10, "accessibility_fact_invalid"))),
    weekly: v.optional(WeeklyOpenings),
    sessions: v.optional(Sessions),
    languages: v.optional(v.pipe(v.array(LanguageCode, "offer_language_invalid"), v.maxLength(10, "offer_language_invalid"))),
    assured_date: isoDate("date_invalid"),
    last_modified: v.pipe(v.string(), v.isoTimestamp("timestamp_invalid")),
});

const ageRangeCheck = <T extends { minimum_age?: number; maximum_age?: number }>() =>
  v.forward<T, v.CheckIssue<T>, ["maximum_age"]>(
    v.check((offer: T) => offer.minimum_age === undefined || offer.maximum_age === undefined || offer.minimum_age <= offer.maximum_age, "age_range_invalid"),
    // TypeScript cannot check a key path into a generic T; both schemas below have the key.
    ["maximum_age"] as never,
  );

/** A complete offer, as citizens see it once published. */
export const Offer = v.pipe(OfferFields, ageRangeCheck());
export type Offer = v.InferOutput<typeof Offer>;

/** What staff type into the editor. A draft may be incomplete; publishing needs a complete `Offer`. */
export const OfferInput = v.pipe(
  v.partial(v.omit(OfferFields, ["id", "publication", "assured_date", "last_modified"]), [
    "alternate_name",
    "description",
    "organization_name",
    "organization_id",
    "url",
    "email",
    "phone",
    "status",
    "area",
    "category",
    "minimum_age",
    "maximum_age",
    "free",
    "fees_description",
    "eligibility_description",
    "application_process",
    "schedule_description",
    "location",
    "accessibility_notes",
    "accessibility",
    "weekly",
    "sessions",
    "languages",
  ]),
  ageRangeCheck(),
);
export type OfferInput = v.InferOutput<typeof OfferInput>;

/** An offer as staff see it: possibly an incomplete draft, with the version that guards edits. */
export type CuratedOffer = OfferInput & Pick<Offer, "id" | "publication" | "last_modified"> & { assured_date?: string; version: number };
