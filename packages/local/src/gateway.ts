import { randomUUID } from "node:crypto";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { Hono } from "hono";
import { manifests } from "@naerhed/core/manifests";
import { API_FORWARDED_HEADERS, ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from "@naerhed/core/shared/config";
import type { LocalModules } from "./lambda-runner.ts";

/**
 * Locally, what CloudFront and API Gateway do to a request for /api/* before a module's function
 * sees it (stacks/Web.ts, stacks/Api.ts), and to the answer on its way back:
 * - CloudFront passes on only the viewer headers of the /api/* origin request policy
 *   (API_FORWARDED_HEADERS), so nothing a client sends as `cloudfront-*` or as the origin secret
 *   gets through; it writes the viewer's address itself (`cloudfront-viewer-address`, "ip:port",
 *   IPv6 in brackets), adds the origin secret (`x-naerhed-origin-verify`), `user-agent`, `via`
 *   and `x-amz-cf-id`, appends the address to `x-forwarded-for` and keeps the body's length
 *   headers; Host becomes the API's own;
 * - API Gateway picks the module by the first path segment (one `ANY /api/<prefix>` and
 *   `/{proxy+}` route each; anything else is its own 404), moves cookies into `cookies`, sets
 *   `requestContext.http.sourceIp`, and turns the function's result back into a response.
 * The local server speaks plain HTTP where CloudFront speaks HTTPS, so `Secure` is taken off
 * cookies for a plain-HTTP viewer (the one difference left; README says so).
 */

/** The API's own host on AWS (`<id>.execute-api.<region>.amazonaws.com`); locally a name of the same shape. */
export const LOCAL_API_DOMAIN = "local.execute-api.localhost";

/** Where the request came from: the socket's peer, or for a test request, what the test says. */
export type Viewer = { address: string; port: number; protocol: "http" | "https" };

const TEXT = /^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript)|[^;]*\+json)/i;

const viewerAddress = ({ address, port }: Viewer) => (address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`);

/** The viewer headers CloudFront sends on: the policy's allow-list (less the address, which it writes), and the body's framing. */
const PASSED_ON: ReadonlySet<string> = new Set([...API_FORWARDED_HEADERS.filter((name) => name !== VIEWER_ADDRESS_HEADER), "content-length", "transfer-encoding"]);

/** What CloudFront adds to every request it sends to the API: the viewer's address and the origin secret, among others. */
export function cloudFrontHeaders(viewer: Viewer, originVerifySecret: string, forwardedFor?: string): Record<string, string> {
  return {
    [VIEWER_ADDRESS_HEADER]: viewerAddress(viewer),
    [ORIGIN_VERIFY_HEADER]: originVerifySecret,
    "user-agent": "Amazon CloudFront",
    via: "2.0 local.cloudfront.net (CloudFront)",
    "x-amz-cf-id": randomUUID(),
    "x-forwarded-for": forwardedFor ? `${forwardedFor}, ${viewer.address}` : viewer.address,
  };
}

type InProcess = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/**
 * One module's API called in-process, without the gateway (benchmarks and tests that time or
 * break one module's code): each request carries what CloudFront adds, as if from 127.0.0.1.
 */
export function viaCloudFront(app: InProcess, originVerifySecret: string): InProcess {
  const viewer: Viewer = { address: "127.0.0.1", port: 50000, protocol: "https" };
  return { request: (path, init = {}) => app.request(path, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), ...cloudFrontHeaders(viewer, originVerifySecret) } }) };
}

export function prefixOwner(path: string): { module: string; routeKey: string } | undefined {
  const [, api, prefix, ...rest] = path.split("/");
  if (api !== "api" || !prefix) return undefined;
  const owner = manifests.find((manifest) => manifest.prefixes.includes(prefix));
  if (!owner) return undefined;
  return { module: owner.name, routeKey: rest.length > 0 ? `ANY /api/${prefix}/{proxy+}` : `ANY /api/${prefix}` };
}

export async function toApiEvent(request: Request, viewer: Viewer, routeKey: string, originVerifySecret: string): Promise<APIGatewayProxyEventV2> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) if (PASSED_ON.has(name)) headers[name] = value;
  const ip = viewer.address;
  Object.assign(headers, cloudFrontHeaders(viewer, originVerifySecret, request.headers.get("x-forwarded-for") ?? undefined), {
    host: LOCAL_API_DOMAIN,
    "x-forwarded-proto": "https",
    "x-forwarded-port": "443",
  });
  const cookies = request.headers.get("cookie")?.split(/;\s*/).filter(Boolean);
  const bytes = request.method === "GET" || request.method === "HEAD" ? undefined : new Uint8Array(await request.arrayBuffer());
  const text = TEXT.test(request.headers.get("content-type") ?? "");
  const now = new Date();
  const proxy = url.pathname.split("/").slice(3).join("/");
  return {
    version: "2.0",
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(proxy ? { pathParameters: { proxy } } : {}),
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: LOCAL_API_DOMAIN,
      domainPrefix: "local",
      http: { method: request.method, path: url.pathname, protocol: "HTTP/1.1", sourceIp: ip, userAgent: headers["user-agent"] ?? "" },
      requestId: randomUUID(),
      routeKey,
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(bytes && bytes.length > 0
      ? text
        ? { body: new TextDecoder().decode(bytes), isBase64Encoded: false }
        : { body: Buffer.from(bytes).toString("base64"), isBase64Encoded: true }
      : { isBase64Encoded: false }),
  };
}

export function fromApiResult(result: APIGatewayProxyResultV2, viewer: Viewer): Response {
  const structured = (typeof result === "string" ? { statusCode: 200, body: result } : result) as APIGatewayProxyStructuredResultV2;
  const headers = new Headers();
  for (const [name, value] of Object.entries(structured.headers ?? {})) headers.set(name, String(value));
  for (const cookie of structured.cookies ?? []) headers.append("set-cookie", viewer.protocol === "http" ? cookie.replace(/;\s*Secure/i, "") : cookie);
  const body = structured.body === undefined ? null : structured.isBase64Encoded ? Buffer.from(structured.body, "base64") : structured.body;
  const status = structured.statusCode ?? 200;
  return new Response(status === 204 || status === 304 ? null : body, { status, headers });
}

/** The Node server's socket, or what a test passes as `env` to `app.request(path, init, env)`. */
type GatewayEnv = { incoming?: { socket?: { remoteAddress?: string; remotePort?: number } }; clientAddress?: string } | undefined;

/** /api/* as API Gateway behind CloudFront serves it: each module's own function, through its event. */
export function createGateway(modules: Pick<LocalModules, "invokeHttp" | "originVerifySecret">) {
  const gateway = new Hono<{ Bindings: GatewayEnv }>();
  gateway.all("/api/*", async (c) => {
    const owner = prefixOwner(c.req.path);
    if (!owner) return c.notFound();
    const socket = c.env?.incoming?.socket;
    const viewer: Viewer = {
      address: (c.env?.clientAddress ?? socket?.remoteAddress ?? "127.0.0.1").replace(/^::ffff:/, ""),
      port: socket?.remotePort ?? 50000,
      protocol: "http",
    };
    const event = await toApiEvent(c.req.raw, viewer, owner.routeKey, modules.originVerifySecret);
    return fromApiResult(await modules.invokeHttp(owner.module, event), viewer);
  });
  // API Gateway's own answer for a path no route matches (outside /api the local server's site answers first).
  gateway.notFound((c) => c.json({ message: "Not Found" }, 404));
  return gateway;
}
