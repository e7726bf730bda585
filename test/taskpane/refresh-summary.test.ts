import { OfficeReportWorkbook } from "../../src/excel/office-workbook";
import type { RefreshRequest } from "../../src/excel/types";
import { buildLayout, resolveProfile } from "../../src/layout";
import type { CellValue, FieldId } from "../../src/layout/types";
import { RefreshError } from "../../src/refresh/versions";
import { ReportError } from "../../src/layout/recognize";
import type { Spec } from "../../src/spec";
import { describeFailure } from "../../src/taskpane/failure";
import {
  describeRefresh,
  editedSince,
  profileText,
  shownValue,
  type ShownRefresh,
} from "../../src/taskpane/refresh-summary";
import { NAV } from "../../src/taskpane/navigator/words";
import { fillThroughOffice } from "../contract/scenario";
import { FakeExcel } from "../fake-excel";
import { spec2019v2 } from "../fixtures/spec-versions";
import { spec2019 } from "../helpers/specs";

const v1 = spec2019();
const v2 = spec2019v2();

/** A real refresh on the strict fake, and the report as the pane re-opens it afterwards. */
async function refreshed(
  categories: string[],
  values: Record<FieldId, CellValue>,
  request: RefreshRequest,
  damage: (fake: FakeExcel) => void = () => undefined,
) {
  const layout = buildLayout(v1, resolveProfile(v1, "江苏", categories));
  const fake = new FakeExcel();
  const workbook = new OfficeReportWorkbook(fake.run, fake.isSetSupported, [v1, v2]);
  await workbook.insertTemplate(layout);
  await fillThroughOffice(fake, layout, values);
  damage(fake);
  // The pane keeps the undo snapshot apart from what it shows: the summary never sees it.
  const outcome: ShownRefresh = await workbook.refresh(request);
  const after = await workbook.openReport();
  if (!after) throw new Error("the report did not re-open");
  return { outcome, after };
}

describe("the refresh summary the pane shows", () => {
  test("to a new version: the version change, each renamed id old → new, each retired value with its label", async () => {
    const { outcome, after } = await refreshed(
      [],
      { "task.13.clues-reported": 12, "task.2.subsidy-ledger": "是", "cover.contact": "王芳" },
      { toVersion: v2.specVersion },
    );
    const summary = describeRefresh(outcome, after, NAV.noCategories);
    expect(summary.specVersion).toEqual({ from: v1.specVersion, to: v2.specVersion });
    expect(summary.plan.zh).toMatch(
      /^已保留全部 3 个已填写的值，其中 1 个换了位置，新增 \d+ 个填报项，1 个值在新版本中没有对应位置，已移到单独的工作表。$/,
    );
    // In a clerk's words, with nothing about what did not happen.
    expect(summary.plan.en).toMatch(
      /^All 3 values entered are kept; 1 of them in a new place; \d+ new items to fill in; 1 with no place in the new version, moved to a sheet of their own\.$/,
    );
    const submitted = after.layout.fields.find((f) => f.id === "task.13.clues-submitted")!;
    expect(summary.moved).toEqual([
      { from: "task.13.clues-reported", to: { id: "task.13.clues-submitted", label: submitted.label } },
    ]);
    const ledger = buildLayout(v1, { unitId: "jiangsu", categories: [] }).fields.find(
      (f) => f.id === "task.2.subsidy-ledger",
    )!;
    expect(summary.retired).toEqual([
      { id: "task.2.subsidy-ledger", label: ledger.label, value: "是", specVersion: v1.specVersion },
    ]);
    expect(summary.profile).toBeUndefined();
    expect(summary.stoppedApplying).toEqual([]);
    expect(summary.degraded).toEqual([]);
  });

  test("to a new profile: the profile change by label, and the values kept in a task that stopped applying", async () => {
    const { outcome, after } = await refreshed(
      ["trademark-review-center", "strong-ip-province-pilot"],
      { "task.3.progress": "已建成商标审查协作中心", "task.2.progress": "已出台资助政策" },
      { categories: ["strong-ip-province-pilot"] },
    );
    const summary = describeRefresh(outcome, after, NAV.noCategories);
    const label = (id: string) => v2.categories.find((c) => c.id === id)!.label;
    const [centre, pilot] = [label("trademark-review-center"), label("strong-ip-province-pilot")];
    expect(summary.profile).toEqual({
      from: { zh: `${centre.zh}；${pilot.zh}`, en: `${centre.en}; ${pilot.en}` },
      to: pilot,
    });
    const progress = after.layout.fields.find((f) => f.id === "task.3.progress")!;
    expect(summary.stoppedApplying).toEqual([{ id: "task.3.progress", label: progress.label }]);
    expect(summary.specVersion).toEqual({ from: v1.specVersion, to: v2.specVersion });
  });

  test("what the clerk typed below a table is counted in their words, with where it is", async () => {
    const { outcome, after } = await refreshed([], { "cover.contact": "王芳" }, {}, (fake) => {
      fake.user.unprotect("任务清单");
      fake.user.type("任务清单", "A31", "补充说明：我省另设专项资金");
      fake.user.type("任务清单", "C31", 120);
    });
    const summary = describeRefresh(outcome, after, NAV.noCategories);
    // (The refresh goes to the newest version, which adds fields: said before the additions.)
    expect(summary.plan.zh).toMatch(/，保留 2 处补充内容（均在原位置）。$/);
    expect(summary.plan.en).toMatch(/; 2 additions of your own kept \(all in place\)\.$/);
  });

  test("an emptied profile is named as such, not as an empty string", async () => {
    const { outcome, after } = await refreshed(["ip-operation"], {}, { categories: [] });
    const summary = describeRefresh(outcome, after, NAV.noCategories);
    expect(summary.profile?.to).toEqual(NAV.noCategories);
  });

  test("a repair: the names found again from the metadata, by id and label", async () => {
    const { outcome, after } = await refreshed([], { "task.2.progress": "已出台" }, {}, (fake) =>
      fake.user.deleteName("F_task_2_progress"),
    );
    const summary = describeRefresh(outcome, after, NAV.noCategories);
    const progress = after.layout.fields.find((f) => f.id === "task.2.progress")!;
    expect(summary.recovered).toEqual([{ id: "task.2.progress", label: progress.label }]);
    expect(after.reading.values["task.2.progress"]).toBe("已出台");
  });
});

describe("values and profiles as the pane prints them", () => {
  test("a long narrative is cut to 80 characters; numbers, booleans and empties print plainly", () => {
    const long = "推进".repeat(60);
    expect(shownValue(long)).toHaveLength(80);
    expect(shownValue(long).endsWith("…")).toBe(true);
    expect(shownValue(12.5)).toBe("12.5");
    expect(shownValue(false)).toBe("false");
    expect(shownValue(null)).toBe("");
  });

  test("categories come in the spec's order; one the spec lacks shows as its id; none is undefined", () => {
    const spec: Spec = v1;
    expect(profileText(spec, ["pilot-type-leading", "strong-ip-province-pilot"])?.zh).toBe(
      "知识产权强省建设试点省；试点类型：引领型",
    );
    expect(profileText(spec, ["gone-category"])).toEqual({ zh: "gone-category", en: "gone-category" });
    expect(profileText(spec, [])).toBeUndefined();
  });
});

describe("what an undo would throw away", () => {
  const afterRefresh: Record<FieldId, CellValue> = {
    "cover.province": "江苏省",
    "task.2.progress": "已出台",
    "task.2.status": "",
    "target.x.actual": 0,
  };

  test("nothing, when the values are as the refresh left them (an empty cell reads as '' or null alike)", () => {
    expect(editedSince(afterRefresh, { ...afterRefresh, "task.2.status": null })).toEqual([]);
    expect(
      editedSince(afterRefresh, {
        "cover.province": "江苏省",
        "task.2.progress": "已出台",
        "target.x.actual": 0,
      }),
    ).toEqual([]);
  });

  test("a changed, emptied or newly typed value, and a zero turned blank", () => {
    const now = {
      "cover.province": "江苏省",
      "task.2.progress": "已出台并实施",
      "task.2.status": "推进中",
      "task.4.progress": "新填",
    };
    expect(editedSince(afterRefresh, now).sort()).toEqual(
      ["target.x.actual", "task.2.progress", "task.2.status", "task.4.progress"].sort(),
    );
  });
});

describe("a failed refresh, as the pane says it", () => {
  test("a refusal of the core is said in its own words, in both languages", () => {
    const downgrade = new RefreshError("downgrade", { zh: "不能降级", en: "cannot downgrade" });
    expect(describeFailure(downgrade)).toEqual({ zh: "不能降级", en: "cannot downgrade" });
    const notReport = new ReportError("not-a-report", { zh: "不是填报工作簿", en: "not a report" });
    expect(describeFailure(notReport)).toEqual({ zh: "不是填报工作簿", en: "not a report" });
  });

  test("anything else gets the polite generic line with its message", () => {
    const said = describeFailure(new Error("GeneralException"));
    expect(said.zh).toContain("发生意外错误：GeneralException");
    expect(said.en).toContain("Something unexpected went wrong: GeneralException");
  });
});
