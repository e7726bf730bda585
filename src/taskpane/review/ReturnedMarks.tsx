import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { pick, type Lang } from "../../i18n";
import type { Spec } from "../../spec/schema";
import { say, UI } from "../strings";
import { reviewItemsByKey } from "./items";
import type { ReviewMarks } from "./useReviewMarks";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  comment: { whiteSpace: "pre-wrap" },
});

/**
 * The clerk's view of a report the reviewer sent back: what to change, item by item, in the reviewer's
 * words. Read only; nothing shows when no item was sent back.
 */
export function ReturnedMarks({ lang, spec, review }: { lang: Lang; spec: Spec; review: ReviewMarks }) {
  const styles = useStyles();
  const items = useMemo(() => reviewItemsByKey(spec), [spec]);
  // Only the spec's items: a key typed by hand for no item has nothing to point the clerk at.
  const returned = [...(review.marks?.values() ?? [])].filter(
    (m) => m.verdict === "退回修改" && items.has(m.key),
  );
  if (returned.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="returned-marks">
      <MessageBarBody>
        <MessageBarTitle>{say(UI.returnedTitle, lang, { count: returned.length })}</MessageBarTitle>
        {say(UI.returnedIntro, lang)}
        <ul className={styles.list}>
          {returned.map((mark) => {
            const item = pick(items.get(mark.key)!.text, lang);
            return (
              <li key={mark.key} className={styles.comment}>
                {say(UI.returnedItem, lang, { item, comment: mark.comment })}
              </li>
            );
          })}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
