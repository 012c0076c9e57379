import { createContext, createEffect, useContext, type Accessor, type ParentProps } from "solid-js";

/**
 * Who runs this site: the organisation's name, logo, colour and contact, for the header and the
 * footer (contract 7 between the look and the org tracks). Until an organisation has filled them
 * in, the site shows a neutral Nærhed: no logo, DKFDS's neutral colour, the help text for contact.
 */
export type SiteInfo = {
  /** "Aarhus Kommune": the footer's heading and the logo's text. */
  name?: string;
  /** "Aarhus": beside the logo in the header. */
  shortName?: string;
  logoUrl?: string;
  /** The main colour as CSS (#rrggbb); it must keep 4.5:1 against white text. */
  colour?: string;
  contact?: { phone?: string; email?: string; address?: string; hours?: string };
};

const SiteContext = createContext<Accessor<SiteInfo>>(() => ({}));

/** Gives the layout the organisation's details; `site` may start empty and fill in later. */
export function SiteProvider(props: ParentProps<{ site: Accessor<SiteInfo> }>) {
  createEffect(() => {
    // One custom property feeds every place that shows the organisation's colour (base.scss).
    const colour = props.site().colour;
    if (colour) document.documentElement.style.setProperty("--org-colour", colour);
    else document.documentElement.style.removeProperty("--org-colour");
  });
  return <SiteContext.Provider value={() => props.site()}>{props.children}</SiteContext.Provider>;
}

export const useSite = (): Accessor<SiteInfo> => useContext(SiteContext);
