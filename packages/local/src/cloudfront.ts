import { ORIGIN_VERIFY_HEADER } from "@naerhed/core/shared/config";

/**
 * The local server plays CloudFront (stacks/Web.ts), so the API sees requests exactly as on AWS:
 * whatever a client sent as `CloudFront-*` or as our origin secret is dropped, then the secret
 * and `CloudFront-Viewer-Address` are set from the TCP connection. A client cannot choose its
 * address here any more than it can behind CloudFront.
 */

/** What @hono/node-server passes as the second argument of `fetch`. */
export type NodeBindings = { incoming?: { socket?: { remoteAddress?: string; remotePort?: number } } };

/** The request as CloudFront would send it on to the API, from the socket's address and port. */
function asFromCloudFront(request: Request, socket: { remoteAddress: string; remotePort?: number }, secret: string): Request {
  const headers = new Headers(request.headers);
  for (const name of [...headers.keys()]) if (name.startsWith("cloudfront-") || name === ORIGIN_VERIFY_HEADER) headers.delete(name);
  headers.set(ORIGIN_VERIFY_HEADER, secret);
  const address = socket.remoteAddress.includes(":") ? `[${socket.remoteAddress}]` : socket.remoteAddress;
  headers.set("cloudfront-viewer-address", `${address}:${socket.remotePort ?? 0}`);
  return new Request(request, { headers });
}

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

/**
 * A fetch handler in front of `fetch` (the local app) that plays CloudFront for every request.
 * A request with no socket behind it (only in-process callers) is refused: there is no address to give it.
 */
export function behindLocalCloudFront(fetch: Fetch, secret: string): Fetch {
  return (request, env) => {
    const socket = (env as NodeBindings | undefined)?.incoming?.socket;
    if (!socket?.remoteAddress) return new Response("No client address", { status: 500 });
    return fetch(asFromCloudFront(request, { remoteAddress: socket.remoteAddress, remotePort: socket.remotePort }, secret), env);
  };
}

/** What @hono/node-server would pass for a connection from `address`. */
const socketFrom = (address: string): NodeBindings => ({ incoming: { socket: { remoteAddress: address, remotePort: 50_000 } } });

/**
 * In-process requests through the stand-in, for tests and benchmarks: `clientAddress` is the
 * address of the socket (default 127.0.0.1), the only address the API will see.
 */
export function throughLocalCloudFront(fetch: Fetch, secret: string) {
  const front = behindLocalCloudFront(fetch, secret);
  return {
    request(input: string | Request, init?: RequestInit, { clientAddress = "127.0.0.1" }: { clientAddress?: string } = {}): Promise<Response> {
      const request = typeof input === "string" ? new Request(new URL(input, "http://localhost"), init) : input;
      return Promise.resolve(front(request, socketFrom(clientAddress)));
    },
  };
}
