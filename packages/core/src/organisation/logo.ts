import { createHash } from "node:crypto";
import { InvalidInputError } from "../shared/errors.ts";

/**
 * The organisation's logo: a PNG or an SVG of at most 200 KB, judged by what the file is, not by
 * what the browser says it is. An SVG is a document that can run script when opened on its own,
 * so one that holds script, event attributes, links to `javascript:` or to anything outside the
 * file, embedded HTML or a DOCTYPE (entities) is refused, and every logo is served with a
 * Content-Security-Policy that runs nothing (organisation/routes: `LOGO_HEADERS`). Refused files
 * are never stored.
 */

export const LOGO_MAX_BYTES = 200 * 1024;

export type CheckedLogo = { bytes: Uint8Array; content_type: "image/png" | "image/svg+xml"; extension: "png" | "svg"; sha256: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const refuse = (message: "logo_not_image" | "logo_too_large" | "logo_svg_unsafe") => new InvalidInputError([{ field: "logo", message }]);

const isPng = (bytes: Uint8Array) => bytes.length > 24 && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);

/** What in an SVG can run or reach outside the file. */
const SVG_UNSAFE = [
  /<\s*script\b/i,
  /<\s*foreignObject\b/i,
  /<\s*(iframe|embed|object|audio|video|handler|listener)\b/i,
  /<!DOCTYPE|<!ENTITY/i,
  /<\?xml-stylesheet/i,
  // Event attributes: onload=, onclick=, … (also with whitespace or a namespace before them).
  /[\s/:"']on[a-z]+\s*=/i,
  // Links and references must stay inside the file (href="#part").
  /\b(?:xlink:)?href\s*=\s*["']?\s*(?!#)/i,
  /javascript:|vbscript:|data:text\/html/i,
  /@import|url\(\s*["']?\s*(?!#)/i,
  /<\s*set\b[^>]*attributeName\s*=\s*["']?\s*(?:xlink:)?href/i,
];

function svgText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
  // An SVG file: optional XML declaration and comments, then the <svg> element, and nothing after it.
  const start = text.replace(/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*/, "");
  if (!/^<svg[\s>]/.test(start) || !/<\/svg>\s*$/.test(start)) return undefined;
  return text;
}

export function checkLogo(bytes: Uint8Array): CheckedLogo {
  if (bytes.length > LOGO_MAX_BYTES) throw refuse("logo_too_large");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (isPng(bytes)) return { bytes, content_type: "image/png", extension: "png", sha256 };
  const svg = svgText(bytes);
  if (svg === undefined) throw refuse("logo_not_image");
  if (SVG_UNSAFE.some((pattern) => pattern.test(svg))) throw refuse("logo_svg_unsafe");
  return { bytes, content_type: "image/svg+xml", extension: "svg", sha256 };
}
