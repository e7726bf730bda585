import type ExcelJS from "exceljs";
import type { Lang } from "../i18n";

/**
 * Our text in a cell note sits between two marker lines, so that the next validation replaces it and
 * leaves whatever the user wrote in the same note. Markers of both languages are recognised: a report
 * checked in English and then in Chinese must not keep both texts.
 */
export const NOTE_MARKERS: Record<Lang, { start: string; end: string }> = {
  zh: { start: "【ip-report 校验】", end: "【以上由 ip-report 生成，重新校验时替换】" },
  en: { start: "[ip-report check]", end: "[written by ip-report; replaced on the next check]" },
};

type Run = ExcelJS.RichText;

function runsOf(note: string | ExcelJS.Comment | undefined): Run[] {
  if (note === undefined) return [];
  if (typeof note === "string") return [{ text: note }];
  return (note.texts ?? []).map((r) => ({ ...r }));
}

/** Cuts [start, end) out of the text of some rich-text runs, keeping each remaining run's font. */
function cut(runs: Run[], start: number, end: number): Run[] {
  const out: Run[] = [];
  let offset = 0;
  for (const run of runs) {
    const from = offset;
    const to = offset + run.text.length;
    offset = to;
    const keep =
      run.text.slice(0, Math.max(0, Math.min(start, to) - from)) + run.text.slice(Math.max(0, end - from));
    if (to <= start || from >= end) out.push(run);
    else if (keep) out.push({ ...run, text: keep });
  }
  return out;
}

/** Where our block lies in a note's text: from a start marker to the end of its end marker's line. */
function ourBlock(text: string): { start: number; end: number } | undefined {
  for (const { start: startMarker } of Object.values(NOTE_MARKERS)) {
    const start = text.indexOf(startMarker);
    if (start < 0) continue;
    const ends = Object.values(NOTE_MARKERS)
      .map((m) => {
        const at = text.indexOf(m.end, start);
        return at < 0 ? -1 : at + m.end.length;
      })
      .filter((at) => at >= 0);
    // An end marker the user deleted leaves no way to tell our text from theirs: ours runs to the end.
    let end = ends.length ? Math.min(...ends) : text.length;
    if (text[end] === "\n") end++;
    return { start, end };
  }
  return undefined;
}

/** The user's part of a note, without any text a validation put there. */
export function userRuns(note: string | ExcelJS.Comment | undefined): Run[] {
  let runs = runsOf(note);
  for (let guard = 0; guard < 10; guard++) {
    const block = ourBlock(runs.map((r) => r.text).join(""));
    if (!block) break;
    runs = cut(runs, block.start, block.end);
  }
  const text = runs.map((r) => r.text).join("");
  return text.trim() === "" ? [] : runs;
}

export function isOurs(note: string | ExcelJS.Comment | undefined): boolean {
  return (
    ourBlock(
      runsOf(note)
        .map((r) => r.text)
        .join(""),
    ) !== undefined
  );
}

/** Our message on top (what the user came to read), their own note kept below it. */
export function composeNote(message: string, lang: Lang, kept: Run[]): ExcelJS.Comment {
  const { start, end } = NOTE_MARKERS[lang];
  const texts: Run[] = [
    { font: { bold: true, size: 9 }, text: `${start}\n` },
    { font: { size: 9 }, text: `${message}\n` },
    { font: { italic: true, size: 8, color: { argb: "FF808080" } }, text: `${end}` },
  ];
  if (kept.length) texts.push({ text: "\n" }, ...kept);
  return { texts } as ExcelJS.Comment;
}

/**
 * ExcelJS has no way to delete a note (an empty one is written as a broken comment), and a loaded cell
 * keeps its whole loaded model, note included, as its value's model: both must go.
 */
export function removeNote(cell: ExcelJS.Cell): void {
  const internals = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internals._comment = undefined;
  if (internals._value?.model) delete internals._value.model.comment;
}
