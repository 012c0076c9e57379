import { lazy } from "solid-js";

/** The citizen council's pages (Borgerråd): the public council pages, the member's votes, the inbox, members and meetings. */
export const councilRoutes = [
  { path: "/borgerraadet", component: lazy(() => import("./CouncilIndexPage.tsx")) },
  { path: "/borgerraadet/mine-afstemninger", component: lazy(() => import("./MyVotesPage.tsx")) },
  { path: "/borgerraadet/afstemning-paa-moedet", component: lazy(() => import("./MeetingVoteHowToPage.tsx")) },
  { path: "/hjaelp/bisidder", component: lazy(() => import("./SupporterHelpPage.tsx")) },
  { path: "/borgerraadet/:centre", component: lazy(() => import("./CouncilPage.tsx")) },
  { path: "/borgerraadet/:centre/forslag/:id", component: lazy(() => import("./ProposalPage.tsx")) },
  { path: "/borgerraadet/:centre/nyt-forslag", component: lazy(() => import("./ProposePage.tsx")) },
  { path: "/borgerraadet/:centre/indbakke", component: lazy(() => import("./InboxPage.tsx")) },
  { path: "/borgerraadet/:centre/medlemmer", component: lazy(() => import("./MembersPage.tsx")) },
  { path: "/borgerraadet/:centre/moeder", component: lazy(() => import("./MeetingsPage.tsx")) },
];
