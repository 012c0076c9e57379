import { createEffect } from "solid-js";
import { useTexts } from "./texts.ts";
import { siteTexts } from "./texts/index.ts";

/**
 * After the person moves to another page inside the site, focus goes to the new page's
 * heading, so screen readers read where they are (as after a normal page load).
 * The layout marks each navigation; the next PageHeading to appear takes the focus.
 */
let navigated = false;

export function markNavigation(): void {
  navigated = true;
}

export function takeNavigation(): boolean {
  const value = navigated;
  navigated = false;
  return value;
}

/** Sets document.title to "<page> – Nærhed" and follows the chosen language. */
export function usePageTitle(title: () => string): void {
  const { t } = useTexts(siteTexts);
  createEffect(() => {
    const page = title();
    const site = t("site.name");
    document.title = page === site ? site : `${page} – ${site}`;
  });
}

/** Moves focus to an element (and the page to it) without letting the browser jump twice. */
export function focusElement(element: HTMLElement | null, scrollTo: Element | null = element): void {
  if (!element) return;
  scrollTo?.scrollIntoView?.({ block: "start" });
  element.focus({ preventScroll: true });
}
