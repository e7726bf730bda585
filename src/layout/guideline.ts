import type { LocalizedText, Spec } from "../spec/schema";
import { tableSheet, type SheetDraft } from "./sheet";
import { sheetNamesIn, type WorkbookLanguage } from "./vocabulary";
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

const HEADERS: [LocalizedText, number][] = [
  [{ zh: "编号", en: "No." }, 7],
  [{ zh: "部分", en: "Section (verbatim)" }, 20],
  [{ zh: "条目", en: "Item" }, 26],
  [{ zh: "负责部门", en: "Responsible (as named in the guideline)" }, 18],
  [{ zh: "本省要求", en: "For this province" }, 10],
  [{ zh: "本省落实情况", en: "What the province did" }, 44],
  [{ zh: "佐证材料 / 数据来源", en: "Evidence / source" }, 28],
  [{ zh: "指引原文", en: "Guideline text (verbatim)" }, 80],
];

const WORDS = {
  subtitle: {
    zh: "指引中明确由各地方知识产权局负责或要求“各地”落实的条目须填写；其他条目可选填本省配合情况。",
    en: "Items the guideline gives to the local IP offices, or asks the provinces to carry out, must be reported; for the others, the province's part is optional.",
  },
  mustReport: { zh: "须报告", en: "Must report" },
  optional: { zh: "选填", en: "Optional" },
  localOffices: { zh: "各地方知识产权局", en: "Local IP offices" },
  allDepartments: { zh: "各部门", en: "All departments" },
} satisfies Record<string, LocalizedText>;

export function buildGuideline(spec: Spec, lang: WorkbookLanguage): SheetDraft {
  const title = { zh: `《${spec.guidelineTitle}》落实情况`, en: `${spec.guidelineTitleEn}: implementation` };
  const sheet = tableSheet({
    key: "guideline",
    name: sheetNamesIn(lang).guideline,
    headers: HEADERS.map(([text, width]) => [text[lang], width]),
    title: title[lang],
    subtitle: WORDS.subtitle[lang],
    span: HEADERS.length - 1,
    frozenColumns: 3,
  });
  sheet.layout.columns[GUIDELINE_COLUMNS.original - 1] = { width: 80, hidden: true, outlineLevel: 1 };

  const addRow = (
    row: number,
    key: string,
    numeral: string,
    /** The item as an English reader names it: "Guideline (1)", "Work requirement (1)". */
    nameEn: string,
    section: string,
    title: string,
    titleEn: string,
    department: string,
    text: string,
    required: boolean,
  ) => {
    sheet.put(
      row,
      GUIDELINE_COLUMNS.numeral,
      lang === "en" ? nameEn.replace(/^\D+/, "") : numeral,
      "textCenter",
    );
    sheet.put(row, GUIDELINE_COLUMNS.section, section, "text");
    sheet.put(row, GUIDELINE_COLUMNS.title, lang === "en" ? titleEn : title, "text");
    sheet.put(row, GUIDELINE_COLUMNS.department, department, "text");
    sheet.put(
      row,
      GUIDELINE_COLUMNS.obligation,
      (required ? WORDS.mustReport : WORDS.optional)[lang],
      "textCenter",
    );
    sheet.put(row, GUIDELINE_COLUMNS.original, text, "note");
    const base = { guideline: key };
    sheet.input(
      row,
      GUIDELINE_COLUMNS.progress,
      {
        ...base,
        id: fieldId.guideline(key, "progress"),
        role: "guideline",
        label: { zh: `指引${numeral}${title}落实情况`, en: `${nameEn} ${titleEn}: what we did` },
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
        label: { zh: `指引${numeral}${title}佐证材料`, en: `${nameEn} ${titleEn}: evidence` },
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
      `Guideline (${item.number})`,
      item.section,
      item.title,
      item.titleEn,
      [...new Set(item.paragraphs.map((p) => p.department))].join(lang === "en" ? ", " : "、"),
      item.paragraphs
        .map((p) => (lang === "en" ? `${p.text} (${p.department})` : `${p.text}（${p.department}负责）`))
        .join("\n"),
      item.addressedToProvinces,
    );
  }
  sheet.band(row++, 1, HEADERS.length - 1, spec.workRequirementsHeading[lang], "measure", 22);
  for (const req of spec.workRequirements) {
    addRow(
      row++,
      `requirement-${req.number}`,
      req.numeral,
      `Work requirement (${req.number})`,
      spec.workRequirementsHeading[lang],
      req.title,
      req.titleEn,
      (req.addressedToProvinces ? WORDS.localOffices : WORDS.allDepartments)[lang],
      req.text,
      req.addressedToProvinces,
    );
  }
  return sheet;
}
