import { Hono } from "hono";
import * as v from "valibot";
import { manifests } from "@naerhed/core/manifests";
import { CentreEdit, CentreVersion, NewCentre } from "@naerhed/core/organisation/centre";
import { createCentre, editCentre, getCentre } from "@naerhed/core/organisation/centres";
import { closeCentre, keepOpenItems } from "@naerhed/core/organisation/close";
import { LOGO_MAX_BYTES } from "@naerhed/core/organisation/logo";
import { organisationManifest } from "@naerhed/core/organisation/manifest";
import type { OrganisationServices } from "@naerhed/core/organisation/services";
import { completeSetup, logoFile, removeLogo, saveSiteOrganisation, uploadLogo } from "@naerhed/core/organisation/site";
import { LogoUpload, SiteOrganisationEdit, SiteVersion, type SiteOrganisation } from "@naerhed/core/organisation/site-organisation";
import { createOrganisationStore } from "@naerhed/core/organisation/store";
import { KnownPostcode, postcodePlace } from "@naerhed/core/directory/places";
import { access } from "@naerhed/core/shared/access";
import { CentreId } from "@naerhed/core/shared/centres";
import { closeCheckModules } from "@naerhed/core/shared/manifest";
import { createS3FileStore } from "@naerhed/core/shared/s3-files";
import { organisationTable } from "@naerhed/core/shared/tables";
import { parseInput } from "@naerhed/core/shared/validation";
import { actorOf, guard } from "../shared/auth.ts";
import { readJson, type AppEnv } from "../shared/http.ts";
import type { ApiModule } from "../shared/module.ts";
import type { Services } from "../shared/services.ts";

// The public routes' path schemas are exported for the OpenAPI document (openapi.ts).
export const CentrePath = v.object({ centre: CentreId });
const CloseInput = v.object({ version: CentreVersion, request_id: v.optional(v.pipe(v.string("invalid_value"), v.uuid("invalid_value"))) });
export const LogoPath = v.object({ file: v.pipe(v.string("logo_not_found"), v.regex(/^[0-9a-f]{32}\.(png|svg)$/, "logo_not_found")) });
export const PostcodePath = v.object({ postcode: KnownPostcode });

/** A logo's address: its checksum is in the name, so the browser may keep it for a year. */
export const logoUrl = (site: SiteOrganisation) => (site.logo ? `/api/organisation/site/logo/${site.logo.key.slice("logos/".length)}` : undefined);

/**
 * The headers a logo is served with. An SVG opened on its own is a document: it may run nothing,
 * load nothing and be framed by no one (the check in core organisation/logo.ts is the first
 * guard, this the second). `nosniff` keeps a browser from reading a PNG as anything else.
 */
export const LOGO_HEADERS = {
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox",
  "x-content-type-options": "nosniff",
  "cache-control": "public, max-age=31536000, immutable",
} as const;

/** The base64 of a 200 KB file, and room for the JSON around it. */
const LOGO_BODY_MAX_BYTES = Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 1024;

export function organisationServices(services: Services): OrganisationServices {
  const { config } = services;
  return {
    store: createOrganisationStore(services.db, config.tableNames[organisationTable.id]!),
    centres: services.centres,
    audit: services.audit,
    // Locally the runner's folder; on AWS the stage's bucket, under the key prefix the manifest grants.
    files: services.files ?? createS3FileStore(config.filesBucket ?? "", config.region),
    publish: services.publish,
    now: services.now,
    closeCheckModules: closeCheckModules(manifests),
  };
}

/** What anyone may know about the organisation: everything the header, footer and accessibility statement show. */
function publicSite(site: SiteOrganisation | undefined) {
  if (!site) return null;
  const { logo: _logo, ...shown } = site;
  return { ...shown, logo_url: logoUrl(site) ?? null, setup_complete: site.setup_completed_at !== undefined };
}

export const organisationModule: ApiModule = {
  manifest: organisationManifest,
  on: {
    "centre.open-items": (services, detail) => keepOpenItems(organisationServices(services), detail),
  },
  uploads: [{ method: "PUT", path: "/organisation/site/logo", maxBytes: LOGO_BODY_MAX_BYTES, tooLarge: { field: "logo", message: "logo_too_large" } }],
  routes: organisationRoutes,
};

const admin = access.role("admin");

/** The organisation module's routes; their type is what the site's API client reads (web/src/lib/api.ts). */
export function organisationRoutes(services: Services) {
  const organisation = organisationServices(services);
  return (
    new Hono<AppEnv>()
      // Every page asks for this (header, footer, centre names, whether the set-up is done).
      .get("/organisation/site", guard(access.public), async (c) => {
        const [site, centres] = await Promise.all([services.centres.site(), services.centres.all()]);
        c.header("cache-control", "no-cache");
        return c.json({ organisation: publicSite(site), centres });
      })
      .put("/organisation/site", guard(admin), async (c) => {
        const { version, organisation: fields } = parseInput(SiteOrganisationEdit, await readJson(c));
        return c.json({ organisation: publicSite(await saveSiteOrganisation(organisation, actorOf(c), fields, version)) });
      })
      .put("/organisation/site/logo", guard(admin), async (c) => {
        const { version, data_base64 } = parseInput(LogoUpload, await readJson(c));
        const saved = await uploadLogo(organisation, actorOf(c), new Uint8Array(Buffer.from(data_base64, "base64")), version);
        return c.json({ organisation: publicSite(saved) });
      })
      .delete("/organisation/site/logo", guard(admin), async (c) => {
        const { version } = parseInput(SiteVersion, await readJson(c));
        return c.json({ organisation: publicSite(await removeLogo(organisation, actorOf(c), version)) });
      })
      .get("/organisation/site/logo/:file", guard(access.public), async (c) => {
        const { file } = parseInput(LogoPath, c.req.param());
        const { bytes, contentType } = await logoFile(organisation, file);
        return c.body(new Uint8Array(bytes), 200, { ...LOGO_HEADERS, "content-type": contentType });
      })
      .post("/organisation/setup/complete", guard(admin), async (c) => c.json({ organisation: publicSite(await completeSetup(organisation, actorOf(c))) }))
      .post("/organisation/centres", guard(admin), async (c) =>
        c.json({ centre: await createCentre(organisation, actorOf(c), parseInput(NewCentre, await readJson(c))) }, 201),
      )
      .get("/organisation/centres/:centre", guard(access.public), async (c) =>
        c.json({ centre: await getCentre(organisation, parseInput(CentrePath, c.req.param()).centre) }),
      )
      .put("/organisation/centres/:centre", guard(admin), async (c) => {
        const { centre } = parseInput(CentrePath, c.req.param());
        return c.json({ centre: await editCentre(organisation, actorOf(c), centre, parseInput(CentreEdit, await readJson(c))) });
      })
      // Asks every module what still runs at the centre; closes it when nothing does (core organisation/close.ts).
      .post("/organisation/centres/:centre/close", guard(admin), async (c) => {
        const { centre } = parseInput(CentrePath, c.req.param());
        const { version, request_id } = parseInput(CloseInput, await readJson(c));
        const result = await closeCentre(organisation, actorOf(c), centre, version, request_id);
        if (result.status === "checking") {
          c.header("retry-after", "2");
          return c.json(result, 202);
        }
        return c.json(result, 200);
      })
      // The town of a postcode, for forms that fill it in; an unknown code is a 400 naming it.
      .get("/organisation/places/:postcode", guard(access.public), async (c) => {
        const { postcode } = parseInput(PostcodePath, c.req.param());
        c.header("cache-control", "public, max-age=86400");
        return c.json({ postcode, city: postcodePlace(postcode)!.city });
      })
  );
}

export type OrganisationRoutes = ReturnType<typeof organisationRoutes>;
