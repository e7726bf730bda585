import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { pick, type Lang } from "../../i18n";
import type { Spec } from "../../spec/schema";
import type { Problem } from "../navigator/problems";
import { say, UI } from "../strings";
import { itemOfProblem, reviewItemsByKey } from "./items";
import { MarkWords } from "./MarkWords";
import { OpenMarkButton, PlacedReviewEditor } from "./MarkControls";
import type { EditorPlace, ReviewMarks } from "./useReviewMarks";

const useStyles = makeStyles({
  slot: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
  },
  // The item on its own line; its mark and the button beneath, as in the review list.
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  item: { flexBasis: "100%" },
  comment: { color: tokens.colorNeutralForeground2, whiteSpace: "pre-wrap" },
});

export interface ProblemReviewProps {
  lang: Lang;
  spec: Spec;
  problem: Problem;
  review: ReviewMarks;
  /** The reviewer marks from here; the clerk sees only a 退回修改 and its comment. */
  reviewer: boolean;
  busy: boolean;
}

/**
 * Under a problem in the navigator: the mark of the item it belongs to (task, target, guideline item), and,
 * for the reviewer, a button that opens that item's verdict and comment right there.
 */
export function ProblemReview({ lang, spec, problem, review, reviewer, busy }: ProblemReviewProps) {
  const styles = useStyles();
  const items = useMemo(() => reviewItemsByKey(spec), [spec]);
  const item = itemOfProblem(problem, items);
  if (!item || !review.marks) return null;
  const mark = review.marks.get(item.key);
  if (!reviewer && mark?.verdict !== "退回修改") return null;
  const place: EditorPlace = { in: "problem", key: item.key, problem: problem.key };
  const open =
    review.editing?.in === "problem" &&
    review.editing.problem === problem.key &&
    review.editing.key === item.key;
  const text = pick(item.text, lang);
  return (
    <div className={styles.slot} data-testid="problem-review">
      <div className={styles.line}>
        <Caption1 className={styles.item}>{say(UI.reviewItemOf, lang, { item: text })}</Caption1>
        <Caption1>
          <MarkWords lang={lang} mark={mark} />
        </Caption1>
        {reviewer && !open && (
          <OpenMarkButton
            lang={lang}
            mark={mark}
            text={text}
            place={place}
            review={review}
            disabled={busy}
            testId="problem-review-open"
          />
        )}
      </div>
      {mark?.comment && !open && (
        <Caption1 className={styles.comment} data-testid="problem-review-comment">
          {say(UI.reviewCommentShown, lang, { comment: mark.comment })}
        </Caption1>
      )}
      {open && (
        <PlacedReviewEditor lang={lang} item={item} mark={mark} place={place} review={review} busy={busy} />
      )}
    </div>
  );
}
