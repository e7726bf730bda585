import ExcelJS from "exceljs";
import { buildLayout, resolveProfile } from "../../src/layout";
import { loadWorkbook } from "../../src/xlsx/read";
import { renderWorkbook } from "../../src/xlsx/render";
import { openReport } from "../../src/xlsx/report";
import { writeValues } from "../../src/xlsx/write";
import { encodeOoxmlText } from "../../src/xlsx/ooxml-text";
import { spec2019 } from "../helpers/specs";

const spec = spec2019();
const layout = buildLayout(spec, resolveProfile(spec, "江苏", []));

async function roundTrip(values: Record<string, string>) {
  const wb = await renderWorkbook(layout);
  writeValues(wb, layout, values);
  return openReport(await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()))).reading.values;
}

describe("text survives the .xlsx round trip exactly", () => {
  test("emoji and CJK Extension B characters next to a 16 KiB boundary (JSZip splits surrogate pairs)", async () => {
    const astral = "𠀀𪚥🚀😽𘰻".repeat(40);
    for (let pad = 0; pad < 24; pad++) {
      const values = { "task.2.progress": "x".repeat(16_384 - 300 + pad * 7), "task.2.results": astral };
      expect((await roundTrip(values))["task.2.results"]).toBe(astral);
    }
  });

  test("CR LF line breaks, control characters, DEL and a literal _x0041_ come back unchanged", async () => {
    const text = "第一行\r\n第二行\u0001\u007f见附件_x0041_编号";
    expect((await roundTrip({ "task.2.progress": text }))["task.2.progress"]).toBe(text);
  });

  test("the escaping is the OOXML one, so Excel decodes it too", () => {
    expect(encodeOoxmlText("a\r\nb_x0041_")).toBe("a_x000D_\nb_x005F_x0041_");
  });

  test("a plain ExcelJS write is fixed too, not only ours", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = "x".repeat(16_384 - 1);
    ws.getCell("A2").value = "🚀".repeat(100);
    const back = await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(back.getWorksheet("s")!.getCell("A2").value).toBe("🚀".repeat(100));
  });
});
