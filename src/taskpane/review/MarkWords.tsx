import { makeStyles, tokens } from "@fluentui/react-components";
import { pick, type Lang } from "../../i18n";
import type { ReviewMark } from "../../round/types";
import { say, UI } from "../strings";
import { VERDICT_WORDS } from "./useReviewMarks";

const useStyles = makeStyles({
  passed: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  returned: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  none: { color: tokens.colorNeutralForeground2 },
});

/** An item's verdict in words (never colour alone): 通过, 退回修改, or 未审核. */
export function MarkWords({ lang, mark }: { lang: Lang; mark: ReviewMark | undefined }) {
  const styles = useStyles();
  if (!mark)
    return (
      <span className={styles.none} data-testid="review-mark">
        {say(UI.reviewNone, lang)}
      </span>
    );
  return (
    <span
      className={mark.verdict === "通过" ? styles.passed : styles.returned}
      data-testid="review-mark"
      data-verdict={mark.verdict}
    >
      {pick(VERDICT_WORDS[mark.verdict], lang)}
    </span>
  );
}
