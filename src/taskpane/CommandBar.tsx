import {
  Button,
  makeStyles,
  Menu,
  MenuDivider,
  MenuItem,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
  Toolbar,
} from "@fluentui/react-components";
import {
  ArrowDownRegular,
  ArrowUpRegular,
  CheckmarkCircleRegular,
  MoreHorizontalRegular,
} from "@fluentui/react-icons";
import type { ReactNode } from "react";
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
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, padding: 0 },
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

const MENU_VALUE = "view";

/**
 * The pane's fixed command bar: 校验 and next/previous problem, the rarer actions in a menu; beneath them
 * what the latest action did and the problem just gone to, always in view (the rest scrolls under it).
 */
export function CommandBar(props: CommandBarProps) {
  const { lang, busy } = props;
  const styles = useStyles();
  return (
    <div className={styles.bar} role="region" aria-label={say(UI.commands, lang)} data-testid="command-bar">
      <Toolbar aria-label={say(UI.commands, lang)} className={styles.toolbar} size="medium">
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
        <Menu
          checkedValues={{ [MENU_VALUE]: props.reviewer ? ["reviewer"] : [] }}
          onCheckedValueChange={(_, data) => props.onReviewer(data.checkedItems.includes("reviewer"))}
        >
          <MenuTrigger disableButtonEnhancement>
            <Button
              appearance="subtle"
              icon={<MoreHorizontalRegular />}
              aria-label={say(UI.more, lang)}
              data-testid="more"
            >
              {say(UI.moreShort, lang)}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem
                disabled={busy || !props.validated}
                secondaryContent={props.validated ? undefined : say(UI.writeResultsNeedsCheck, lang)}
                onClick={props.onWriteResults}
                data-testid="write-results"
              >
                {say(UI.writeResults, lang)}
              </MenuItem>
              <MenuItem disabled={busy} onClick={props.onClearHighlights} data-testid="clear-highlights">
                {say(UI.clearHighlights, lang)}
              </MenuItem>
              <MenuDivider />
              <MenuItem disabled={busy} onClick={props.onChangeProfile} data-testid="change-profile">
                {say(UI.changeProfile, lang)}
              </MenuItem>
              <MenuItem disabled={busy} onClick={props.onRefresh} data-testid="refresh">
                {say(UI.refreshTemplate, lang)}
              </MenuItem>
              <MenuDivider />
              <MenuItemCheckbox name={MENU_VALUE} value="reviewer" data-testid="reviewer-view">
                {say(UI.reviewerView, lang)}
              </MenuItemCheckbox>
            </MenuList>
          </MenuPopover>
        </Menu>
      </Toolbar>
      {props.children}
    </div>
  );
}
