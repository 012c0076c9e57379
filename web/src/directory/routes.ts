import { lazy } from "solid-js";

/** The directory's pages: offers and search for everyone, suggestions, and the staff's curation and import. */
export const directoryRoutes = [
  { path: "/tilbud", component: lazy(() => import("./OffersPage.tsx")) },
  { path: "/tilbud/soeg", component: lazy(() => import("./SearchPage.tsx")) },
  { path: "/tilbud/foreslaa", component: lazy(() => import("./suggestions/SuggestPage.tsx")) },
  { path: "/tilbud/:id", component: lazy(() => import("./OfferPage.tsx")) },
  { path: "/personale/tilbud", component: lazy(() => import("./staff/StaffOffersPage.tsx")) },
  // One route for a new offer (/personale/tilbud/nyt) and an existing one, so saving a new offer keeps the page.
  { path: "/personale/tilbud/:id", component: lazy(() => import("./staff/OfferEditorPage.tsx")) },
  { path: "/personale/import", component: lazy(() => import("./staff/ImportPage.tsx")) },
  { path: "/personale/forslag", component: lazy(() => import("./suggestions/SuggestionsPage.tsx")) },
];
