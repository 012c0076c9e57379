import { lazy } from "solid-js";

/** Identity's pages: sign-in, My page, staff and admin pages, privacy. Only the session (lib/session.tsx) is in the first bundle. */
export const identityRoutes = [
  { path: "/logind", component: lazy(() => import("./SignInPage.tsx")) },
  { path: "/logind/kode", component: lazy(() => import("./CodePage.tsx")) },
  { path: "/logind/link", component: lazy(() => import("./LinkPage.tsx")) },
  { path: "/kort", component: lazy(() => import("./CardSignInPage.tsx")) },
  { path: "/hjaelp/kort", component: lazy(() => import("./CardHelpPage.tsx")) },
  { path: "/hjaelp/beskeder", component: lazy(() => import("./NoticesHelpPage.tsx")) },
  { path: "/min-side", component: lazy(() => import("./MyPage.tsx")) },
  { path: "/min-side/adgangskode", component: lazy(() => import("./PasswordPage.tsx")) },
  { path: "/min-side/mine-data", component: lazy(() => import("./MyDataPage.tsx")) },
  { path: "/min-side/slet", component: lazy(() => import("./DeletePage.tsx")) },
  { path: "/min-side/beskeder", component: lazy(() => import("./NoticesPage.tsx")) },
  { path: "/stop", component: lazy(() => import("./StopPage.tsx")) },
  { path: "/personale/inviter", component: lazy(() => import("./InvitePage.tsx")) },
  { path: "/personale/fjern-rolle", component: lazy(() => import("./RemoveRolePage.tsx")) },
  { path: "/personale/personer", component: lazy(() => import("./PeoplePage.tsx")) },
  { path: "/personale/personer/:centre/:id/kort", component: lazy(() => import("./CardPrintPage.tsx")) },
  { path: "/admin/log", component: lazy(() => import("./AuditPage.tsx")) },
  { path: "/privatliv", component: lazy(() => import("./PrivacyPage.tsx")) },
];
