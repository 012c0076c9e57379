import { A, useSearchParams } from "@solidjs/router";
import { For, Match, Switch, type JSX } from "solid-js";
import { PageHeading } from "../../components/PageHeading.tsx";
import { centreName, myCentres } from "../../lib/site.ts";
import { NoAccess } from "../../components/NoAccess.tsx";
import type { SessionPerson } from "../../lib/session.tsx";
import { useTexts } from "../../lib/texts.ts";
import { directoryTexts } from "../texts/index.ts";

/** "?center=nord" when the person has several centres (the address then says which one). */
export const centreQuery = (person: SessionPerson, centre: string): string =>
  myCentres(person).length > 1 ? `?center=${encodeURIComponent(centre)}` : "";

/**
 * The centre the page is about: the only one the person has, or `?center=` from the address.
 * With several centres and none chosen, the person chooses; a centre that is not theirs is "no access".
 */
export function WithCentre(props: { person: SessionPerson; children: (centre: string) => JSX.Element }) {
  const { t, lang } = useTexts(directoryTexts);
  const [params] = useSearchParams<{ center?: string }>();
  const mine = () => myCentres(props.person);
  const chosen = () => {
    const asked = params.center;
    if (asked) return mine().includes(asked) ? asked : null;
    return mine().length === 1 ? mine()[0]! : undefined;
  };
  return (
    <Switch>
      <Match when={chosen()}>{(centre) => props.children(centre())}</Match>
      <Match when={chosen() === null || mine().length === 0}>
        <NoAccess />
      </Match>
      <Match when={chosen() === undefined}>
        <PageHeading title={t("directory.staffOffers.chooseTitle")} lead={t("directory.staffOffers.chooseLead")} />
        <ul class="link-list">
          <For each={mine()}>
            {(centre) => (
              <li>
                <A href={`/personale/tilbud?center=${encodeURIComponent(centre)}`} class="big-link">
                  {centreName(centre, lang())}
                </A>
              </li>
            )}
          </For>
        </ul>
      </Match>
    </Switch>
  );
}
