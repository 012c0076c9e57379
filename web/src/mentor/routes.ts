import { lazy } from "solid-js";

/** The mentor scheme's pages (Mentorordning): public, mentor, mentee and staff pages. */
export const mentorRoutes = [
  { path: "/mentorordningen", component: lazy(() => import("./MentorHomePage.tsx")) },
  { path: "/mentorordningen/bliv-mentor", component: lazy(() => import("./ApplyPage.tsx")) },
  { path: "/mentorordningen/faa-en-mentor", component: lazy(() => import("./RequestPage.tsx")) },
  { path: "/mentorordningen/mine", component: lazy(() => import("./MinePage.tsx")) },
  { path: "/mentorordningen/forloeb/:id", component: lazy(() => import("./PairPage.tsx")) },
  { path: "/personale/mentor", component: lazy(() => import("./StaffMentorPage.tsx")) },
  { path: "/personale/mentor/mentorer/:centre/:id", component: lazy(() => import("./StaffMentorEditPage.tsx")) },
  { path: "/personale/mentor/nyt-oenske", component: lazy(() => import("./RequestPage.tsx").then((page) => ({ default: page.StaffRequestPage }))) },
];
