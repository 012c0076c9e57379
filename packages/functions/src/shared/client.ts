import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from "@naerhed/core/shared/config";
import { ForbiddenError } from "@naerhed/core/shared/errors";
import type { AppEnv } from "./http.ts";

/**
 * Where a request came from. On AWS only CloudFront knows the viewer's address: it sends it in
 * `CloudFront-Viewer-Address` ("ip:port") together with our secret origin header. The API
 * refuses any request without the secret (someone calling the API Gateway endpoint directly
 * could write any viewer address), so the address it reads can be trusted. Locally the gateway
 * plays CloudFront (packages/local/src/gateway.ts) from the socket.
 */

const digest = (value: string) => createHash("sha256").update(value).digest();

/** "203.0.113.9:443" → "203.0.113.9"; "[2001:db8::1]:443" or "2001:db8::1:443" → "2001:db8::1". */
export function viewerIp(header: string | undefined): string | undefined {
  const colon = header?.lastIndexOf(":") ?? -1;
  if (!header || colon <= 0 || !/^\d{1,5}$/.test(header.slice(colon + 1))) return undefined;
  const ip = header.slice(0, colon).replace(/^\[(.*)\]$/, "$1");
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return ip;
  return /^[0-9a-f:.]+$/i.test(ip) && ip.includes(":") ? ip : undefined;
}

/**
 * The key rate limits count under: an IPv4 address, or an IPv6 address's /64 (one household or
 * phone gets a whole /64 and can pick any address in it, so counting single addresses would let
 * one client count as millions).
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/**
 * Refuses every request that did not come through our CloudFront (403): without the origin
 * secret, or without a viewer address CloudFront always adds. Compared in constant time.
 */
export function originVerify(secret: string): MiddlewareHandler<AppEnv> {
  const expected = digest(secret);
  return async (c, next) => {
    const given = c.req.header(ORIGIN_VERIFY_HEADER);
    if (given === undefined || !timingSafeEqual(digest(given), expected) || !viewerIp(c.req.header(VIEWER_ADDRESS_HEADER))) {
      throw new ForbiddenError("origin_unverified");
    }
    await next();
  };
}

/** The client's address for rate limits; only after `originVerify` let the request in. */
export function clientAddress(c: Context): string {
  const ip = viewerIp(c.req.header(VIEWER_ADDRESS_HEADER));
  if (!ip) throw new ForbiddenError("origin_unverified");
  return addressKey(ip);
}
