import { For, Show } from "solid-js";
import { Button } from "../../components/Button.tsx";
import { useTexts } from "../../lib/texts.ts";
import { directoryTexts } from "../texts/index.ts";
import type { Difference } from "./offer-fields.ts";
import "./ConflictPanel.scss";

/**
 * Someone else saved the offer while this person was writing: the fields that differ, what each
 * wrote, and a choice between "Behold mine" and "Brug den andens". It takes the focus when it appears.
 */
export function ConflictPanel(props: {
  differences: Difference[];
  /** The other version is archived: then only theirs can stand. */
  archived: boolean;
  keeping: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  ref: (panel: HTMLElement) => void;
}) {
  const { t } = useTexts(directoryTexts);
  return (
    <section ref={props.ref} tabindex="-1" class="notice notice--warning conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title" class="notice__title">
        {t("directory.conflict.title")}
      </h2>
      <p>{t("directory.conflict.text")}</p>
      <Show when={props.differences.length > 0} fallback={<p>{t("directory.conflict.none")}</p>}>
        <ul class="conflict__list">
          <For each={props.differences}>
            {(difference) => (
              <li>
                <h3>{difference.label}</h3>
                <dl class="facts facts--stacked">
                  <div>
                    <dt>{t("directory.conflict.mine")}</dt>
                    <dd>{difference.mine}</dd>
                  </div>
                  <div>
                    <dt>{t("directory.conflict.theirs")}</dt>
                    <dd>{difference.theirs}</dd>
                  </div>
                </dl>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="actions">
        <Show when={!props.archived}>
          <Button onClick={props.onKeepMine} busy={props.keeping}>
            {t("directory.conflict.keep")}
          </Button>
        </Show>
        <Button variant="secondary" onClick={props.onTakeTheirs}>
          {t("directory.conflict.take")}
        </Button>
      </div>
    </section>
  );
}
