/**
 * What the platform itself knows for the accessibility statement (/tilgaengelighed): the
 * standard it is built to, what its tests check on every change, the gaps it knows of, and when
 * a release was last checked. The organisation adds its own part (site-organisation.ts
 * `accessibility`). Free of valibot, so the site reads it. Update `checked_on` and `known_gaps`
 * with each release that is checked (docs in README, "Accessibility statement").
 */
export const platformAccessibility = {
  standard: "WCAG 2.2 AA",
  /** The last full run of the checks below on a release of the platform. */
  checked_on: "2026-12-06",
  /** What the tests check on every change (web/e2e, web/test). */
  checks: ["axe", "keyboard", "lix", "lighthouse"] as const,
  /** Gaps known in the platform itself (the organisation lists its own). */
  known_gaps: ["screen_readers", "uploaded_files"] as const,
} as const;

export type AccessibilityCheck = (typeof platformAccessibility.checks)[number];
export type AccessibilityGap = (typeof platformAccessibility.known_gaps)[number];

/** Where a person who is not satisfied with the answer can complain (Danish web accessibility law). */
export const complaintRoutes = {
  digitaliseringsstyrelsen: "https://www.was.digst.dk/",
  ligebehandlingsnaevnet: "https://ligebehandlingsnaevnet.dk/",
} as const;
