import { MINIMUM_EXCEL_API, type RequirementCheck } from "../excel/capabilities";
import type { BatchRunner } from "../excel/office-workbook";
import type { ReportWorkbook } from "../excel/types";

/** How the Office.js adapter runs a batch and asks about requirement sets: injected, so tests can fake Excel. */
export type WorkbookFactory = (run: BatchRunner, isSetSupported: RequirementCheck) => ReportWorkbook;

export type HostConnection =
  | { kind: "excel"; workbook: ReportWorkbook }
  /** no-office: office.js missing or not in an Office host; other-host: Word and the like. */
  | { kind: "outside"; reason: "no-office" | "other-host" | "too-old"; host?: string };

interface OfficeGlobals {
  Office?: typeof Office;
  Excel?: typeof Excel;
}

/**
 * Waits for office.js and says where the pane runs. Outside Office, office.js resolves onReady with a null
 * host, or is missing altogether (blocked, offline, opened as a plain page): both are "outside", never a crash.
 */
export async function connectToExcel(
  createWorkbook: WorkbookFactory,
  globals: OfficeGlobals = globalThis as OfficeGlobals,
  timeoutMs = 10_000,
): Promise<HostConnection> {
  const office = globals.Office;
  if (!office || typeof office.onReady !== "function") return { kind: "outside", reason: "no-office" };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  const info = await Promise.race([office.onReady(), timeout]).finally(() => clearTimeout(timer));
  const host = info?.host ? String(info.host) : undefined;
  if (!host) return { kind: "outside", reason: "no-office" };
  if (host !== "Excel") return { kind: "outside", reason: "other-host", host };
  const excel = globals.Excel;
  const isSetSupported: RequirementCheck = (set, version) =>
    office.context.requirements.isSetSupported(set, version);
  if (!excel || !isSetSupported("ExcelApi", MINIMUM_EXCEL_API))
    return { kind: "outside", reason: "too-old", host };
  const run: BatchRunner = (batch) => excel.run(batch);
  return { kind: "excel", workbook: createWorkbook(run, isSetSupported) };
}

/** The ribbon's second button opens the same pane on taskpane.html?command=validate. */
export function launchCommand(search: string): "validate" | undefined {
  return new URLSearchParams(search).get("command") === "validate" ? "validate" : undefined;
}
