import { useCallback, useEffect, useState } from "react";
import type { ReviewItem } from "../../round/review";
import type { ReviewMark, ReviewVerdict } from "../../round/types";
import type { LocalizedText } from "../../spec/schema";
import { say, UI } from "../strings";
import type { ReportSession } from "../useReportSession";

/** Where an item's editor is open: in the review list, or under a problem of the navigator. */
export type EditorPlace = { in: "list"; key: string } | { in: "problem"; key: string; problem: string };

export interface ReviewMarks {
  /** By item key; undefined while they are read. */
  marks: ReadonlyMap<string, ReviewMark> | undefined;
  /** The sheet could not be read: said, and the reviewer can still mark (a write reads it again). */
  unreadable: boolean;
  editing: EditorPlace | undefined;
  edit(place: EditorPlace | undefined): void;
  /** Records the mark; the editor closes and `saved` names the item, so focus can go back to it. */
  save(mark: ReviewMark, item: ReviewItem): Promise<boolean>;
  saved: { place: EditorPlace; tick: number } | undefined;
}

/** The attribute value that finds a place's button (data-review-place), to give focus back to it. */
export function placeId(place: EditorPlace): string {
  return place.in === "list" ? `list:${place.key}` : `problem:${place.problem}`;
}

/** Gives focus back to a place's button, once it is on screen again (the editor closing brings it back). */
export function focusPlace(place: EditorPlace): () => void {
  const frame = requestAnimationFrame(() =>
    document.querySelector<HTMLElement>(`[data-review-place="${CSS.escape(placeId(place))}"]`)?.focus(),
  );
  return () => cancelAnimationFrame(frame);
}

/** What each verdict is called in the pane; the sheet stores the Chinese words whatever the language. */
export const VERDICT_WORDS: Record<ReviewVerdict, LocalizedText> = {
  通过: UI.reviewPass,
  退回修改: UI.reviewReturn,
};

function savedNotice(item: ReviewItem, verdict: ReviewVerdict): LocalizedText {
  const words = VERDICT_WORDS[verdict];
  return {
    zh: say(UI.reviewSaved, "zh", { item: item.text.zh, verdict: words.zh }),
    en: say(UI.reviewSaved, "en", { item: item.text.en, verdict: words.en }),
  };
}

/**
 * The reviewer's marks on the open workbook: read when the report's pane opens (the 审核意见 sheet may have
 * come back with the file, or been typed by hand), written one item at a time through the session, so the
 * command bar says what was recorded.
 */
export function useReviewMarks(session: Pick<ReportSession, "workbook" | "act">): ReviewMarks {
  const [marks, setMarks] = useState<Map<string, ReviewMark> | undefined>(undefined);
  const [unreadable, setUnreadable] = useState(false);
  const [editing, edit] = useState<EditorPlace | undefined>(undefined);
  const [saved, setSaved] = useState<ReviewMarks["saved"]>(undefined);
  const { workbook, act } = session;

  useEffect(() => {
    let live = true;
    workbook()
      .then((w) => w.readReviewMarks())
      .then(
        (read) => live && setMarks(new Map(read.map((m) => [m.key, m]))),
        () => {
          if (!live) return;
          setUnreadable(true);
          setMarks(new Map());
        },
      );
    return () => {
      live = false;
    };
  }, [workbook]);

  const save = useCallback(
    async (mark: ReviewMark, item: ReviewItem) => {
      const place = editing;
      const done = await act(UI.reviewSaving, async (w) => {
        const written = await w.writeReviewMark(mark, item.label);
        setMarks(new Map(written.marks.map((m) => [m.key, m])));
        setUnreadable(false);
        return {
          notice: { intent: "success", text: savedNotice(item, mark.verdict), next: UI.reviewSavedNext },
          limits: written.degraded,
        };
      });
      if (done && place) {
        edit(undefined);
        setSaved((s) => ({ place, tick: (s?.tick ?? 0) + 1 }));
      }
      return done;
    },
    [act, editing],
  );

  // Saved: focus goes back to the button that opened the editor, now showing the mark (the status announces it).
  useEffect(() => {
    if (saved) return focusPlace(saved.place);
  }, [saved]);

  return { marks, unreadable, editing, edit, save, saved };
}
