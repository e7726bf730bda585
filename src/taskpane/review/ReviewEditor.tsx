import { Button, Field, makeStyles, Radio, RadioGroup, Textarea, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { pick, type Lang } from "../../i18n";
import type { ReviewItem } from "../../round/review";
import type { ReviewMark, ReviewVerdict } from "../../round/types";
import { say, UI } from "../strings";
import { VERDICT_WORDS } from "./useReviewMarks";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // At 320 px the two choices stack rather than run off the edge.
  verdicts: { display: "flex", flexWrap: "wrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface ReviewEditorProps {
  lang: Lang;
  item: ReviewItem;
  mark: ReviewMark | undefined;
  busy: boolean;
  onSave(mark: ReviewMark): void;
  onCancel(): void;
}

const VERDICTS: ReviewVerdict[] = ["通过", "退回修改"];

/**
 * One item's verdict and comment. 退回修改 needs a comment: the field says so as soon as it is chosen, and
 * saving without one keeps the editor open with the message beside the box (focus goes there). Escape cancels.
 */
export function ReviewEditor({ lang, item, mark, busy, onSave, onCancel }: ReviewEditorProps) {
  const styles = useStyles();
  const [verdict, setVerdict] = useState<ReviewVerdict | undefined>(mark?.verdict);
  const [comment, setComment] = useState(mark?.comment ?? "");
  const [tried, setTried] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const commentBox = useRef<HTMLTextAreaElement>(null);

  // Opened by the reviewer: focus on the verdict, where the choice is made.
  useEffect(() => {
    const radios = form.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    const checked = [...(radios ?? [])].find((r) => r.checked);
    (checked ?? radios?.[0])?.focus();
  }, []);

  const returning = verdict === "退回修改";
  const noComment = returning && !comment.trim();
  const submit = () => {
    setTried(true);
    if (!verdict) {
      form.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
      return;
    }
    if (noComment) {
      commentBox.current?.focus();
      return;
    }
    onSave({ key: item.key, verdict, comment: comment.trim() });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onCancel();
  };

  return (
    <form
      ref={form}
      // The browser's own bubble would stop the submit on the required box: the field says it instead.
      noValidate
      className={styles.form}
      aria-label={say(UI.reviewEditor, lang, { item: pick(item.text, lang) })}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) submit();
      }}
      data-testid="review-editor"
    >
      <Field
        label={say(UI.reviewVerdict, lang)}
        required
        validationMessage={tried && !verdict ? say(UI.reviewChooseVerdict, lang) : undefined}
      >
        <RadioGroup
          className={styles.verdicts}
          layout="horizontal"
          value={verdict ?? ""}
          onChange={(_, data) => setVerdict(data.value as ReviewVerdict)}
          data-testid="review-verdict"
        >
          {VERDICTS.map((v) => (
            <Radio key={v} value={v} label={pick(VERDICT_WORDS[v], lang)} data-testid={`verdict-${v}`} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={say(UI.reviewComment, lang)}
        required={returning}
        validationState={tried && noComment ? "error" : "none"}
        validationMessage={tried && noComment ? say(UI.reviewCommentNeeded, lang) : undefined}
        hint={
          tried && noComment
            ? undefined
            : say(returning ? UI.reviewCommentNeeded : UI.reviewCommentOptional, lang)
        }
      >
        <Textarea
          ref={commentBox}
          value={comment}
          resize="vertical"
          onChange={(_, data) => setComment(data.value)}
          data-testid="review-comment"
        />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy} data-testid="review-save">
          {say(UI.reviewSave, lang)}
        </Button>
        <Button type="button" onClick={onCancel} data-testid="review-cancel">
          {say(UI.reviewCancel, lang)}
        </Button>
      </div>
    </form>
  );
}
