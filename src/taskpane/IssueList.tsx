import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { pick, type Lang } from "../i18n";
import type { Issue, Severity } from "../rules/types";
import { groupIssues } from "./issue-groups";
import { say, UI } from "./strings";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  row: {
    // The focus outline is drawn by an ::after positioned against the row.
    position: "relative",
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  focus: createFocusOutlineStyle(),
  where: { color: tokens.colorNeutralForeground3 },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

const SEVERITY_BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export interface IssueListProps {
  lang: Lang;
  issues: readonly Issue[];
  sheetOrder: readonly string[];
  onGoTo(issue: Issue): void;
}

/** Issues by sheet and severity with a count per group; a row with a cell takes you there (click, Enter, Space). */
export function IssueList({ lang, issues, sheetOrder, onGoTo }: IssueListProps) {
  const styles = useStyles();
  const groups = useMemo(() => groupIssues(issues, sheetOrder), [issues, sheetOrder]);
  const open = useMemo(() => groups.map((g) => g.key), [groups]);
  return (
    // Keyed by the groups, so that a new check opens every group it finds.
    <Accordion key={open.join("|")} multiple collapsible defaultOpenItems={open} data-testid="issue-list">
      {groups.map((group) => {
        const sheet = group.sheetName ?? say(UI.workbookLevel, lang);
        return (
          <AccordionItem key={group.key} value={group.key}>
            <AccordionHeader as="h3" size="small" data-testid="issue-group">
              <span className={styles.header}>
                {sheet} · {say(UI[group.severity], lang)}
                <Badge
                  appearance="filled"
                  color={SEVERITY_BADGE[group.severity]}
                  data-testid="issue-group-count"
                >
                  {group.issues.length}
                </Badge>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {group.issues.map((issue, i) => (
                  <li key={`${issue.ruleId}-${issue.fieldId ?? ""}-${i}`}>
                    {issue.cell ? (
                      <button
                        type="button"
                        className={mergeClasses(styles.row, styles.clickable, styles.focus)}
                        onClick={() => onGoTo(issue)}
                        title={say(UI.goToCell, lang, { cell: issue.cell.cell })}
                        data-testid="issue"
                        data-cell={`${issue.cell.sheetName}!${issue.cell.cell}`}
                      >
                        <span>{pick(issue.message, lang)}</span>
                        <Caption1 className={styles.where}>
                          {issue.cell.cell} · {issue.code}
                        </Caption1>
                      </button>
                    ) : (
                      <div className={styles.row} data-testid="issue">
                        <span>{pick(issue.message, lang)}</span>
                        <Caption1 className={styles.where}>{issue.code}</Caption1>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
