import { StaticSite, use, type StackContext } from "sst/constructs";
import { Api } from "./Api.ts";

/**
 * SST runs the site's build command inside `app.finish()`, also in the offline infra tests.
 * There the build would get the deploy-time placeholder `{{ VITE_API_URL }}` as its API URL and
 * overwrite the `web/dist` that local runs and browser tests serve. So infra-tests set
 * `NAERHED_SKIP_SITE_BUILD=1` and package the existing `web/dist` instead (their global setup
 * builds it when it is missing).
 */
export function siteBuildCommand(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.NAERHED_SKIP_SITE_BUILD === "1" ? undefined : "npm run build";
}

/** The SolidJS site on S3 behind CloudFront, told where the API is at build time. */
export function Web({ stack }: StackContext) {
  const { api } = use(Api);

  const site = new StaticSite(stack, "Site", {
    path: "web",
    buildCommand: siteBuildCommand(),
    buildOutput: "dist",
    // The single-page app routes in the browser: unknown paths get index.html.
    errorPage: "redirect_to_index_page",
    environment: { VITE_API_URL: api.url },
    // SST writes an `ImportMetaEnv` declaration for the environment above on every synthesis,
    // by default into web/src/sst-env.d.ts. The site declares VITE_API_URL itself (optional, as
    // it is unset locally), and a second, different declaration would break its type check.
    // So the generated file goes to SST's own git-ignored folder instead.
    vite: { types: "../.sst/types/web-env.d.ts" },
  });

  stack.addOutputs({ SiteUrl: site.url ?? "" });
  return { site };
}
