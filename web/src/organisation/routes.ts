import { lazy } from "solid-js";

/** The organisation's pages: the accessibility statement (public) and the administrators' first set-up, settings and centres. */
export const organisationRoutes = [
  { path: "/tilgaengelighed", component: lazy(() => import("./AccessibilityPage.tsx")) },
  { path: "/admin/organisation", component: lazy(() => import("./SettingsPage.tsx")) },
  { path: "/admin/centre", component: lazy(() => import("./CentresPage.tsx")) },
  { path: "/admin/opsaetning", component: lazy(() => import("./SetupPage.tsx")) },
];
