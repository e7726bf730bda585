import type { CellValue, FieldDef } from "../layout/types";
import { COMPARATOR_SYMBOL } from "../layout/vocabulary";
import type { LocalizedText } from "../spec/schema";
import type { Evaluation } from "./context";
import {
  formatNumber,
  formatPercent,
  isPhoneNumber,
  looksNumeric,
  quoteValue,
  serialToIso,
  textOf,
} from "./values";

/** Above this a percentage is read as a slip: 12 typed for 12% is 1200%. */
export const SUSPICIOUS_PERCENT = 10;

function unitText(field: FieldDef): LocalizedText {
  return field.unit ? { zh: `（单位：${field.unit.zh}）`, en: ` (in ${field.unit.en})` } : { zh: "", en: "" };
}

function expectedKind(field: FieldDef): LocalizedText {
  const unit = unitText(field);
  switch (field.type) {
    case "integer":
      return { zh: `整数${unit.zh}`, en: `a whole number${unit.en}` };
    case "percent":
      return { zh: "百分比（如 12% 或 0.12）", en: "a percentage (12% or 0.12)" };
    default:
      return { zh: `数值${unit.zh}`, en: `a number${unit.en}` };
  }
}

/** value.number.type: a figure stored as text is invisible to sums and to the template's formulas. */
function checkNumberType(ev: Evaluation, field: FieldDef, value: CellValue): boolean {
  if (typeof value === "number" && Number.isFinite(value)) return true;
  const want = expectedKind(field);
  const shown = quoteValue(value);
  const found =
    typeof value === "string"
      ? { zh: `文本“${shown}”`, en: `the text "${shown}"` }
      : { zh: `“${shown}”`, en: `"${shown}"` };
  const hint =
    typeof value === "string" && looksNumeric(value)
      ? {
          zh: "看起来是数字，请去掉单位、千分位和空格，改为数值格式。",
          en: "It looks like a number: remove units, separators and spaces, and enter it as a number.",
        }
      : { zh: "", en: "" };
  ev.report("value.number.type", field, {
    message: {
      zh: `“${field.label.zh}”应为${want.zh}，实际是${found.zh}。${hint.zh}`.trim(),
      en: `"${field.label.en}" must be ${want.en}; found ${found.en}. ${hint.en}`.trim(),
    },
    expected: field.type,
    expectedText: want,
  });
  return false;
}

function checkNumber(ev: Evaluation, field: FieldDef, value: CellValue): void {
  if (!checkNumberType(ev, field, value)) return;
  const n = value as number;
  if (field.type === "integer" && !Number.isInteger(n)) {
    ev.report("value.integer.whole", field, {
      message: {
        zh: `“${field.label.zh}”应为整数，实际为 ${formatNumber(n)}`,
        en: `"${field.label.en}" must be a whole number; found ${formatNumber(n)}`,
      },
      expected: "integer",
      expectedText: expectedKind(field),
    });
    return;
  }
  if (field.type === "percent") {
    checkPercent(ev, field, n);
    return;
  }
  const below = field.min !== undefined && n < field.min;
  const above = field.max !== undefined && n > field.max;
  if (below || above) {
    const bound = (below ? field.min : field.max) as number;
    const cmp = COMPARATOR_SYMBOL[below ? ">=" : "<="];
    ev.report("value.number.range", field, {
      message: {
        zh: `“${field.label.zh}”应${below ? "不小于" : "不大于"} ${formatNumber(bound)}，实际为 ${formatNumber(n)}`,
        en: `"${field.label.en}" must be ${below ? "at least" : "at most"} ${formatNumber(bound)}; found ${formatNumber(n)}`,
      },
      expected: `${cmp}${bound}`,
    });
    return;
  }
  checkMagnitude(ev, field, n);
}

function checkPercent(ev: Evaluation, field: FieldDef, n: number): void {
  const min = field.min ?? -1;
  const max = field.max ?? 100;
  const typedAsPoints = {
    zh: `如要填写 ${formatNumber(n)}%，请输入“${formatNumber(n)}%”或 ${formatNumber(n / 100)}`,
    en: `for ${formatNumber(n)}%, type "${formatNumber(n)}%" or ${formatNumber(n / 100)}`,
  };
  if (n < min || n > max) {
    const hint = n > max ? typedAsPoints : { zh: "", en: "" };
    ev.report("value.percent.range", field, {
      message: {
        zh: `“${field.label.zh}”应在 ${formatPercent(min)} 至 ${formatPercent(max)} 之间，实际为 ${formatPercent(n)}${hint.zh ? `；${hint.zh}` : ""}`,
        en: `"${field.label.en}" must lie between ${formatPercent(min)} and ${formatPercent(max)}; found ${formatPercent(n)}${hint.en ? `; ${hint.en}` : ""}`,
      },
      expected: `${min}..${max}`,
      expectedText: {
        zh: `${formatPercent(min)} 至 ${formatPercent(max)}`,
        en: `${formatPercent(min)} to ${formatPercent(max)}`,
      },
    });
    return;
  }
  if (n > SUSPICIOUS_PERCENT) {
    ev.report("value.percent.suspicious", field, {
      message: {
        zh: `“${field.label.zh}”为 ${formatPercent(n)}，超过 1000%，可能把 ${formatNumber(n)}% 输成了 ${formatNumber(n)}：${typedAsPoints.zh}`,
        en: `"${field.label.en}" is ${formatPercent(n)}, over 1000%: probably ${formatNumber(n)} typed for ${formatNumber(n)}%; ${typedAsPoints.en}`,
      },
      expected: `<=${SUSPICIOUS_PERCENT}`,
      expectedText: { zh: "不超过 1000% 的百分比", en: "a percentage up to 1000%" },
    });
  }
}

/** value.magnitude.plausible: the usual cause is a figure in the wrong unit. */
function checkMagnitude(ev: Evaluation, field: FieldDef, n: number): void {
  if (field.plausibleMax === undefined || n <= field.plausibleMax) return;
  const unit = field.unit ?? { zh: "", en: "" };
  const slip: LocalizedText =
    unit.zh === "亿元"
      ? { zh: "是否把万元数填进了亿元栏？", en: "was a figure in 10k yuan typed where 100m yuan is asked?" }
      : unit.zh === "万元"
        ? { zh: "是否把元数填进了万元栏？", en: "was a figure in yuan typed where 10k yuan is asked?" }
        : { zh: "请核对单位和数量级。", en: "check the unit and the order of magnitude." };
  ev.report("value.magnitude.plausible", field, {
    message: {
      zh: `“${field.label.zh}”为 ${formatNumber(n)} ${unit.zh}，超过合理上限 ${formatNumber(field.plausibleMax)} ${unit.zh}：请确认单位为“${unit.zh}”，${slip.zh}`,
      en: `"${field.label.en}" is ${formatNumber(n)} ${unit.en}, above the plausible ${formatNumber(field.plausibleMax)} ${unit.en}: make sure it is in ${unit.en}; ${slip.en}`,
    },
    expected: `<=${field.plausibleMax}`,
    expectedText: {
      zh: `不超过 ${formatNumber(field.plausibleMax)} ${unit.zh}`,
      en: `at most ${formatNumber(field.plausibleMax)} ${unit.en}`,
    },
  });
}

/** value.enum.allowed: the template's dropdown was bypassed (a paste, or a value typed with a space). */
function checkEnum(ev: Evaluation, field: FieldDef, value: CellValue): void {
  const allowed = field.allowed ?? [];
  if (typeof value === "string" && allowed.includes(value)) return;
  const padded = allowed.includes(textOf(value));
  const list = allowed.join("/");
  ev.report("value.enum.allowed", field, {
    message: {
      zh: `“${field.label.zh}”须从下拉列表中选择（${allowed.join("、")}），实际为“${quoteValue(value)}”${padded ? "（前后多了空格）" : ""}`,
      en: `"${field.label.en}" must be chosen from the list (${allowed.join(", ")}); found "${quoteValue(value)}"${padded ? " (with extra spaces)" : ""}`,
    },
    expected: list,
  });
}

const YES = new Set(["是", "true", "yes"]);
const NO = new Set(["否", "false", "no"]);

function checkBoolean(ev: Evaluation, field: FieldDef, value: CellValue): void {
  if (typeof value === "boolean") return;
  const text = textOf(value).toLowerCase();
  if (YES.has(text) || NO.has(text)) return;
  ev.report("value.boolean.type", field, {
    message: {
      zh: `“${field.label.zh}”应为“是”或“否”，实际为“${quoteValue(value)}”`,
      en: `"${field.label.en}" must be yes or no; found "${quoteValue(value)}"`,
    },
    expected: "是/否",
  });
}

function checkDate(ev: Evaluation, field: FieldDef, value: CellValue): void {
  const { year, period } = ev.input.spec;
  const example = period.end;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    ev.report("value.date.type", field, {
      message: {
        zh: `“${field.label.zh}”应为日期，实际是文本“${quoteValue(value)}”：请按日期格式输入，如 ${example}`,
        en: `"${field.label.en}" must be a date; found the text "${quoteValue(value)}": enter a date such as ${example}`,
      },
      expected: "date",
      expectedText: { zh: `日期（如 ${example}）`, en: `a date (such as ${example})` },
    });
    return;
  }
  const min = field.min ?? -Infinity;
  const max = field.max ?? Infinity;
  const day = Math.floor(value);
  if (day >= min && day <= max) return;
  const range = `${Number.isFinite(min) ? serialToIso(min) : ""}..${Number.isFinite(max) ? serialToIso(max) : ""}`;
  const shown = value > 0 && value < 2958466 ? serialToIso(value) : formatNumber(value);
  ev.report("value.date.in-year", field, {
    message: {
      zh: `“${field.label.zh}”应在 ${year} 年内（${range.replace("..", " 至 ")}），实际为 ${shown}`,
      en: `"${field.label.en}" must fall within ${year} (${range.replace("..", " to ")}); found ${shown}`,
    },
    expected: range,
  });
}

function checkText(ev: Evaluation, field: FieldDef, value: CellValue): void {
  if (field.format !== "phone") return;
  // A number here is a phone typed into an unformatted cell: a landline has lost its leading 0.
  if (isPhoneNumber(typeof value === "number" ? String(value) : textOf(value))) return;
  ev.report("value.phone.format", field, {
    message: {
      zh: `“${field.label.zh}”格式不正确（“${quoteValue(value)}”）：请填写固定电话（如 025-12345678，分机可写 -123）或 11 位手机号码`,
      en: `"${field.label.en}" is not a phone number ("${quoteValue(value)}"): give a landline (025-12345678, extension -123) or an 11-digit mobile`,
    },
    expected: "phone",
    expectedText: { zh: "固定电话或手机号码", en: "a landline or mobile number" },
  });
}

/**
 * The type and range rules (value.number.type, value.integer.whole, value.number.range,
 * value.percent.range, value.percent.suspicious, value.magnitude.plausible, value.enum.allowed,
 * value.boolean.type, value.date.type, value.date.in-year, value.phone.format) on every filled field.
 */
export function checkFieldValues(ev: Evaluation): void {
  for (const field of ev.fields) {
    if (!ev.filled(field.id)) continue;
    const value = ev.value(field.id) as CellValue;
    switch (field.type) {
      case "number":
      case "integer":
      case "percent":
        checkNumber(ev, field, value);
        break;
      case "enum":
        // The province the template fills in has a rule of its own (cover.province.matches-template).
        if (!field.prefilled) checkEnum(ev, field, value);
        break;
      case "boolean":
        checkBoolean(ev, field, value);
        break;
      case "date":
        checkDate(ev, field, value);
        break;
      case "text":
        checkText(ev, field, value);
        break;
    }
  }
}
