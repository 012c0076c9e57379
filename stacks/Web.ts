import { Duration, Fn } from "aws-cdk-lib";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { StaticSite, use, type StackContext } from "sst/constructs";
import { API_FORWARDED_HEADERS, ORIGIN_VERIFY_HEADER } from "../packages/core/src/shared/config.ts";
import { SITE_CONTENT_SECURITY_POLICY } from "../packages/core/src/shared/html.ts";
import { Api } from "./Api.ts";

/**
 * SST runs the site's build command inside `app.finish()`, also in the offline infra tests.
 * There it would overwrite the `web/dist` that local runs and browser tests serve. So
 * infra-tests set `NAERHED_SKIP_SITE_BUILD=1` and package the existing `web/dist` instead
 * (their global setup builds it when it is missing).
 */
export function siteBuildCommand(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.NAERHED_SKIP_SITE_BUILD === "1" ? undefined : "npm run build";
}

/** The site's Content-Security-Policy (one declaration, which the API's own pages send too). */
export const CONTENT_SECURITY_POLICY = SITE_CONTENT_SECURITY_POLICY;

/** HSTS lifetime: one year. */
export const HSTS_MAX_AGE = Duration.days(365);

/**
 * CloudFront Function (viewer request, site files only): a path whose last segment has no file
 * extension is a route of the single-page app and gets `index.html`; files are served as they
 * are, and a missing file stays an error. This replaces SST's distribution-wide 403/404 → 200
 * `index.html` error responses, which would also turn the API's 403 and 404 answers into the app.
 */
export const SITE_ROUTING_FUNCTION = `function handler(event) {
  var request = event.request;
  var last = request.uri.split("/").pop();
  if (last.indexOf(".") === -1) request.uri = "/index.html";
  return request;
}`;

/**
 * The SolidJS site on S3 behind CloudFront. The same distribution forwards `/api/*` to the HTTP
 * API, so the site calls its own origin: session cookies stay first-party (SameSite=Lax) and
 * no CORS is needed.
 */
export function Web({ stack }: StackContext) {
  const { api, originVerify } = use(Api);

  // https://<id>.execute-api.<region>.amazonaws.com → <id>.execute-api.<region>.amazonaws.com
  // The origin header overwrites one of the same name a viewer might send.
  const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split("/", api.url)), {
    protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
    customHeaders: { [ORIGIN_VERIFY_HEADER]: originVerify.secretValue.unsafeUnwrap() },
  });
  // Exactly the viewer headers the API reads, and the address CloudFront adds (API_FORWARDED_HEADERS;
  // the managed AllViewerExceptHostHeader policy passes no CloudFront headers at all).
  const apiRequests = new cloudfront.OriginRequestPolicy(stack, "ApiRequests", {
    comment: "Naerhed API: the headers it reads, the viewer's address, cookies and query strings",
    headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...API_FORWARDED_HEADERS),
    cookieBehavior: cloudfront.OriginRequestCookieBehavior.all(),
    queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
  });

  const securityHeaders = new cloudfront.ResponseHeadersPolicy(stack, "SiteSecurityHeaders", {
    comment: "Nærhed site: CSP and security headers",
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
      strictTransportSecurity: { accessControlMaxAge: HSTS_MAX_AGE, includeSubdomains: true, override: true },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
    },
  });

  const routing = new cloudfront.Function(stack, "SiteRouting", {
    code: cloudfront.FunctionCode.fromInline(SITE_ROUTING_FUNCTION),
    runtime: cloudfront.FunctionRuntime.JS_2_0,
    comment: "Nærhed site: app routes get index.html",
  });

  const site = new StaticSite(stack, "Site", {
    path: "web",
    buildCommand: siteBuildCommand(),
    buildOutput: "dist",
    // The API is on the site's own origin (/api/* below); pinned empty so that a VITE_API_URL in
    // the deploying shell cannot point the site elsewhere.
    environment: { VITE_API_URL: "" },
    // SST writes an `ImportMetaEnv` declaration for the environment above on every synthesis,
    // by default into web/src/sst-env.d.ts; the site declares its own, so it goes to SST's own
    // git-ignored folder instead.
    vite: { types: "../.sst/types/web-env.d.ts" },
    cdk: {
      // The bucket refuses plain-HTTP requests (cdk-nag AwsSolutions-S10).
      bucket: { enforceSSL: true },
      distribution: {
        // Error responses apply to the whole distribution, /api/* included: none (see SITE_ROUTING_FUNCTION).
        errorResponses: [],
        defaultBehavior: {
          responseHeadersPolicy: securityHeaders,
          functionAssociations: [{ function: routing, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        },
        additionalBehaviors: {
          "/api/*": {
            origin: apiOrigin,
            viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
            allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
            cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
            originRequestPolicy: apiRequests,
          },
        },
      },
    },
  });
  // SST's own viewer-request function (adds ".html" to paths) is replaced by `routing` above;
  // drop the unused resource.
  site.node.tryRemoveChild("CloudFrontFunction");

  stack.addOutputs({ SiteUrl: site.url ?? "" });
  return { site };
}
