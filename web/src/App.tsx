import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { Layout } from "./components/Layout.tsx";
import { I18nProvider } from "./i18n/index.tsx";
import { ComingSoon, comingSoon } from "./pages/ComingSoon.tsx";
import Home from "./pages/Home.tsx";
import NotFound from "./pages/NotFound.tsx";

// The directory pages carry the core's category and centre lists: load them when needed.
const OffersPage = lazy(() => import("./directory/OffersPage.tsx"));
const OfferPage = lazy(() => import("./directory/OfferPage.tsx"));

/** All routes of the site. Tests render <AppRoutes /> inside a memory router. */
export function AppRoutes() {
  return (
    <>
      <Route path="/" component={Home} />
      <Route path="/tilbud" component={OffersPage} />
      <Route path="/tilbud/:id" component={OfferPage} />
      {comingSoon.map((module) => (
        <Route path={module.path} component={() => <ComingSoon module={module} />} />
      ))}
      <Route path="*404" component={NotFound} />
    </>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Router root={Layout}>
        <AppRoutes />
      </Router>
    </I18nProvider>
  );
}
