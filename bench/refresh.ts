/* The CLI's refresh of one fully filled workbook, in process, against ExcelJS loading and writing the same file. */
import ExcelJS from "exceljs";
import { buildLayout, resolveProfile } from "../src/layout";
import { sampleValues } from "../src/sample";
import { latestSpec } from "../src/spec";
import { workbookBytes } from "../src/xlsx/package";
import { loadWorkbook } from "../src/xlsx/read";
import { refreshWorkbook } from "../src/xlsx/refresh";
import { renderWorkbook } from "../src/xlsx/render";
import { writeValues } from "../src/xlsx/write";
import { median, timeRuns } from "./stats";

export async function filledWorkbookBytes(): Promise<Buffer> {
  const spec = latestSpec();
  const categories = spec.categories.filter((c) => !c.exclusiveGroup).map((c) => c.id);
  const layout = buildLayout(spec, resolveProfile(spec, "江苏", categories));
  const wb = await renderWorkbook(layout);
  writeValues(wb, layout, sampleValues(spec, layout, { seed: 1, defects: "none" }).values);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function benchRefresh(): Promise<{ refreshMs: number; loadWriteMs: number; ratio: number }> {
  const bytes = await filledWorkbookBytes();
  const refreshOnce = async () => {
    const result = await refreshWorkbook(await loadWorkbook(bytes));
    await workbookBytes(result.workbook);
  };
  const loadWriteOnce = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    await wb.xlsx.writeBuffer();
  };
  await timeRuns(3, refreshOnce);
  await timeRuns(3, loadWriteOnce);
  const refresh: number[] = [];
  const loadWrite: number[] = [];
  for (let i = 0; i < 15; i++) {
    refresh.push(...(await timeRuns(1, refreshOnce)));
    loadWrite.push(...(await timeRuns(1, loadWriteOnce)));
  }
  const refreshMs = median(refresh);
  const loadWriteMs = median(loadWrite);
  return { refreshMs, loadWriteMs, ratio: refreshMs / loadWriteMs };
}
