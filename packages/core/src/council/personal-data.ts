import { centres } from "../shared/centres.ts";
import type { CouncilServices } from "./services.ts";

/**
 * A person's council data (GDPR). Export: their memberships (with the mail address and
 * preference they gave) and the proposals they wrote. Erase: the mail address and preference
 * go; name, role, term, proposals and open-ballot votes stay, because what a council decided
 * and who sat on it is the municipality's public record. Secret ballots hold no person data.
 */
export async function exportCouncilData(services: CouncilServices, personId: string) {
  const memberships = await services.store.membershipsOf(personId);
  const proposals = [];
  for (const centre of centres) {
    const { proposals: all } = await services.store.centre(centre.id);
    proposals.push(...all.filter((p) => p.author_id === personId));
  }
  return { memberships, proposals };
}

export async function eraseCouncilData(services: CouncilServices, personId: string) {
  for (const member of await services.store.membershipsOf(personId)) {
    const { email: _email, ...rest } = member;
    await services.store.putMember({ ...rest, notify: "none", updated_at: services.now().toISOString() });
  }
}
