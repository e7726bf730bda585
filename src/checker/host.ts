import { format, type Lang } from "../i18n";
import { readReport, type ReadReport } from "../reader";
import { compareVersions } from "../refresh/versions";
import { checkReport, summarize, type Issue, type IssueSummary } from "../rules";
import { bundledSpecs, latestSpec, type LocalizedText, type Spec } from "../spec";
import { describeFailure } from "./failure";
import { CHECKER } from "./words";

/**
 * The checker's host: what the task pane asks of Excel, this asks of a file the person chose. It reads the
 * bytes with the report reader (no ExcelJS), runs the rules engine, and keeps the bytes for a download.
 * Nothing leaves the page. Loaded after the first view (a chunk of its own).
 */
export interface CheckedWorkbook {
  fileName: string;
  bytes: Uint8Array;
  report: ReadReport;
  issues: Issue[];
  summary: IssueSummary;
  /** The newest bundled version of the report's spec, when it is newer than the report's own. */
  newerSpec?: Spec;
  /** Reading and checking, in ms after the file's bytes were in memory (the budget's figure). */
  checkMs: number;
}

export type CheckOutcome = { ok: true; checked: CheckedWorkbook } | { ok: false; message: LocalizedText };

/** Reads and checks one workbook; never throws: a bad file is a message, in both languages. */
export function checkWorkbook(bytes: Uint8Array, fileName: string): CheckOutcome {
  const start = performance.now();
  try {
    const specs = bundledSpecs();
    const report = readReport(bytes, specs, fileName);
    const issues = checkReport({
      spec: report.spec,
      profile: report.profile,
      layout: report.layout,
      reading: report.reading,
    });
    const summary = summarize(issues);
    const checkMs = performance.now() - start;
    const newest = latestSpec(report.spec.specId);
    const newerSpec = compareVersions(newest.specVersion, report.spec.specVersion) > 0 ? newest : undefined;
    return { ok: true, checked: { fileName, bytes, report, issues, summary, newerSpec, checkMs } };
  } catch (err) {
    return { ok: false, message: unreadable(fileName, err) };
  }
}

/** Why a file could not be opened, as one line in each language (a defect said as one). */
export function unreadable(fileName: string, err: unknown): LocalizedText {
  const reason = describeFailure(err);
  return {
    zh: format(CHECKER.unreadable.zh, { file: fileName, reason: reason.zh }),
    en: format(CHECKER.unreadable.en, { file: fileName, reason: reason.en }),
  };
}

/** The file's name without its extension, for the names of its copies. */
export function baseName(fileName: string): string {
  return fileName.replace(/\.xlsx$/i, "") || "report";
}

export function copyName(text: LocalizedText, fileName: string, lang: Lang): string {
  return format(text[lang], { base: baseName(fileName) });
}
