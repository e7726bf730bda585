/**
 * Browser entry for the end-to-end tests: stands a strict fake Excel in for the real host, so the production
 * build of the pane runs unchanged. Loaded with Playwright's addInitScript before the pane's own scripts;
 * office.js itself is blocked. window.__fakeExcelOptions (set by an earlier init script) picks the host;
 * window.__fakeExcelSeed, when set, makes the workbook a filled report before the pane starts (a reviewer
 * opening what a province sent), and window.__officeLook gives Office's display language and theme.
 */
import { OfficeReportWorkbook } from "../../src/excel/office-workbook";
import { buildLayout } from "../../src/layout/build";
import { resolveProfile } from "../../src/layout/obligation";
import type { CellValue, FieldId } from "../../src/layout/types";
import { reviewItemsOf } from "../../src/round/review";
import type { ReviewMark } from "../../src/round/types";
import { sampleValues } from "../../src/sample";
import { spec2019 } from "../helpers/specs";
import { FakeExcel, type FakeExcelOptions } from "../fake-excel";

export interface FakeSeed {
  province: string;
  categories: string[];
  /** A sample report with a few realistic defects (seeded), then these values over it. */
  sample?: { seed: number };
  values?: Record<FieldId, CellValue>;
  /** Marks already on the 审核意见 sheet (a file a reviewer worked on before). */
  review?: ReviewMark[];
}

interface FakeHostWindow {
  __fakeExcelOptions?: FakeExcelOptions;
  __fakeExcelSeed?: FakeSeed;
  __officeLook?: { displayLanguage?: string; officeTheme?: { bodyBackgroundColor: string } };
  __fakeExcel?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
}

const w = globalThis as unknown as FakeHostWindow;
const fake = new FakeExcel(w.__fakeExcelOptions ?? {});
w.__fakeExcel = fake;
w.Excel = { run: fake.run };

async function seed(plan: FakeSeed | undefined): Promise<void> {
  if (!plan) return;
  const spec = spec2019();
  const layout = buildLayout(spec, resolveProfile(spec, plan.province, plan.categories));
  const workbook = new OfficeReportWorkbook(fake.run, fake.isSetSupported);
  await workbook.insertTemplate(layout);
  const values: Record<FieldId, CellValue> = {
    ...(plan.sample ? sampleValues(spec, layout, { seed: plan.sample.seed, defects: "some" }).values : {}),
    ...(plan.values ?? {}),
  };
  await fake.run(async (ctx) => {
    for (const [id, value] of Object.entries(values)) {
      const field = layout.fields.find((f) => f.id === id);
      if (field && !field.prefilled) ctx.workbook.names.getItem(field.name).getRange().values = [[value]];
    }
    await ctx.sync();
  });
  const labels = new Map(reviewItemsOf(spec).map((i) => [i.key, i.label]));
  for (const mark of plan.review ?? [])
    await workbook.writeReviewMark(mark, labels.get(mark.key) ?? mark.key);
}

const ready = seed(w.__fakeExcelSeed);
const look = w.__officeLook ?? {};
w.Office = {
  HostType: { Excel: "Excel" },
  onReady: () => ready.then(() => ({ host: "Excel", platform: "PC" })),
  context: {
    requirements: { isSetSupported: fake.isSetSupported },
    displayLanguage: look.displayLanguage ?? "zh-CN",
    ...(look.officeTheme ? { officeTheme: look.officeTheme } : {}),
  },
};
