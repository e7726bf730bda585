import type { LocalizedText, Spec, Task } from "../spec/schema";
import { a1 } from "./address";
import { OBLIGATION_LABEL, obligationOf } from "./obligation";
import { tableSheet, type SheetDraft } from "./sheet";
import type { Condition, Obligation, Profile, StyleKey } from "./types";
import {
  ACTIVE_STATUSES,
  CHOICE_LABEL,
  sheetNamesIn,
  STATUS,
  STATUS_VALUES,
  type WorkbookLanguage,
} from "./vocabulary";
import { fieldId, TASK_PART_ROLE, TASK_PARTS, type TaskPart } from "./field-ids";

/** Tasks sheet columns (1-based). */
export const TASK_COLUMNS = {
  number: 1,
  title: 2,
  lead: 3,
  line: 4,
  obligation: 5,
  status: 6,
  progress: 7,
  results: 8,
  evidence: 9,
  problems: 10,
  next: 11,
  original: 12,
} as const;

const HEADERS: [LocalizedText, number][] = [
  [{ zh: "序号", en: "No." }, 6],
  [{ zh: "任务", en: "Task" }, 24],
  [{ zh: "局内牵头部门", en: "Lead departments (as named in the guideline)" }, 16],
  [{ zh: "省份要求（原文）", en: "Province line (guideline's words)" }, 18],
  [{ zh: "本省要求", en: "For this province" }, 10],
  [{ zh: "状态", en: "Status" }, 10],
  [{ zh: "工作进展", en: "Progress" }, 42],
  [{ zh: "量化成果", en: "Quantified results" }, 28],
  [{ zh: "佐证材料", en: "Evidence" }, 24],
  [{ zh: "存在问题", en: "Problems" }, 24],
  [{ zh: "下一步计划", en: "Next steps" }, 24],
  [{ zh: "指引原文（各地要求）", en: "Guideline text for the provinces (verbatim)" }, 70],
];

const WORDS = {
  subtitle: {
    zh: "浅黄色单元格填写（必填未填时为浅橙色）；灰色行为本省不适用的任务，请留空。选中单元格可看到填报提示；右侧折叠列收录各地要求原文。",
    en: "Fill in the pale-yellow cells (pale orange while a required one is empty); grey rows are tasks that do not apply to this province: leave them empty. Select a cell to see what to enter; the collapsed column at the right holds the guideline's text.",
  },
  noLine: { zh: "（无省份要求，国家知识产权局任务）", en: "(no province line: a national office task)" },
  nationalOnly: {
    zh: "国家知识产权局任务，省份无需填报。",
    en: "A national office task: provinces do not report on it.",
  },
} satisfies Record<string, LocalizedText>;

const PART_LABEL: Record<TaskPart, { zh: string; en: string }> = {
  status: { zh: "状态", en: "status" },
  progress: { zh: "工作进展", en: "progress" },
  results: { zh: "量化成果", en: "quantified results" },
  evidence: { zh: "佐证材料", en: "evidence" },
  problems: { zh: "存在问题", en: "problems" },
  next: { zh: "下一步计划", en: "next steps" },
};

/** When a task's part must be filled, given the province's obligation. */
export function taskPartCondition(task: number, part: TaskPart, obligation: Obligation): Condition {
  if (obligation === "not-applicable" || obligation === "national-only") return { kind: "never" };
  const status = fieldId.task(task, "status");
  switch (part) {
    case "status":
      return obligation === "required" ? { kind: "always" } : { kind: "never" };
    case "progress":
      return obligation === "required"
        ? { kind: "always" }
        : { kind: "field-in", field: status, values: ACTIVE_STATUSES };
    case "evidence":
      return { kind: "field-in", field: status, values: [STATUS.done] };
    default:
      return { kind: "never" };
  }
}

function provincialText(task: Task): string {
  return task.provincialWork.join("\n");
}

export function buildTasks(spec: Spec, profile: Profile, lang: WorkbookLanguage): SheetDraft {
  const title = { zh: `${spec.title.zh} · 任务落实情况`, en: `${spec.title.en} · progress on the tasks` };
  const sheet = tableSheet({
    key: "tasks",
    name: sheetNamesIn(lang).tasks,
    headers: HEADERS.map(([text, width]) => [text[lang], width]),
    title: title[lang],
    subtitle: WORDS.subtitle[lang],
    span: HEADERS.length - 1,
    frozenColumns: 2,
  });
  const last = HEADERS.length;
  // The full guideline text lives in a collapsed column: reachable, but not cluttering the grid.
  sheet.layout.columns[TASK_COLUMNS.original - 1] = { width: 70, hidden: true, outlineLevel: 1 };

  let row = 4;
  for (const measure of spec.measures) {
    sheet.band(
      row,
      1,
      last - 1,
      lang === "en"
        ? `Measure ${measure.number}: ${measure.titleEn}`
        : `举措${measure.number}：${measure.title}`,
      "measure",
      22,
    );
    row++;
    for (const task of spec.tasks.filter((t) => t.measure === measure.id)) {
      const obligation = obligationOf(task, profile);
      sheet.put(row, TASK_COLUMNS.number, task.number, "textCenter");
      sheet.put(row, TASK_COLUMNS.title, lang === "en" ? task.titleEn : task.title, "text");
      // One department a line: joined by 、 the narrow column wrapped lines that began with 、.
      sheet.put(row, TASK_COLUMNS.lead, task.leadDepartments.join("\n"), "text");
      sheet.put(
        row,
        TASK_COLUMNS.line,
        task.obligations.map((o) => o.line ?? WORDS.noLine[lang]).join("\n"),
        "text",
      );
      sheet.put(row, TASK_COLUMNS.obligation, OBLIGATION_LABEL[obligation][lang], "textCenter");
      sheet.put(row, TASK_COLUMNS.original, provincialText(task) || task.nationalWork, "note");

      if (obligation === "national-only") {
        sheet.band(row, TASK_COLUMNS.status, TASK_COLUMNS.next, WORDS.nationalOnly[lang], "note");
      } else {
        addTaskInputs(sheet, task, obligation, row, lang);
      }
      sheet.layout.rowHeights[row] = 60;
      row++;
    }
  }
  return sheet;
}

function addTaskInputs(
  sheet: SheetDraft,
  task: Task,
  obligation: Obligation,
  row: number,
  lang: WorkbookLanguage,
): void {
  const notApplicable = obligation === "not-applicable";
  const textStyle: StyleKey = notApplicable ? "inputNotApplicable" : "input";
  const guidance = provincialText(task);
  for (const part of TASK_PARTS) {
    const col = TASK_COLUMNS[part];
    const id = fieldId.task(task.number, part);
    sheet.input(
      row,
      col,
      {
        id,
        role: TASK_PART_ROLE[part],
        label: {
          zh: `任务${task.number}${PART_LABEL[part].zh}`,
          en: `Task ${task.number} ${PART_LABEL[part].en}`,
        },
        type: part === "status" ? "enum" : "text",
        allowed: part === "status" ? STATUS_VALUES : undefined,
        required: taskPartCondition(task.number, part, obligation),
        task: task.number,
      },
      textStyle,
      { prompt: part === "status" || part === "progress" ? guidance : undefined },
    );
    if (notApplicable) {
      const ref = a1(row, col);
      // 不适用 is the true answer for such a task's status: only other entries are flagged.
      const shown = CHOICE_LABEL[STATUS.notApplicable][lang];
      const formula = part === "status" ? `AND(LEN(${ref})>0,${ref}<>"${shown}")` : `LEN(${ref})>0`;
      sheet.conditional({ ref, formula, style: "cfNotApplicableFilled" });
    }
  }
}
