import { EXCEL_CELL_MAX_CHARS, overCellLimit } from "../../src/layout/cell-limit";
import type { WorkbookLayout } from "../../src/layout/types";
import { excelSerial } from "../../src/layout/vocabulary";
import { checkReport } from "../../src/rules";
import { checkChanged, inputFor, reportFor, validValues, withRule } from "./helpers";

const ACTUAL = "target.ip-insurance-growth.actual";
const GROWTH = "target.ip-insurance-growth.growth";

describe("value.number.type", () => {
  it.each(["12.5", "1,200", "12%", " 12 ", "3亿元"])(
    "the figure typed as text “%s” is a type error with a hint",
    (text) => {
      const found = withRule(checkChanged({ [ACTUAL]: text }), "value.number.type");
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ kind: "type-error", code: "E201", severity: "error", actual: text });
      expect(found[0].message.zh).toContain(`“${text}”`);
      expect(found[0].message.zh).toContain("看起来是数字");
      expect(found[0].message.zh).toContain("亿元");
    },
  );

  it("text that is no number at all gets no number hint", () => {
    const found = withRule(checkChanged({ [ACTUAL]: "约三百" }), "value.number.type");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).not.toContain("看起来是数字");
  });

  it("a text figure is not silently used: no target is judged from it", () => {
    const issues = checkChanged({ [ACTUAL]: "50" });
    expect(withRule(issues, "target.goal.met")).toEqual([]);
    expect(withRule(issues, "target.growth.consistent")).toEqual([]);
  });

  it("a percentage typed as text (“12%”) is a type error", () => {
    expect(withRule(checkChanged({ [GROWTH]: "12%" }), "value.number.type")).toHaveLength(1);
  });
});

describe("value.integer.whole", () => {
  it("任务12 存在非正常专利申请行为的主体数 must be whole", () => {
    const found = withRule(
      checkChanged({ "task.12.abnormal-subjects": 3.5, "task.12.subsidy-revoked-subjects": 3.5 }),
      "value.integer.whole",
    );
    expect(found.map((i) => i.fieldId)).toEqual([
      "task.12.abnormal-subjects",
      "task.12.subsidy-revoked-subjects",
    ]);
  });
});

describe("value.number.range", () => {
  it("a negative amount recovered is below its minimum of 0", () => {
    const found = withRule(checkChanged({ "task.12.recovered": -1 }), "value.number.range");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "constraint-error", expected: "≥0", actual: -1 });
  });

  it("0 is allowed", () => {
    expect(checkChanged({ "task.12.recovered": 0, "task.12.recovery-due": 0 })).toEqual([]);
  });
});

describe("value.percent.range", () => {
  it("a growth of 15000% (150 typed for 150%) is out of range, with the hint", () => {
    const found = withRule(checkChanged({ [GROWTH]: 150 }), "value.percent.range");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("150%");
  });

  it("a fall of more than 100% is impossible", () => {
    expect(withRule(checkChanged({ [GROWTH]: -1.5 }), "value.percent.range")).toHaveLength(1);
  });
});

describe("value.percent.suspicious", () => {
  it("a growth of 1200% is probably 12 typed for 12% — a warning with that hint", () => {
    const found = withRule(checkChanged({ [GROWTH]: 12 }), "value.percent.suspicious");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "warning", fieldId: GROWTH });
    expect(found[0].message.zh).toContain("1200.0%");
    expect(found[0].message.zh).toContain("12%");
    expect(found[0].message.en).toContain("0.12");
  });

  it("a growth of 150% (1.5) is plausible", () => {
    expect(withRule(checkChanged({ [GROWTH]: 1.5 }), "value.percent.suspicious")).toEqual([]);
  });
});

describe("value.enum.allowed", () => {
  it("a status not in the drop-down list (完成) is an error listing the choices", () => {
    const found = withRule(checkChanged({ "task.2.status": "完成" }), "value.enum.allowed");
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe("已完成/推进中/未启动/不适用");
  });

  it("a status with stray spaces is flagged, with the reason", () => {
    const found = withRule(checkChanged({ "task.2.status": " 已完成" }), "value.enum.allowed");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("空格");
  });

  it("是否已建立完善各级专利资助和奖励工作台账: only 是 or 否", () => {
    expect(withRule(checkChanged({ "task.2.subsidy-ledger": "有" }), "value.enum.allowed")).toHaveLength(1);
    expect(checkChanged({ "task.2.subsidy-ledger": "否" })).toEqual([]);
  });
});

describe("value.boolean.type", () => {
  it("a yes/no field (type boolean in a later spec) takes TRUE/FALSE or 是/否, nothing else", () => {
    const base = reportFor("江苏");
    const layout: WorkbookLayout = {
      ...base.layout,
      fields: base.layout.fields.map((f) =>
        f.id === "task.2.subsidy-ledger" ? { ...f, type: "boolean", allowed: undefined } : f,
      ),
    };
    const report = { ...base, layout };
    const run = (value: string | boolean) =>
      withRule(
        checkReport(inputFor(report, { ...validValues(report), "task.2.subsidy-ledger": value })),
        "value.boolean.type",
      );
    expect(run(true)).toEqual([]);
    expect(run("否")).toEqual([]);
    expect(run("也许")).toHaveLength(1);
  });
});

describe("value.date.type", () => {
  it("数据截止日期 typed as text is a type error", () => {
    const found = withRule(checkChanged({ "cover.period": "2019-12-31" }), "value.date.type");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("日期");
  });
});

describe("value.date.in-year", () => {
  it("a date outside the reporting year 2019 is an error naming the date", () => {
    const found = withRule(checkChanged({ "cover.period": excelSerial(2020, 1, 1) }), "value.date.in-year");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("2020-01-01");
    expect(found[0].expected).toBe("2019-01-01..2019-12-31");
  });

  it.each([
    [2019, 1, 1],
    [2019, 6, 30],
    [2019, 12, 31],
  ])("%i-%i-%i is within the year", (y, m, d) => {
    expect(checkChanged({ "cover.period": excelSerial(y, m, d) + 0.5 })).toEqual([]);
  });

  it("2018-12-31 is not", () => {
    expect(
      withRule(checkChanged({ "cover.period": excelSerial(2018, 12, 31) }), "value.date.in-year"),
    ).toHaveLength(1);
  });
});

describe("value.phone.format", () => {
  it.each([
    "025-12345678",
    "0251-1234567",
    "025-12345678-123",
    "025-12345678转123",
    "(025)12345678",
    "025 8765 4321",
    "02512345678",
    "13912345678",
    "139 1234 5678",
    "139-1234-5678",
    "+86 139 1234 5678",
    "025-12345678，13912345678",
    13912345678,
  ])("%s is a phone number", (phone) => {
    expect(checkChanged({ "cover.phone": phone })).toEqual([]);
  });

  it.each(["12345", "25-12345678", "12912345678", "1391234567", "电话见附件", 25123456, "025-123"])(
    "%s is not",
    (phone) => {
      const found = withRule(checkChanged({ "cover.phone": phone }), "value.phone.format");
      expect(found).toHaveLength(1);
      expect(found[0].message.zh).toContain("025-12345678");
    },
  );
});

describe("value.magnitude.plausible", () => {
  it("资助奖励资金 over 1,000,000 万元 is a warning suggesting a unit slip", () => {
    const found = withRule(
      checkChanged({ "task.12.recovery-due": 2_000_000, "task.12.recovered": 2_000_000 }),
      "value.magnitude.plausible",
    );
    expect(found.map((i) => i.fieldId)).toEqual(["task.12.recovery-due", "task.12.recovered"]);
    expect(found[0]).toMatchObject({ severity: "warning", kind: "constraint-error" });
    expect(found[0].message.zh).toContain("万元");
  });

  it("知识产权保险保障金额 of 5,000 亿元 suggests 万元 typed where 亿元 is asked", () => {
    const found = withRule(checkChanged({ [ACTUAL]: 5000 }), "value.magnitude.plausible");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("是否把万元数填进了亿元栏");
    expect(found[0].message.en).toContain("100m yuan");
  });

  it("a figure at its plausible maximum is fine", () => {
    expect(withRule(checkChanged({ [ACTUAL]: 1000 }), "value.magnitude.plausible")).toEqual([]);
  });
});

describe("value.text.cell-limit", () => {
  const PROGRESS = "task.2.progress";

  it("a 40,000-character narrative is an error, in the words a refresh refuses it with", () => {
    const found = withRule(checkChanged({ [PROGRESS]: "知".repeat(40_000) }), "value.text.cell-limit");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      fieldId: PROGRESS,
      kind: "constraint-error",
      code: "E202",
      severity: "error",
      expected: "<=32767",
      actual: 40_000,
    });
    const label = reportFor().layout.fields.find((f) => f.id === PROGRESS)!.label;
    expect(found[0].message).toEqual(overCellLimit(label, 40_000));
    expect(found[0].message.zh).toContain("40,000 个字符，超过 Excel 单元格上限 32,767 个字符");
  });

  it("exactly 32,767 characters is within the limit", () => {
    expect(
      withRule(checkChanged({ [PROGRESS]: "知".repeat(EXCEL_CELL_MAX_CHARS) }), "value.text.cell-limit"),
    ).toEqual([]);
  });

  it("a text over the limit in a numeric field is named too, beside its type error", () => {
    const issues = checkChanged({ [ACTUAL]: "1".repeat(EXCEL_CELL_MAX_CHARS + 1) });
    expect(withRule(issues, "value.text.cell-limit").map((i) => i.fieldId)).toEqual([ACTUAL]);
    expect(withRule(issues, "value.number.type")).toHaveLength(1);
  });
});
