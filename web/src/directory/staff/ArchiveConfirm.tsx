import { onMount } from "solid-js";
import { Button } from "../../components/Button.tsx";
import { useTexts } from "../../lib/texts.ts";
import { directoryTexts } from "../texts/index.ts";

/** "Vil du arkivere tilbuddet?": asked before archiving, since it cannot be undone. It takes the focus when it opens. */
export function ArchiveConfirm(props: { busy: boolean; onYes: () => void; onNo: () => void }) {
  const { t } = useTexts(directoryTexts);
  let box!: HTMLDivElement;
  onMount(() => box.focus());
  return (
    <div ref={box} tabindex="-1" class="notice notice--warning" role="group" aria-labelledby="archive-ask">
      <p class="notice__title" id="archive-ask">
        {t("directory.editor.archiveAsk")}
      </p>
      <p>{t("directory.editor.archiveText")}</p>
      <div class="actions">
        <Button variant="danger" busy={props.busy} onClick={props.onYes}>
          {t("directory.editor.archiveYes")}
        </Button>
        <Button variant="secondary" onClick={props.onNo}>
          {t("directory.editor.archiveNo")}
        </Button>
      </div>
    </div>
  );
}
