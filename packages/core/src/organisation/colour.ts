/**
 * The organisation's main colour and what it must pass before the site uses it (WCAG 2.2 AA,
 * success criterion 1.4.3): the site writes white text on it (buttons, the header band) and uses
 * it as the colour of links and headings on white, so it needs 4.5:1 against white; and it puts
 * its text colour on a light tint of it (`--org-tint`), which needs 4.5:1 too. Free of valibot,
 * so the site shows the same numbers while the administrator types.
 */

/** The site's text colour (web/src/base.css `--text`). */
export const TEXT_COLOUR = "#1b1b1b";
export const WHITE = "#ffffff";
/** Normal text needs 4.5:1 (1.4.3 AA). */
export const MINIMUM_CONTRAST = 4.5;
/** How much of the colour the light tint holds (the rest is white). */
const TINT_SHARE = 0.12;

export const isHexColour = (text: string) => /^#[0-9a-f]{6}$/i.test(text);

const channels = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The light background made from the colour. */
export function tintOf(hex: string): string {
  return `#${channels(hex)
    .map((value) => Math.round(255 - (255 - value) * TINT_SHARE).toString(16).padStart(2, "0"))
    .join("")}`;
}

/** Rounded down to one decimal, so "4.5" is never shown for 4.46. */
const shown = (ratio: number) => Math.floor(ratio * 10) / 10;

export type ColourCheck = { onWhite: number; textOnTint: number; passes: boolean };

export function checkColour(hex: string): ColourCheck {
  const onWhite = contrastRatio(hex, WHITE);
  const textOnTint = contrastRatio(TEXT_COLOUR, tintOf(hex));
  return { onWhite: shown(onWhite), textOnTint: shown(textOnTint), passes: onWhite >= MINIMUM_CONTRAST && textOnTint >= MINIMUM_CONTRAST };
}
