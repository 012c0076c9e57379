import { Route, Router } from "@solidjs/router";
import { Layout } from "./components/Layout.tsx";
import { councilRoutes } from "./council/routes.ts";
import { directoryRoutes } from "./directory/routes.ts";
import { identityRoutes } from "./identity/routes.ts";
import { LanguageProvider } from "./lib/language.tsx";
import { SessionProvider } from "./lib/session.tsx";
import { mentorRoutes } from "./mentor/routes.ts";
import { organisationRoutes } from "./organisation/routes.ts";
import Home from "./pages/Home.tsx";
import NotFound from "./pages/NotFound.tsx";
import { panelRoutes } from "./panel/routes.ts";

/** Every page of the site: the front page, each module's pages (lazy-loaded, from `<module>/routes.ts`), and "not found". */
const routes = [{ path: "/", component: Home }, ...identityRoutes, ...directoryRoutes, ...councilRoutes, ...panelRoutes, ...mentorRoutes, ...organisationRoutes, { path: "*404", component: NotFound }];

/** All routes of the site. Tests render <AppRoutes /> inside a memory router. */
export function AppRoutes() {
  return <>{routes.map((route) => <Route path={route.path} component={route.component} />)}</>;
}

export function App() {
  return (
    <LanguageProvider>
      <SessionProvider>
        <Router root={Layout}>
          <AppRoutes />
        </Router>
      </SessionProvider>
    </LanguageProvider>
  );
}
