/**
 * What pages served as HTML by the server itself share (the local outbox, the API's HSDS profile
 * and docs pages; the site itself is SolidJS on S3).
 */

/** Text as HTML: the five characters that could start markup or end an attribute are escaped. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

/**
 * The site's Content-Security-Policy: everything from its own origin, the API included. CloudFront
 * sends it with the site (stacks/Web.ts); the API's own pages send it themselves.
 */
export const SITE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
