import { Button, makeStyles, Switch, tokens } from "@fluentui/react-components";
import {
  ArrowDownRegular,
  ArrowUpRegular,
  CheckmarkCircleRegular,
  MoreHorizontalRegular,
} from "@fluentui/react-icons";
import { useId, useState, type ReactNode } from "react";
import type { Lang } from "../i18n";
import { say, UI } from "./strings";

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 10,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  more: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  reason: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface CommandBarProps {
  lang: Lang;
  busy: boolean;
  /** Whether a check ran (the results sheet needs one). */
  validated: boolean;
  /** Whether there is a problem to step to. */
  canStep: boolean;
  reviewer: boolean;
  onValidate(): void;
  onPrevious(): void;
  onNext(): void;
  onWriteResults(): void;
  onClearHighlights(): void;
  onRefresh(): void;
  onChangeProfile(): void;
  onReviewer(on: boolean): void;
  /** Beneath the buttons: the current problem, then the status of the latest action. */
  children?: ReactNode;
}

/**
 * The pane's fixed command bar: 校验 and next/previous problem; the rarer actions behind 更多, a disclosure
 * that opens in the bar itself (no pop-up to lose, nothing outside the page's regions); beneath them what the
 * latest action did and the problem just gone to, always in view while the rest scrolls under it.
 */
export function CommandBar(props: CommandBarProps) {
  const { lang, busy } = props;
  const styles = useStyles();
  const ids = useId();
  const [open, setOpen] = useState(false);
  /** A rarer action closes the panel: its result shows in the bar's status. */
  const act = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <div className={styles.bar} role="region" aria-label={say(UI.commands, lang)} data-testid="command-bar">
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<CheckmarkCircleRegular />}
          disabled={busy}
          onClick={props.onValidate}
          data-testid="validate"
        >
          {say(UI.validate, lang)}
        </Button>
        <Button
          icon={<ArrowUpRegular />}
          disabled={busy || !props.canStep}
          onClick={props.onPrevious}
          aria-label={say(UI.previous, lang)}
          title={say(UI.previous, lang)}
          data-testid="previous"
        />
        <Button
          icon={<ArrowDownRegular />}
          disabled={busy || !props.canStep}
          onClick={props.onNext}
          aria-label={say(UI.next, lang)}
          title={say(UI.next, lang)}
          data-testid="next"
        />
        <Button
          appearance="subtle"
          icon={<MoreHorizontalRegular />}
          aria-expanded={open}
          aria-controls={`${ids}-more`}
          aria-label={say(UI.more, lang)}
          onClick={() => setOpen((o) => !o)}
          data-testid="more"
        >
          {say(UI.moreShort, lang)}
        </Button>
      </div>
      {open && (
        <div id={`${ids}-more`} className={styles.more} data-testid="more-panel">
          <Button
            appearance="subtle"
            disabled={busy || !props.validated}
            aria-describedby={props.validated ? undefined : `${ids}-results-reason`}
            onClick={act(props.onWriteResults)}
            data-testid="write-results"
          >
            {say(UI.writeResults, lang)}
          </Button>
          {!props.validated && (
            <span id={`${ids}-results-reason`} className={styles.reason}>
              {say(UI.writeResultsNeedsCheck, lang)}
            </span>
          )}
          <Button
            appearance="subtle"
            disabled={busy}
            onClick={act(props.onClearHighlights)}
            data-testid="clear-highlights"
          >
            {say(UI.clearHighlights, lang)}
          </Button>
          <Button
            appearance="subtle"
            disabled={busy}
            onClick={act(props.onChangeProfile)}
            data-testid="change-profile"
          >
            {say(UI.changeProfile, lang)}
          </Button>
          <Button
            appearance="subtle"
            disabled={busy}
            onClick={act(props.onRefresh)}
            title={say(UI.refreshHint, lang)}
            data-testid="refresh"
          >
            {say(UI.refreshTemplate, lang)}
          </Button>
          <Switch
            checked={props.reviewer}
            onChange={(_, data) => props.onReviewer(data.checked)}
            label={say(UI.reviewerView, lang)}
            data-testid="reviewer-view"
          />
        </div>
      )}
      {props.children}
    </div>
  );
}
