import {
  Caption1,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  Subtitle2,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { format, pick, type Lang } from "../../i18n";
import type { Severity } from "../../rules/types";
import {
  countProblems,
  filterProblems,
  PROBLEM_KINDS,
  SEVERITY_ORDER,
  type Problem,
  type ProblemFilter,
} from "./problems";
import { problemPlace } from "./place";
import { KIND_WORDS, NAV, SEVERITY_ONE, SEVERITY_WORDS } from "./words";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  row: {
    position: "relative",
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: "2px",
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    paddingLeft: tokens.spacingHorizontalM,
    border: "none",
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  current: {
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  focus: createFocusOutlineStyle(),
  tag: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  info: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  where: { color: tokens.colorNeutralForeground2 },
  currentMark: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  details: { paddingLeft: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
});

export interface IssueNavigatorProps {
  lang: Lang;
  problems: readonly Problem[];
  filter: ProblemFilter;
  onFilter(filter: ProblemFilter): void;
  currentKey: string | undefined;
  /** The clerk chose a problem: the host selects its cell (Excel), or scrolls to it (the checker). */
  onSelect(problem: Problem): void;
  /** A reviewer may see the rule codes, behind a disclosure; a clerk never does. */
  showCodes?: boolean;
  /** Where a reviewer's marks on a problem go (the national round's review), when the host has them. */
  reviewSlot?: (problem: Problem) => ReactNode;
}

/**
 * The issue navigator: counts by kind and severity that filter, one row per problem (one Tab stop, arrow
 * keys inside), the current problem marked. Host-independent: no Office in here.
 */
export function IssueNavigator(props: IssueNavigatorProps) {
  const { lang, problems, filter, currentKey } = props;
  const styles = useStyles();
  const ids = useId();
  // One Tab stop for the whole list (roving tabindex): the arrow keys, Home and End move inside it.
  const [focusKey, setFocusKey] = useState<string | undefined>(undefined);
  const currentRow = useRef<HTMLButtonElement | null>(null);
  // The current problem's row comes into view, clear of a fixed bar above the list (centred).
  useEffect(() => {
    currentRow.current?.scrollIntoView?.({ block: "center" });
  }, [currentKey]);
  const counts = countProblems(problems);
  const shown = filterProblems(problems, filter);
  const tabStop =
    [focusKey, currentKey].find((k) => k !== undefined && shown.some((p) => p.key === k)) ?? shown[0]?.key;
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const at = shown.findIndex((p) => p.key === tabStop);
    const to =
      event.key === "ArrowDown"
        ? Math.min(at + 1, shown.length - 1)
        : event.key === "ArrowUp"
          ? Math.max(at - 1, 0)
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? shown.length - 1
              : undefined;
    if (to === undefined || to < 0) return;
    event.preventDefault();
    const key = shown[to].key;
    setFocusKey(key);
    event.currentTarget.querySelector<HTMLButtonElement>(`button[data-key="${CSS.escape(key)}"]`)?.focus();
  };
  const say = (text: { zh: string; en: string }, params: Record<string, string | number> = {}) =>
    format(pick(text, lang), params);
  const severityClass: Record<Severity, string> = {
    error: styles.error,
    warning: styles.warning,
    info: styles.info,
  };

  return (
    <section className={styles.section} aria-labelledby={`${ids}-title`} data-testid="navigator">
      <Subtitle2 as="h2" id={`${ids}-title`} className={styles.heading}>
        {say(NAV.title)}
      </Subtitle2>
      <Caption1 data-testid="navigator-summary">
        {problems.length === 0
          ? say(NAV.none)
          : say(NAV.summary, {
              total: counts.total,
              error: counts.bySeverity.error,
              warning: counts.bySeverity.warning,
            })}
      </Caption1>
      {problems.length > 0 && (
        <>
          <div role="group" aria-label={say(NAV.byKind)} className={styles.filters}>
            <ToggleButton
              size="small"
              checked={filter.kind === "all"}
              onClick={() => props.onFilter({ ...filter, kind: "all" })}
              data-testid="filter-kind-all"
            >
              {say(NAV.all)} {counts.total}
            </ToggleButton>
            {PROBLEM_KINDS.filter((k) => counts.byKind[k] > 0 || filter.kind === k).map((kind) => (
              <ToggleButton
                key={kind}
                size="small"
                checked={filter.kind === kind}
                onClick={() => props.onFilter({ ...filter, kind: filter.kind === kind ? "all" : kind })}
                data-testid={`filter-kind-${kind}`}
              >
                {say(NAV.kindCount, { kind: pick(KIND_WORDS[kind], lang), count: counts.byKind[kind] })}
              </ToggleButton>
            ))}
          </div>
          <div role="group" aria-label={say(NAV.bySeverity)} className={styles.filters}>
            {SEVERITY_ORDER.filter((s) => counts.bySeverity[s] > 0 || filter.severity === s).map(
              (severity) => (
                <ToggleButton
                  key={severity}
                  size="small"
                  checked={filter.severity === severity}
                  onClick={() =>
                    props.onFilter({ ...filter, severity: filter.severity === severity ? "all" : severity })
                  }
                  data-testid={`filter-severity-${severity}`}
                >
                  {say(NAV.kindCount, {
                    kind: pick(SEVERITY_WORDS[severity], lang),
                    count: counts.bySeverity[severity],
                  })}
                </ToggleButton>
              ),
            )}
          </div>
          {shown.length === 0 ? (
            <Caption1 data-testid="navigator-none-shown">{say(NAV.noneShown)}</Caption1>
          ) : (
            <ul
              className={styles.list}
              aria-label={say(NAV.list)}
              data-testid="problem-list"
              onKeyDown={onListKey}
            >
              {shown.map((problem) => {
                const current = problem.key === currentKey;
                return (
                  <li key={problem.key}>
                    <button
                      type="button"
                      className={mergeClasses(styles.row, styles.focus, current && styles.current)}
                      aria-current={current ? "true" : undefined}
                      ref={current ? currentRow : undefined}
                      tabIndex={problem.key === tabStop ? 0 : -1}
                      onFocus={() => setFocusKey(problem.key)}
                      onClick={() => props.onSelect(problem)}
                      data-testid="problem"
                      data-key={problem.key}
                      data-kind={problem.kind}
                      data-cell={problem.at ? `${problem.at.sheetName}!${problem.at.cell}` : undefined}
                    >
                      <span className={styles.tag}>
                        {current && <span className={styles.currentMark}>▶ {say(NAV.current)}</span>}
                        <span className={severityClass[problem.severity]}>
                          {pick(SEVERITY_ONE[problem.severity], lang)} ·{" "}
                          {pick(KIND_WORDS[problem.kind], lang)}
                        </span>
                      </span>
                      <span data-testid="problem-message">{pick(problem.message, lang)}</span>
                      <Caption1 className={styles.where} data-testid="problem-where">
                        {problemPlace(problem, lang)}
                      </Caption1>
                    </button>
                    {current && props.showCodes && (
                      <details className={styles.details} data-testid="problem-details">
                        <summary>{say(NAV.details)}</summary>
                        <ul>
                          {problem.issues.map((issue, i) => (
                            <li key={i}>
                              {say(NAV.detailsRule, { rule: issue.ruleId, code: issue.code })}
                              {issue.fieldId ? ` · ${issue.fieldId}` : ""}
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                    {props.reviewSlot?.(problem)}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
