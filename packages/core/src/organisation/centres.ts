import type { Actor } from "../identity/person.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../shared/errors.ts";
import { centreIdFrom, type Centre, type CentreEdit, type NewCentre } from "./centre.ts";
import type { OrganisationServices } from "./services.ts";

/** Centres as administrators manage them: create, rename, move. Closing is close.ts. */

const nameOf = (input: Pick<NewCentre, "name_da" | "name_en">) => ({ da: input.name_da, ...(input.name_en ? { en: input.name_en } : {}) });

/** Writes a centre with its audit line; false when the id is taken or the version moved on. */
export async function saveCentreChange(services: OrganisationServices, actor: Actor, action: string, centre: Centre, seenVersion: number, summary: object) {
  const line = services.audit.line({ actor, action, item: `organisation:centre:${centre.id}`, summary: JSON.stringify(summary) });
  const saved = await services.store.saveCentre(centre, seenVersion, line);
  if (saved) services.centres.forget();
  return saved;
}

export async function createCentre(services: OrganisationServices, actor: Actor, input: NewCentre): Promise<Centre> {
  const id = input.id ?? centreIdFrom(input.name_da);
  const centre: Centre = {
    id,
    name: nameOf(input),
    address: input.address,
    municipality: input.municipality,
    region: input.region,
    status: "open",
    created_at: services.now().toISOString(),
    version: 1,
  };
  if (!(await saveCentreChange(services, actor, "organisation.centre.create", centre, 0, { name: centre.name.da }))) {
    throw new InvalidInputError([{ field: input.id ? "id" : "name_da", message: "centre_id_taken" }]);
  }
  return centre;
}

export async function getCentre(services: Pick<OrganisationServices, "store">, id: string): Promise<Centre> {
  const centre = await services.store.getCentre(id);
  if (!centre) throw new NotFoundError("centre_not_found");
  return centre;
}

export function centreConflict(current: Centre, editedVersion: number, edited?: object) {
  return new ConflictError("centre_conflict", { current, edited_version: editedVersion, ...(edited ? { edited } : {}) });
}

/** Renaming or moving keeps the id: every address and every piece of data that names the centre stays right. */
export async function editCentre(services: OrganisationServices, actor: Actor, id: string, edit: CentreEdit): Promise<Centre> {
  const before = await getCentre(services, id);
  if (before.version !== edit.version) throw centreConflict(before, edit.version, edit);
  const after: Centre = {
    ...before,
    name: nameOf(edit),
    address: edit.address,
    municipality: edit.municipality,
    region: edit.region,
    version: edit.version + 1,
  };
  const changed = (["name", "address", "municipality", "region"] as const).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (!(await saveCentreChange(services, actor, "organisation.centre.edit", after, edit.version, { changed }))) {
    throw centreConflict((await services.store.getCentre(id)) ?? before, edit.version, edit);
  }
  return after;
}

export const closedCentre = (centre: Centre, at: string): Centre => ({ ...centre, status: "closed", closed_at: at, version: centre.version + 1 });
