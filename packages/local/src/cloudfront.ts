import { ORIGIN_VERIFY_HEADER } from "@naerhed/core/shared/config";

/**
 * The local server plays CloudFront (stacks/Web.ts), so the API sees requests exactly as on AWS:
 * whatever a client sent as `CloudFront-*` or as our origin secret is dropped, then the secret
 * and `CloudFront-Viewer-Address` are set from the TCP connection. A client cannot choose its
 * address here any more than it can behind CloudFront.
 */

/** What @hono/node-server passes as the second argument of `fetch`. */
export type NodeBindings = { incoming?: { socket?: { remoteAddress?: string; remotePort?: number } } };

export type Viewer = { address: string; port: number };

export function socketViewer(env: unknown): Viewer | undefined {
  const socket = (env as NodeBindings | undefined)?.incoming?.socket;
  return socket?.remoteAddress ? { address: socket.remoteAddress, port: socket.remotePort ?? 0 } : undefined;
}

/** The request as CloudFront would send it on to the API. */
export function asFromCloudFront(request: Request, viewer: Viewer, secret: string): Request {
  const headers = new Headers(request.headers);
  for (const name of [...headers.keys()]) if (name.startsWith("cloudfront-") || name === ORIGIN_VERIFY_HEADER) headers.delete(name);
  headers.set(ORIGIN_VERIFY_HEADER, secret);
  headers.set("cloudfront-viewer-address", `${viewer.address.includes(":") ? `[${viewer.address}]` : viewer.address}:${viewer.port}`);
  return new Request(request, { headers });
}

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

/**
 * A fetch handler in front of `fetch` (the local app) that plays CloudFront for every request.
 * A request with no socket behind it (only in-process callers) is refused: there is no address to give it.
 */
export function behindLocalCloudFront(fetch: Fetch, secret: string, viewerOf: (env: unknown) => Viewer | undefined = socketViewer): Fetch {
  return (request, env) => {
    const viewer = viewerOf(env);
    if (!viewer) return new Response("No client address", { status: 500 });
    return fetch(asFromCloudFront(request, viewer, secret), env);
  };
}

/** What @hono/node-server would pass for a connection from `address`. */
const socketFrom = (address: string): NodeBindings => ({ incoming: { socket: { remoteAddress: address, remotePort: 50_000 } } });

/**
 * In-process requests through the stand-in, for tests and benchmarks: `from` is the address of
 * the socket (default 127.0.0.1), the only address the API will see.
 */
export function throughLocalCloudFront(fetch: Fetch, secret: string) {
  const front = behindLocalCloudFront(fetch, secret);
  return {
    request(input: string | Request, init?: RequestInit, from = "127.0.0.1"): Promise<Response> {
      const request = typeof input === "string" ? new Request(new URL(input, "http://localhost"), init) : input;
      return Promise.resolve(front(request, socketFrom(from)));
    },
  };
}
