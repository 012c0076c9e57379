import { lazy } from "solid-js";

/** The citizen panel's pages (Borgerpanel): /borgerpanelet for the public and members, /personale/borgerpanel for staff. */
export const panelRoutes = [
  { path: "/borgerpanelet", component: lazy(() => import("./PanelPage.tsx")) },
  { path: "/borgerpanelet/tilmeld", component: lazy(() => import("./JoinPage.tsx")) },
  { path: "/borgerpanelet/mine", component: lazy(() => import("./MinePage.tsx")) },
  { path: "/borgerpanelet/svar/:id", component: lazy(() => import("./AnswerPage.tsx")) },
  { path: "/borgerpanelet/resultater/:id", component: lazy(() => import("./ResultPage.tsx")) },
  { path: "/personale/borgerpanel", component: lazy(() => import("./StaffPanelPage.tsx")) },
  { path: "/personale/borgerpanel/:centre/:id", component: lazy(() => import("./ConsultationPage.tsx")) },
  { path: "/personale/borgerpanel/:centre/:id/resultat", component: lazy(() => import("./StaffResultsPage.tsx")) },
];
