import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { Layout } from "./components/Layout.tsx";
import { I18nProvider } from "./i18n/index.tsx";
import { SessionProvider } from "./identity/session.tsx";
import Home from "./pages/Home.tsx";
import NotFound from "./pages/NotFound.tsx";

// The directory pages carry the core's category and centre lists: load them when needed.
const OffersPage = lazy(() => import("./directory/OffersPage.tsx"));
const OfferPage = lazy(() => import("./directory/OfferPage.tsx"));
// Identity: sign-in, My page, staff and admin pages. Only the session (header) is in the first bundle.
const SignInPage = lazy(() => import("./identity/SignInPage.tsx"));
const CodePage = lazy(() => import("./identity/CodePage.tsx"));
const LinkPage = lazy(() => import("./identity/LinkPage.tsx"));
const MyPage = lazy(() => import("./identity/MyPage.tsx"));
const PasswordPage = lazy(() => import("./identity/PasswordPage.tsx"));
const DeletePage = lazy(() => import("./identity/DeletePage.tsx"));
const InvitePage = lazy(() => import("./identity/InvitePage.tsx"));
const RemoveRolePage = lazy(() => import("./identity/RemoveRolePage.tsx"));
const AuditPage = lazy(() => import("./identity/AuditPage.tsx"));
const PrivacyPage = lazy(() => import("./identity/PrivacyPage.tsx"));
// ── Directory, staff: curating a centre's offers (web/src/directory/staff/) ──
const StaffOffersPage = lazy(() => import("./directory/staff/StaffOffersPage.tsx"));
const OfferEditorPage = lazy(() => import("./directory/staff/OfferEditorPage.tsx"));
const ImportPage = lazy(() => import("./directory/staff/ImportPage.tsx"));
// ── end of directory, staff ──
// ── Suggestions: "Kender du et tilbud?" (public) and the staff queue ──
const SuggestPage = lazy(() => import("./directory/suggestions/SuggestPage.tsx"));
const SuggestionsPage = lazy(() => import("./directory/suggestions/SuggestionsPage.tsx"));
// ── end of suggestions ──
// ── Search for citizens: /tilbud/soeg ──
const SearchPage = lazy(() => import("./directory/SearchPage.tsx"));
// ── end of search ──
// ── Council (Borgerråd): public council pages, the member's votes, the chair's inbox ──
const CouncilIndexPage = lazy(() => import("./council/CouncilIndexPage.tsx"));
const CouncilPage = lazy(() => import("./council/CouncilPage.tsx"));
const CouncilProposalPage = lazy(() => import("./council/ProposalPage.tsx"));
const CouncilProposePage = lazy(() => import("./council/ProposePage.tsx"));
const CouncilInboxPage = lazy(() => import("./council/InboxPage.tsx"));
const CouncilMyVotesPage = lazy(() => import("./council/MyVotesPage.tsx"));
const CouncilMembersPage = lazy(() => import("./council/MembersPage.tsx"));
const CouncilMeetingsPage = lazy(() => import("./council/MeetingsPage.tsx"));
// ── end of council ──
// ── Citizen panel: /borgerpanelet (public, members) and /personale/borgerpanel (staff) ──
const PanelPage = lazy(() => import("./panel/PanelPage.tsx"));
const PanelJoinPage = lazy(() => import("./panel/JoinPage.tsx"));
const PanelMinePage = lazy(() => import("./panel/MinePage.tsx"));
const PanelAnswerPage = lazy(() => import("./panel/AnswerPage.tsx"));
const PanelResultPage = lazy(() => import("./panel/ResultPage.tsx"));
const PanelStaffPage = lazy(() => import("./panel/StaffPanelPage.tsx"));
const PanelConsultationPage = lazy(() => import("./panel/ConsultationPage.tsx"));
const PanelStaffResultsPage = lazy(() => import("./panel/StaffResultsPage.tsx"));
// ── end of citizen panel ──
// ── Mentor scheme: public, mentor, mentee and staff pages (web/src/mentor/) ──
const MentorHomePage = lazy(() => import("./mentor/MentorHomePage.tsx"));
const MentorApplyPage = lazy(() => import("./mentor/ApplyPage.tsx"));
const MentorRequestPage = lazy(() => import("./mentor/RequestPage.tsx"));
const MentorMinePage = lazy(() => import("./mentor/MinePage.tsx"));
const MentorPairPage = lazy(() => import("./mentor/PairPage.tsx"));
const StaffMentorPage = lazy(() => import("./mentor/StaffMentorPage.tsx"));
const StaffMentorRequestPage = lazy(() => import("./mentor/RequestPage.tsx").then((page) => ({ default: page.StaffRequestPage })));
// ── end of mentor ──

/** All routes of the site. Tests render <AppRoutes /> inside a memory router. */
export function AppRoutes() {
  return (
    <>
      <Route path="/" component={Home} />
      <Route path="/tilbud" component={OffersPage} />
      <Route path="/tilbud/:id" component={OfferPage} />
      <Route path="/logind" component={SignInPage} />
      <Route path="/logind/kode" component={CodePage} />
      <Route path="/logind/link" component={LinkPage} />
      <Route path="/min-side" component={MyPage} />
      <Route path="/min-side/adgangskode" component={PasswordPage} />
      <Route path="/min-side/slet" component={DeletePage} />
      <Route path="/personale/inviter" component={InvitePage} />
      <Route path="/personale/fjern-rolle" component={RemoveRolePage} />
      <Route path="/admin/log" component={AuditPage} />
      <Route path="/privatliv" component={PrivacyPage} />
      {/* ── Directory, staff: /personale/tilbud/nyt is the editor's new offer (one route, so saving keeps the page) ── */}
      <Route path="/personale/tilbud" component={StaffOffersPage} />
      <Route path="/personale/tilbud/:id" component={OfferEditorPage} />
      <Route path="/personale/import" component={ImportPage} />
      {/* ── end of directory, staff ── */}
      {/* ── Suggestions ── */}
      <Route path="/tilbud/foreslaa" component={SuggestPage} />
      <Route path="/personale/forslag" component={SuggestionsPage} />
      {/* ── end of suggestions ── */}
      {/* ── Search ── */}
      <Route path="/tilbud/soeg" component={SearchPage} />
      {/* ── end of search ── */}
      {/* ── Council ── */}
      <Route path="/borgerraadet" component={CouncilIndexPage} />
      <Route path="/borgerraadet/mine-afstemninger" component={CouncilMyVotesPage} />
      <Route path="/borgerraadet/:centre" component={CouncilPage} />
      <Route path="/borgerraadet/:centre/forslag/:id" component={CouncilProposalPage} />
      <Route path="/borgerraadet/:centre/nyt-forslag" component={CouncilProposePage} />
      <Route path="/borgerraadet/:centre/indbakke" component={CouncilInboxPage} />
      <Route path="/borgerraadet/:centre/medlemmer" component={CouncilMembersPage} />
      <Route path="/borgerraadet/:centre/moeder" component={CouncilMeetingsPage} />
      {/* ── end of council ── */}
      {/* ── Citizen panel ── */}
      <Route path="/borgerpanelet" component={PanelPage} />
      <Route path="/borgerpanelet/tilmeld" component={PanelJoinPage} />
      <Route path="/borgerpanelet/mine" component={PanelMinePage} />
      <Route path="/borgerpanelet/svar/:id" component={PanelAnswerPage} />
      <Route path="/borgerpanelet/resultater/:id" component={PanelResultPage} />
      <Route path="/personale/borgerpanel" component={PanelStaffPage} />
      <Route path="/personale/borgerpanel/:centre/:id" component={PanelConsultationPage} />
      <Route path="/personale/borgerpanel/:centre/:id/resultat" component={PanelStaffResultsPage} />
      {/* ── end of citizen panel ── */}
      {/* ── Mentor scheme ── */}
      <Route path="/mentorordningen" component={MentorHomePage} />
      <Route path="/mentorordningen/bliv-mentor" component={MentorApplyPage} />
      <Route path="/mentorordningen/faa-en-mentor" component={MentorRequestPage} />
      <Route path="/mentorordningen/mine" component={MentorMinePage} />
      <Route path="/mentorordningen/forloeb/:id" component={MentorPairPage} />
      <Route path="/personale/mentor" component={StaffMentorPage} />
      <Route path="/personale/mentor/nyt-oenske" component={StaffMentorRequestPage} />
      {/* ── end of mentor ── */}
      <Route path="*404" component={NotFound} />
    </>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Router root={Layout}>
          <AppRoutes />
        </Router>
      </SessionProvider>
    </I18nProvider>
  );
}
