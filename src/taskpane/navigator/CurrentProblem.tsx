import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { format, pick, type Lang } from "../../i18n";
import { problemPlace } from "./place";
import type { Problem } from "./problems";
import { KIND_WORDS, NAV, SEVERITY_ONE } from "./words";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  where: { color: tokens.colorNeutralForeground2 },
  message: { overflowWrap: "anywhere" },
});

export interface CurrentProblemProps {
  lang: Lang;
  problem: Problem;
  /** 1-based place among the problems shown, and how many are shown. */
  position: number;
  total: number;
}

/** The problem just gone to, beside the next/previous buttons: where it is and what to do. */
export function CurrentProblem({ lang, problem, position, total }: CurrentProblemProps) {
  const styles = useStyles();
  return (
    <div className={styles.card} data-testid="current-problem">
      <Caption1 className={styles.where}>
        {format(pick(NAV.position, lang), { n: position, total })} ·{" "}
        {pick(SEVERITY_ONE[problem.severity], lang)}
        {" · "}
        {pick(KIND_WORDS[problem.kind], lang)} · {problemPlace(problem, lang)}
      </Caption1>
      <Body1 className={styles.message} data-testid="current-problem-message">
        {pick(problem.message, lang)}
      </Body1>
    </div>
  );
}
