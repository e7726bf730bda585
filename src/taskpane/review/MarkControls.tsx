import { Button } from "@fluentui/react-components";
import type { Lang } from "../../i18n";
import type { ReviewItem } from "../../round/review";
import type { ReviewMark } from "../../round/types";
import { say, UI } from "../strings";
import { ReviewEditor } from "./ReviewEditor";
import { focusPlace, placeId, type EditorPlace, type ReviewMarks } from "./useReviewMarks";

/**
 * The button that opens an item's verdict and comment where it stands (in the review list or under a problem):
 * 审核 or 修改结论, named with the item for a screen reader, and found again by its place when the editor closes.
 */
export function OpenMarkButton(props: {
  lang: Lang;
  mark: ReviewMark | undefined;
  /** The item's name in the pane's language. */
  text: string;
  place: EditorPlace;
  review: ReviewMarks;
  disabled: boolean;
  testId: string;
}) {
  const { lang, mark, text, place } = props;
  return (
    <Button
      size="small"
      disabled={props.disabled}
      onClick={() => props.review.edit(place)}
      aria-label={say(mark ? UI.reviewChangeItem : UI.reviewMarkItem, lang, { item: text })}
      data-review-place={placeId(place)}
      data-testid={props.testId}
    >
      {say(mark ? UI.reviewChange : UI.reviewMark, lang)}
    </Button>
  );
}

/** The verdict and comment editor at its place; saving writes the mark, cancelling returns focus to the button. */
export function PlacedReviewEditor(props: {
  lang: Lang;
  item: ReviewItem;
  mark: ReviewMark | undefined;
  place: EditorPlace;
  review: ReviewMarks;
  busy: boolean;
}) {
  const { item, review, place } = props;
  return (
    <ReviewEditor
      lang={props.lang}
      item={item}
      mark={props.mark}
      busy={props.busy}
      onSave={(m) => void review.save(m, item)}
      onCancel={() => {
        review.edit(undefined);
        focusPlace(place);
      }}
    />
  );
}
