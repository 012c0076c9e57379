import { toICalendar } from "../shared/icalendar.ts";
import type { Offer } from "./offer.ts";
import { copenhagenMoment, scheduleEvents } from "./schedule.ts";

/**
 * An offer's times as an iCalendar file, so a citizen can put it in their phone's calendar:
 * each weekly time as a repeating event, each coming session as one event. `offer` is the public
 * view (publicOffer): a confidential place shows only its town.
 */
export function offerCalendar(offer: Offer, now: Date, siteUrl?: string): string {
  const place = offer.location;
  const location = place
    ? place.confidential
      ? `${place.postal_code} ${place.city}`
      : [place.name, place.address_1, `${place.postal_code} ${place.city}`].filter(Boolean).join(", ")
    : undefined;
  const url = siteUrl ? `${siteUrl.replace(/\/$/, "")}/tilbud/${offer.id}` : undefined;
  const events = scheduleEvents(offer, copenhagenMoment(now).date, {
    summary: offer.name,
    description: [offer.description, url].filter(Boolean).join("\n\n"),
    ...(location && { location }),
    ...(url && { url }),
  });
  return toICalendar(events, { name: offer.name, now });
}

/** Whether the offer has times a calendar can hold (the page shows the link only then). */
export const hasCalendar = (offer: Pick<Offer, "weekly" | "sessions">) => (offer.weekly?.length ?? 0) + (offer.sessions?.length ?? 0) > 0;
