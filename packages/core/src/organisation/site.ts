import type { Actor } from "../identity/person.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../shared/errors.ts";
import { checkLogo } from "./logo.ts";
import type { OrganisationServices } from "./services.ts";
import type { SiteOrganisation, SiteOrganisationFields } from "./site-organisation.ts";

/** The site organisation: read by everyone, changed by administrators, at the version they saw. */

export async function getSiteOrganisation(services: Pick<OrganisationServices, "store">): Promise<SiteOrganisation | undefined> {
  return services.store.getSite();
}

function conflict(current: SiteOrganisation | undefined, edited: SiteOrganisationFields, editedVersion: number) {
  // Both versions, as the offer editor gets them: what is stored now, and what this person tried to save.
  return new ConflictError("organisation_conflict", { current: current ?? null, edited, edited_version: editedVersion });
}

async function save(services: OrganisationServices, actor: Actor, action: string, next: SiteOrganisation, seenVersion: number, summary: object) {
  const line = services.audit.line({ actor, action, item: "organisation:site", summary: JSON.stringify(summary) });
  if (!(await services.store.saveSite(next, seenVersion, line))) return false;
  services.centres.forget();
  return true;
}

export async function saveSiteOrganisation(
  services: OrganisationServices,
  actor: Actor,
  fields: SiteOrganisationFields,
  seenVersion: number,
): Promise<SiteOrganisation> {
  const before = await services.store.getSite();
  if ((before?.version ?? 0) !== seenVersion) throw conflict(before, fields, seenVersion);
  const next: SiteOrganisation = {
    ...before,
    ...fields,
    version: seenVersion + 1,
    updated_at: services.now().toISOString(),
  };
  const changed = Object.keys(fields).filter((key) => JSON.stringify(before?.[key as keyof SiteOrganisation]) !== JSON.stringify(fields[key as keyof SiteOrganisationFields]));
  if (!(await save(services, actor, before ? "organisation.site.edit" : "organisation.site.create", next, seenVersion, { changed }))) {
    throw conflict(await services.store.getSite(), fields, seenVersion);
  }
  return next;
}

async function current(services: OrganisationServices): Promise<SiteOrganisation> {
  const site = await services.store.getSite();
  if (!site) throw new NotFoundError("organisation_missing");
  return site;
}

/** A new logo: checked first (nothing is stored when it is refused), then stored under its own checksum, so its address never serves another file. */
export async function uploadLogo(services: OrganisationServices, actor: Actor, bytes: Uint8Array, seenVersion: number): Promise<SiteOrganisation> {
  const logo = checkLogo(bytes);
  const before = await current(services);
  if (before.version !== seenVersion) throw conflict(before, before, seenVersion);
  const key = `logos/${logo.sha256.slice(0, 32)}.${logo.extension}`;
  await services.files.put(key, logo.bytes, logo.content_type);
  const next: SiteOrganisation = {
    ...before,
    logo: { key, content_type: logo.content_type, sha256: logo.sha256, size: logo.bytes.length },
    version: seenVersion + 1,
    updated_at: services.now().toISOString(),
  };
  if (!(await save(services, actor, "organisation.logo.upload", next, seenVersion, { key, size: logo.bytes.length }))) {
    throw conflict(await services.store.getSite(), before, seenVersion);
  }
  // The old file is no longer shown anywhere; a new upload of the same file keeps its key.
  if (before.logo && before.logo.key !== key) await services.files.delete(before.logo.key);
  return next;
}

export async function removeLogo(services: OrganisationServices, actor: Actor, seenVersion: number): Promise<SiteOrganisation> {
  const before = await current(services);
  if (before.version !== seenVersion) throw conflict(before, before, seenVersion);
  const { logo, ...rest } = before;
  const next: SiteOrganisation = { ...rest, version: seenVersion + 1, updated_at: services.now().toISOString() };
  if (!(await save(services, actor, "organisation.logo.remove", next, seenVersion, { key: logo?.key ?? null }))) {
    throw conflict(await services.store.getSite(), before, seenVersion);
  }
  if (logo) await services.files.delete(logo.key);
  return next;
}

/** The logo's file, if `file` is the current logo's name (`<checksum>.<ext>`). */
export async function logoFile(services: OrganisationServices, file: string) {
  const site = await services.store.getSite();
  if (!site?.logo || site.logo.key !== `logos/${file}`) throw new NotFoundError("logo_not_found");
  const stored = await services.files.get(site.logo.key);
  if (!stored) throw new NotFoundError("logo_not_found");
  return { bytes: stored.bytes, contentType: site.logo.content_type };
}

/** The first administrator's set-up is done: from now on the site shows itself to everyone. */
export async function completeSetup(services: OrganisationServices, actor: Actor): Promise<SiteOrganisation> {
  const before = await current(services);
  if (before.setup_completed_at) return before;
  if ((await services.centres.open()).length === 0) {
    throw new InvalidInputError([{ field: "centres", message: "setup_centre_missing" }]);
  }
  const next: SiteOrganisation = { ...before, setup_completed_at: services.now().toISOString(), version: before.version + 1, updated_at: services.now().toISOString() };
  if (!(await save(services, actor, "organisation.setup.complete", next, before.version, {}))) {
    throw conflict(await services.store.getSite(), before, before.version);
  }
  return next;
}
