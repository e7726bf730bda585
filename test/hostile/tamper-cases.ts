/**
 * Tampered reports (issue 11, items 8 and 9), made by code from a correct filled sample by editing its zip
 * parts, as someone with a zip tool or a text editor would: the metadata's profile blanked or its province
 * changed, a field's defined name pointed at its label, at the metadata or at another report sheet. The
 * fields whose names are moved are left empty first, so a reading that trusts the name passes a required
 * field that is not there.
 */
import JSZip from "jszip";
import { META_KEYS, type MetaKey } from "../../src/layout/build";
import type { FieldId } from "../../src/layout/types";
import { SHEET_NAMES } from "../../src/layout/vocabulary";
import { fieldOf, filledSample, type FilledSample } from "../fixtures/make-fixtures";

export const TAMPER_CASES = [
  "blank-profile",
  "other-province",
  "name-at-label",
  "name-at-meta",
  "name-at-other-sheet",
] as const;
export type TamperCase = (typeof TAMPER_CASES)[number];

/** The field each name case moves, and where its name is made to point ("'sheet'!$C$R"). */
export interface MovedName {
  fieldId: FieldId;
  /** The field's own cell, where it must be read. */
  own: { sheetName: string; cell: string };
  pointsAt: { sheetName: string; cell: string };
}

export interface TamperedReport {
  bytes: Buffer;
  moved?: MovedName;
}

async function part(zip: JSZip, name: string): Promise<string> {
  return zip.file(name)!.async("string");
}

/** The worksheet part of a sheet, by its name in workbook.xml and the workbook's relationships. */
async function sheetPart(zip: JSZip, sheetName: string): Promise<string> {
  const wb = await part(zip, "xl/workbook.xml");
  const rid = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const rels = await part(zip, "xl/_rels/workbook.xml.rels");
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
  return `xl/${(target[1] ?? target[2]).replace(/^\/?(xl\/)?/, "")}`;
}

/** Overwrites a metadata value in place (its key's row), as an inline string; "" leaves the cell empty. */
async function setMeta(zip: JSZip, key: MetaKey, value: string): Promise<void> {
  const name = await sheetPart(zip, SHEET_NAMES.meta);
  const ref = `B${META_KEYS.indexOf(key) + 1}`;
  const xml = await part(zip, name);
  const cell = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
  if (!cell.test(xml)) throw new Error(`no ${ref} in ${name}`);
  const replacement =
    value === "" ? `<c r="${ref}"/>` : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  zip.file(name, xml.replace(cell, replacement));
}

/** Points a defined name elsewhere in workbook.xml (the metadata's field table is left as it was). */
async function pointName(zip: JSZip, name: string, to: { sheetName: string; cell: string }): Promise<void> {
  const xml = await part(zip, "xl/workbook.xml");
  const element = new RegExp(`(<definedName name="${name}"[^>]*>)[^<]*(</definedName>)`);
  if (!element.test(xml)) throw new Error(`no defined name ${name}`);
  const abs = to.cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  zip.file("xl/workbook.xml", xml.replace(element, `$1&apos;${to.sheetName}&apos;!${abs}$2`));
}

/** The label cell left of a field in its row (the template writes every input's label there). */
function labelOf(sample: FilledSample, fieldId: FieldId): { sheetName: string; cell: string } {
  const field = fieldOf(sample.layout, fieldId);
  const sheet = sample.layout.sheets.find((s) => s.key === field.sheet)!;
  const label = sheet.cells
    .filter((c) => c.row === field.row && c.col < field.col && typeof c.value === "string" && c.value !== "")
    .pop();
  if (!label) throw new Error(`no label beside ${fieldId}`);
  return { sheetName: field.sheetName, cell: `${String.fromCharCode(64 + label.col)}${label.row}` };
}

/** A sheet's header cell holding text: a label on another report sheet. */
function headerOf(sample: FilledSample, sheetKey: "targets"): { sheetName: string; cell: string } {
  const sheet = sample.layout.sheets.find((s) => s.key === sheetKey)!;
  const header = sheet.cells.find((c) => c.style === "header" && typeof c.value === "string" && c.value)!;
  return { sheetName: sheet.name, cell: `${String.fromCharCode(64 + header.col)}${header.row}` };
}

async function emptied(fieldId: FieldId): Promise<{ sample: FilledSample; zip: JSZip }> {
  const sample = await filledSample();
  const field = fieldOf(sample.layout, fieldId);
  sample.workbook.getWorksheet(field.sheetName)!.getCell(field.cell).value = null;
  return { sample, zip: await JSZip.loadAsync(await sample.workbook.xlsx.writeBuffer()) };
}

async function moveName(
  fieldId: FieldId,
  to: (sample: FilledSample) => { sheetName: string; cell: string },
): Promise<TamperedReport> {
  const { sample, zip } = await emptied(fieldId);
  const field = fieldOf(sample.layout, fieldId);
  const pointsAt = to(sample);
  await pointName(zip, field.name, pointsAt);
  return {
    bytes: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }),
    moved: { fieldId, own: { sheetName: field.sheetName, cell: field.cell }, pointsAt },
  };
}

async function editedMeta(edits: Partial<Record<MetaKey, string>>): Promise<TamperedReport> {
  const sample = await filledSample();
  const zip = await JSZip.loadAsync(await sample.workbook.xlsx.writeBuffer());
  for (const [key, value] of Object.entries(edits)) await setMeta(zip, key as MetaKey, value);
  return { bytes: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }) };
}

/** Makes every tampered report. */
export async function makeTamperedReports(): Promise<Record<TamperCase, TamperedReport>> {
  return {
    "blank-profile": await editedMeta({ categories: "" }),
    "other-province": await editedMeta({ unitId: "zhejiang", unitName: "浙江省" }),
    "name-at-label": await moveName("cover.contact", (s) => labelOf(s, "cover.contact")),
    "name-at-meta": await moveName("cover.department", () => ({ sheetName: SHEET_NAMES.meta, cell: "B5" })),
    "name-at-other-sheet": await moveName("task.2.progress", (s) => headerOf(s, "targets")),
  };
}
