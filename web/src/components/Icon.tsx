/**
 * A DKFDS icon (its set of Material Symbols), drawn inline so it takes the colour of the text
 * around it. Pass the icon's file as text: `import info from "dkfds-assets/img/svg-icons/info.svg?raw"`,
 * so each page's code carries only the icons it shows. Hidden from screen readers: the words
 * beside an icon say what it means.
 */
export function Icon(props: { svg: string; class?: string }) {
  const viewBox = () => /viewBox="([^"]+)"/.exec(props.svg)?.[1] ?? "0 0 24 24";
  const body = () => props.svg.replace(/^[\s\S]*?<svg[^>]*>|<\/svg>\s*$/g, "");
  return <svg class={`icon-svg${props.class ? ` ${props.class}` : ""}`} viewBox={viewBox()} aria-hidden="true" innerHTML={body()} />;
}
