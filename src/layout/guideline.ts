import type { Spec } from "../spec/schema";
import { SheetDraft } from "./sheet";
import { SHEET_NAMES } from "./vocabulary";
import { fieldId } from "./field-ids";

export const GUIDELINE_COLUMNS = {
  numeral: 1,
  section: 2,
  title: 3,
  department: 4,
  obligation: 5,
  progress: 6,
  evidence: 7,
  original: 8,
};

const HEADERS: [string, number][] = [
  ["编号\nNo.", 7],
  ["部分\nSection", 20],
  ["条目\nItem", 26],
  ["负责部门\nResponsible", 18],
  ["本省要求\nFor us", 10],
  ["本省落实情况\nWhat we did", 44],
  ["佐证材料 / 数据来源\nEvidence / source", 28],
  ["指引原文\nGuideline text", 80],
];

export function buildGuideline(spec: Spec): SheetDraft {
  const sheet = new SheetDraft(
    "guideline",
    SHEET_NAMES.guideline,
    HEADERS.map(([, w]) => w),
  );
  const last = HEADERS.length;
  sheet.layout.columns[GUIDELINE_COLUMNS.original - 1] = { width: 80, hidden: true, outlineLevel: 1 };
  sheet.band(1, 1, last - 1, `《${spec.guidelineTitle}》落实情况`, "title", 30);
  sheet.band(
    2,
    1,
    last - 1,
    "指引中明确由各地方知识产权局负责或要求“各地”落实的条目须填写；其他条目可选填本省配合情况。",
    "subtitle",
  );
  HEADERS.forEach(([text], i) => sheet.put(3, i + 1, text, "header"));
  sheet.layout.rowHeights[3] = 34;
  sheet.layout.freeze = { rows: 3, cols: 3 };
  sheet.layout.print = { landscape: true, titleRows: [3, 3] };

  const addRow = (
    row: number,
    key: string,
    numeral: string,
    section: string,
    title: string,
    titleEn: string,
    department: string,
    text: string,
    required: boolean,
  ) => {
    sheet.put(row, GUIDELINE_COLUMNS.numeral, numeral, "textCenter");
    sheet.put(row, GUIDELINE_COLUMNS.section, section, "text");
    sheet.put(row, GUIDELINE_COLUMNS.title, title, "text");
    sheet.put(row, GUIDELINE_COLUMNS.department, department, "text");
    sheet.put(row, GUIDELINE_COLUMNS.obligation, required ? "须报告" : "选填", "textCenter");
    sheet.put(row, GUIDELINE_COLUMNS.original, text, "note");
    const base = { guideline: key };
    sheet.input(
      row,
      GUIDELINE_COLUMNS.progress,
      {
        ...base,
        id: fieldId.guideline(key, "progress"),
        role: "guideline",
        label: { zh: `指引${numeral}${title}落实情况`, en: `Guideline ${numeral} ${titleEn}: what we did` },
        type: "text",
        required: required ? { kind: "always" } : { kind: "never" },
      },
      "input",
      { prompt: text },
    );
    sheet.input(
      row,
      GUIDELINE_COLUMNS.evidence,
      {
        ...base,
        id: fieldId.guideline(key, "evidence"),
        role: "guideline",
        label: { zh: `指引${numeral}${title}佐证材料`, en: `Guideline ${numeral} ${titleEn}: evidence` },
        type: "text",
        required: { kind: "never" },
      },
      "input",
    );
    sheet.layout.rowHeights[row] = 48;
  };

  let row = 4;
  for (const item of spec.guidelineItems) {
    addRow(
      row++,
      String(item.number),
      item.numeral,
      item.section,
      item.title,
      item.titleEn,
      [...new Set(item.paragraphs.map((p) => p.department))].join("、"),
      item.paragraphs.map((p) => `${p.text}（${p.department}负责）`).join("\n"),
      item.addressedToProvinces,
    );
  }
  sheet.band(row++, 1, last - 1, "五、工作要求", "measure", 22);
  for (const req of spec.workRequirements) {
    addRow(
      row++,
      `requirement-${req.number}`,
      req.numeral,
      "五、工作要求",
      req.title,
      req.titleEn,
      req.addressedToProvinces ? "各地方知识产权局" : "各部门",
      req.text,
      req.addressedToProvinces,
    );
  }
  return sheet;
}
