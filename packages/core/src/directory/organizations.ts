import * as v from "valibot";
import type { Actor } from "../identity/person.ts";
import type { AuditLog } from "../shared/audit.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../shared/errors.ts";
import { organizationId } from "./hsds.ts";
import { matchOrganization, OrganizationInput, type Organization } from "./organization.ts";
import type { OfferInput } from "./offer.ts";
import type { DirectoryStore } from "./store.ts";

/**
 * Staff keep the organisations behind offers: pick one in the offer editor, create one, correct
 * its details. Organisations are shared by every centre (an association works with several).
 * Every change goes to the audit log; two staff editing at once never overwrite each other.
 */

export type OrganizationServices = { store: DirectoryStore; audit: AuditLog; now: () => Date };

export const OrganizationEdit = v.object({
  version: v.pipe(v.number("version_invalid"), v.integer("version_invalid"), v.minValue(1, "version_invalid")),
  organization: OrganizationInput,
});

export async function listOrganizations(services: OrganizationServices): Promise<Organization[]> {
  return services.store.listOrganizations();
}

async function save(services: OrganizationServices, actor: Actor, action: string, after: Organization, previousVersion: number | null) {
  const line = services.audit.line({ actor, action, item: `directory:organization:${after.id}`, summary: JSON.stringify({ name: after.name }) });
  if (!(await services.store.saveOrganization(after, previousVersion, line))) {
    throw new ConflictError("organization_conflict", { current: (await services.store.getOrganization(after.id)) ?? null });
  }
  return after;
}

/**
 * A new organisation. Its id is its name's UUIDv5, the id the open data gave it while it was only a
 * name on offers, so links other systems hold keep working. A name or identifier that is already
 * there is refused with the organisation that has it, so staff pick that one instead.
 */
export async function createOrganization(services: OrganizationServices, actor: Actor, input: OrganizationInput): Promise<Organization> {
  const existing = matchOrganization(input, await services.store.listOrganizations());
  if (existing) throw new ConflictError("organization_exists", { current: existing.organization });
  const organization: Organization = { ...input, id: organizationId(input.name), version: 1, last_modified: services.now().toISOString() };
  return save(services, actor, "directory.organization.create", organization, null);
}

/** A changed name keeps the id: a renamed association stays the same organisation. */
export async function editOrganization(
  services: OrganizationServices,
  actor: Actor,
  id: string,
  edit: v.InferOutput<typeof OrganizationEdit>,
): Promise<Organization> {
  const before = await services.store.getOrganization(id);
  if (!before) throw new NotFoundError("organization_not_found");
  if (before.version !== edit.version) throw new ConflictError("organization_conflict", { current: before });
  const after: Organization = { ...edit.organization, id, version: edit.version + 1, last_modified: services.now().toISOString() };
  return save(services, actor, "directory.organization.edit", after, edit.version);
}

/** An offer that names its organisation's record gets the record's current name; an unknown record is refused. */
export async function withOrganization(store: DirectoryStore, input: OfferInput, field = "organization_id"): Promise<OfferInput> {
  if (input.organization_id === undefined) return input;
  const organization = await store.getOrganization(input.organization_id);
  if (!organization) throw new InvalidInputError([{ field, message: "organization_not_found" }]);
  return { ...input, organization_name: organization.name };
}
