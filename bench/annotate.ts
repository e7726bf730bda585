/* The CLI's validate --annotate of one filled workbook with defects, in process, against ExcelJS loading and
 * writing the same file. */
import ExcelJS from "exceljs";
import { buildLayout, resolveProfile } from "../src/layout";
import { checkReport } from "../src/rules";
import { sampleValues } from "../src/sample";
import { latestSpec } from "../src/spec";
import { annotateWorkbook } from "../src/xlsx/annotate";
import { workbookBytes } from "../src/xlsx/package";
import { loadWorkbook } from "../src/xlsx/read";
import { renderWorkbook } from "../src/xlsx/render";
import { openReport } from "../src/xlsx/report";
import { writeValues } from "../src/xlsx/write";
import { median, timeRuns } from "./stats";

async function reportWithDefects(): Promise<Buffer> {
  const spec = latestSpec();
  const layout = buildLayout(spec, resolveProfile(spec, "江苏", ["ip-protection-center"]));
  const wb = await renderWorkbook(layout);
  writeValues(wb, layout, sampleValues(spec, layout, { seed: 1, defects: "some" }).values);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function benchAnnotate(): Promise<{ annotateMs: number; loadWriteMs: number; ratio: number }> {
  const bytes = await reportWithDefects();
  const annotateOnce = async () => {
    const wb = await loadWorkbook(bytes);
    const report = openReport(wb);
    annotateWorkbook(wb, report, checkReport(report), "zh");
    await workbookBytes(wb);
  };
  const loadWriteOnce = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    await wb.xlsx.writeBuffer();
  };
  await timeRuns(3, annotateOnce);
  await timeRuns(3, loadWriteOnce);
  const annotate: number[] = [];
  const loadWrite: number[] = [];
  for (let i = 0; i < 15; i++) {
    annotate.push(...(await timeRuns(1, annotateOnce)));
    loadWrite.push(...(await timeRuns(1, loadWriteOnce)));
  }
  const annotateMs = median(annotate);
  const loadWriteMs = median(loadWrite);
  return { annotateMs, loadWriteMs, ratio: annotateMs / loadWriteMs };
}
