import { Body1, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useId, useMemo } from "react";
import { pick, type Lang } from "../../i18n";
import type { ReviewGroup } from "../../round/review";
import type { Spec } from "../../spec/schema";
import { say, UI } from "../strings";
import { GROUPS, reviewItemsByKey } from "./items";
import { MarkWords } from "./MarkWords";
import { OpenMarkButton, PlacedReviewEditor } from "./MarkControls";
import type { EditorPlace, ReviewMarks } from "./useReviewMarks";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  group: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Label first, then the verdict with its button right beside it (not across a wide pane).
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  label: { flexBasis: "100%" },
  comment: { display: "block", color: tokens.colorNeutralForeground2, whiteSpace: "pre-wrap" },
  note: { color: tokens.colorNeutralForeground2 },
});

const GROUP_WORDS: Record<ReviewGroup, { zh: string; en: string }> = {
  task: UI.reviewGroupTask,
  target: UI.reviewGroupTarget,
  guideline: UI.reviewGroupGuideline,
  requirement: UI.reviewGroupRequirement,
};

export interface ReviewPanelProps {
  lang: Lang;
  spec: Spec;
  review: ReviewMarks;
  busy: boolean;
}

/**
 * The reviewer's list: every task, target, guideline item and work requirement with its mark, and a button
 * that opens the item's verdict and comment in place. Loaded only in the reviewer's view.
 */
export function ReviewPanel({ lang, spec, review, busy }: ReviewPanelProps) {
  const styles = useStyles();
  const ids = useId();
  const items = useMemo(() => [...reviewItemsByKey(spec).values()], [spec]);
  const marks = review.marks;
  const done = items.filter((i) => marks?.has(i.key)).length;
  const returned = items.filter((i) => marks?.get(i.key)?.verdict === "退回修改").length;

  return (
    <section className={styles.section} aria-labelledby={`${ids}-title`} data-testid="review-panel">
      <Subtitle2 as="h2" id={`${ids}-title`} className={styles.heading}>
        {say(UI.reviewTitle, lang)}
      </Subtitle2>
      <Body1>{say(UI.reviewIntro, lang)}</Body1>
      {review.unreadable && <Caption1 className={styles.note}>{say(UI.reviewUnreadable, lang)}</Caption1>}
      {marks && (
        <Caption1 data-testid="review-progress">
          {say(UI.reviewProgress, lang, { done, total: items.length, returned })}
        </Caption1>
      )}
      {GROUPS.map((group) => {
        const inGroup = items.filter((i) => i.group === group);
        if (inGroup.length === 0) return null;
        return (
          <div key={group}>
            <Subtitle2 as="h3" id={`${ids}-${group}`} className={styles.group}>
              {say(GROUP_WORDS[group], lang)}
            </Subtitle2>
            <ul className={styles.list} aria-labelledby={`${ids}-${group}`}>
              {inGroup.map((item) => {
                const mark = marks?.get(item.key);
                const open = review.editing?.in === "list" && review.editing.key === item.key;
                const text = pick(item.text, lang);
                const place: EditorPlace = { in: "list", key: item.key };
                return (
                  <li key={item.key} className={styles.item} data-testid="review-item" data-item={item.key}>
                    <div className={styles.line}>
                      <Body1 className={styles.label}>{text}</Body1>
                      <MarkWords lang={lang} mark={mark} />
                      {!open && (
                        <OpenMarkButton
                          lang={lang}
                          mark={mark}
                          text={text}
                          place={place}
                          review={review}
                          disabled={!marks}
                          testId="review-open"
                        />
                      )}
                    </div>
                    {mark?.comment && !open && (
                      <Caption1 className={styles.comment} data-testid="review-comment-shown">
                        {mark.comment}
                      </Caption1>
                    )}
                    {open && (
                      <PlacedReviewEditor
                        lang={lang}
                        item={item}
                        mark={mark}
                        place={place}
                        review={review}
                        busy={busy}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
