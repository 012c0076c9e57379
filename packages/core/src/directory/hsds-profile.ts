import { escapeHtml as escape } from "../shared/html.ts";
import { accessibilityFacts } from "./accessibility.ts";
import { categories, categoryGroups } from "./categories.ts";
import { ACCESSIBILITY_TAXONOMY_ID, hsdsAccessibilityTaxonomy, hsdsTaxonomy, TAXONOMY_ID, taxonomyTermId } from "./hsds.ts";

/**
 * "Nærhed DK", the Danish HSDS 3.0 profile this API follows, written as HSDS profiles are: for each
 * core schema it changes, a JSON Merge Patch (RFC 7386) against the core schema file of the same
 * name (…/hsds-3.0/<name>.json), plus a page that says the rules in words. Published at
 * /api/hsds/profile (the page) and /api/hsds/profile/<name>.json (the patches). The tests apply
 * the patches to the official schemas and hold every answer of the API to the result.
 */

export const PROFILE_NAME = "Nærhed DK";
export const PROFILE_VERSION = "1.0";

const POSTCODE = "^[0-9]{4}$";

export const profilePatches: Record<string, Record<string, unknown>> = {
  // A published offer was checked by staff on a known day, belongs to an organisation and says what it is.
  "service.json": {
    description:
      "Nærhed DK: a service is a published local offer. assured_date is the day centre staff last checked it; the offer's category and its accessibility facts are attributes (taxonomy terms of 'Nærhed kategorier' and 'Nærhed tilgængelighed').",
    required: ["id", "name", "status", "description", "organization_id", "assured_date", "last_modified"],
    properties: { assured_date: { description: "The day centre staff last checked the offer (required in Nærhed DK)." } },
  },
  "address.json": {
    description: "Nærhed DK: addresses are Danish. postal_code is a Danish postcode (four digits); country is DK.",
    properties: {
      postal_code: { pattern: POSTCODE, description: "A Danish postcode: four digits (e.g. 7000)." },
      country: { enum: ["DK"] },
    },
  },
  "location.json": {
    description:
      "Nærhed DK: a confidential place (a self-help group in someone's home) is published without name, addresses or coordinates; its description says the address comes when you get in touch.",
    properties: {
      latitude: { minimum: -90, maximum: 90 },
      longitude: { minimum: -180, maximum: 180 },
    },
  },
  "taxonomy_term.json": {
    description: "Nærhed DK: terms have a Danish name and the English in the description; language is da.",
    required: ["id", "code", "name", "description", "taxonomy_id"],
    properties: { language: { enum: ["da"] } },
  },
};


/** The profile in words: Danish first, English second, plain HTML (no scripts, no inline styles). */
export function profilePage(siteUrl: string): string {
  const row = (...cells: string[]) => `<tr>${cells.map((cell) => `<td>${escape(cell)}</td>`).join("")}</tr>`;
  const facts = accessibilityFacts.map((fact) => row(fact.id, fact.name.da, fact.name.en, taxonomyTermId(fact.id))).join("\n");
  const groups = categoryGroups.map((group) => row(group.id, group.name.da, group.name.en, taxonomyTermId(group.id))).join("\n");
  const kinds = categories.map((category) => row(category.id, category.name.da, category.name.en, category.group)).join("\n");
  const patches = Object.keys(profilePatches)
    .map((name) => `<li><a href="${escape(`${siteUrl}/api/hsds/profile/${name}`)}">${escape(name)}</a></li>`)
    .join("\n");
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(PROFILE_NAME)}: HSDS-profil for Nærhed</title>
</head>
<body>
<main>
<h1>${escape(PROFILE_NAME)} ${PROFILE_VERSION}: HSDS-profil</h1>
<p>Nærhed udgiver kommunens lokale tilbud som Open Referral HSDS 3.0. Denne profil siger, hvad Nærhed lægger oveni. <span lang="en">(English: this profile says what Nærhed adds to HSDS 3.0.)</span></p>
<h2>Regler <span lang="en">(rules)</span></h2>
<ul>
<li>Hvert tilbud har <code>assured_date</code>: den dag personalet sidst tjekkede det. <span lang="en">(Every service has assured_date: the day staff last checked it.)</span></li>
<li>Hvert tilbud har en organisation, en beskrivelse og <code>last_modified</code>. <span lang="en">(Every service has an organisation, a description and last_modified.)</span></li>
<li>Adresser er danske: <code>postal_code</code> er et dansk postnummer med fire cifre, <code>country</code> er DK. <span lang="en">(Addresses are Danish: a four-digit postcode, country DK.)</span></li>
<li>Et hemmeligt sted udgives uden navn, adresse og koordinater. Beskrivelsen siger, at man får adressen, når man kontakter tilbuddet. <span lang="en">(A confidential place is published without name, address or coordinates.)</span></li>
<li>Kategorien og tilgængeligheden er <code>attributes</code> med termer fra to taksonomier. <span lang="en">(The category and the accessibility facts are attributes with terms of two taxonomies.)</span></li>
</ul>
<h2>Nærhed tilgængelighed</h2>
<p>Taksonomiens id: <code>${ACCESSIBILITY_TAXONOMY_ID}</code>. ${escape(hsdsAccessibilityTaxonomy.description)}</p>
<table>
<caption>De seks fakta om adgang <span lang="en">(the six accessibility facts)</span></caption>
<thead><tr><th scope="col">code</th><th scope="col">Dansk</th><th scope="col">English</th><th scope="col">id</th></tr></thead>
<tbody>
${facts}
</tbody>
</table>
<h2>Nærhed kategorier</h2>
<p>Taksonomiens id: <code>${TAXONOMY_ID}</code>. ${escape(hsdsTaxonomy.description)} To niveauer: grupper, og kategorier med gruppen som <code>parent_id</code>.</p>
<table>
<caption>Grupper <span lang="en">(groups)</span></caption>
<thead><tr><th scope="col">code</th><th scope="col">Dansk</th><th scope="col">English</th><th scope="col">id</th></tr></thead>
<tbody>
${groups}
</tbody>
</table>
<table>
<caption>Kategorier <span lang="en">(categories)</span></caption>
<thead><tr><th scope="col">code</th><th scope="col">Dansk</th><th scope="col">English</th><th scope="col">gruppe</th></tr></thead>
<tbody>
${kinds}
</tbody>
</table>
<h2>Skemaer <span lang="en">(schemas)</span></h2>
<p>Hver fil er en JSON Merge Patch (RFC 7386) til HSDS 3.0-skemaet med samme navn. <span lang="en">(Each file is a JSON Merge Patch to the HSDS 3.0 core schema of the same name.)</span></p>
<ul>
${patches}
</ul>
<p>API: <a href="${escape(`${siteUrl}/api/hsds`)}">${escape(`${siteUrl}/api/hsds`)}</a>. OpenAPI: <a href="${escape(`${siteUrl}/api/docs`)}">${escape(`${siteUrl}/api/docs`)}</a>.</p>
</main>
</body>
</html>
`;
}
