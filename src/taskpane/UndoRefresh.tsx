import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndoRegular } from "@fluentui/react-icons";
import { useId } from "react";
import type { Lang } from "../i18n";
import { say, UI } from "./strings";

const useStyles = makeStyles({
  offer: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  explained: { color: tokens.colorNeutralForeground3 },
});

/** Enough labels to recognise the edits without flooding a narrow pane. */
const LISTED_EDITS = 5;

export interface UndoRefreshProps {
  lang: Lang;
  busy: boolean;
  /** Labels of the fields changed since the refresh, when an undo is waiting for a yes. */
  editedSince: string[] | undefined;
  onUndo(discardEdits: boolean): void;
  onKeepEdits(): void;
}

/** The one way back from a refresh, since Excel's own undo does not reach what an add-in did. */
export function UndoRefresh({ lang, busy, editedSince, onUndo, onKeepEdits }: UndoRefreshProps) {
  const styles = useStyles();
  const explainedId = useId();
  const listed = (ids: string[]) =>
    ids.slice(0, LISTED_EDITS).join(lang === "zh" ? "、" : ", ") + (ids.length > LISTED_EDITS ? "…" : "");
  return (
    <div className={styles.offer} data-testid="undo">
      <div className={styles.row}>
        <Button
          icon={<ArrowUndoRegular />}
          disabled={busy || editedSince !== undefined}
          onClick={() => onUndo(false)}
          aria-describedby={explainedId}
          data-testid="undo-refresh"
        >
          {say(UI.undoRefresh, lang)}
        </Button>
      </div>
      <Caption1 id={explainedId} className={styles.explained}>
        {say(UI.undoExplained, lang)}
      </Caption1>
      {editedSince && (
        <MessageBar intent="warning" layout="multiline" data-testid="undo-edited">
          <MessageBarBody>
            {say(UI.editedSinceRefresh, lang, { count: editedSince.length, fields: listed(editedSince) })}
          </MessageBarBody>
          <MessageBarActions>
            <Button disabled={busy} onClick={() => onUndo(true)} data-testid="undo-anyway">
              {say(UI.undoAnyway, lang)}
            </Button>
            <Button disabled={busy} onClick={onKeepEdits} data-testid="keep-edits">
              {say(UI.keepEdits, lang)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
