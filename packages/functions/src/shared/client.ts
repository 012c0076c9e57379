import type { Context } from "hono";

/**
 * The address a request came from, for rate limits. Behind CloudFront the viewer's address
 * is in CloudFront-Viewer-Address (set by CloudFront, not the client); on a bare HTTP API
 * it is the event's sourceIp; locally it is the socket's peer.
 */
export function clientAddress(c: Context): string {
  const viewer = c.req.header("cloudfront-viewer-address");
  if (viewer) return viewer.slice(0, viewer.lastIndexOf(":"));
  const env = c.env as
    | { event?: { requestContext?: { http?: { sourceIp?: string } } }; incoming?: { socket?: { remoteAddress?: string } } }
    | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? "unknown";
}
