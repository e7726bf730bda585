import { MINIMUM_EXCEL_API, type RequirementCheck } from "../excel/capabilities";
import type { BatchRunner } from "../excel/office-workbook";
import { mayHoldReport } from "../excel/presence";
import type { ReportWorkbook } from "../excel/types";

/**
 * How the Office.js adapter is made: injected, so tests can fake Excel, and asynchronous, so the adapter
 * and the core behind it load after the first view has drawn.
 */
export type WorkbookFactory = (
  run: BatchRunner,
  isSetSupported: RequirementCheck,
) => ReportWorkbook | Promise<ReportWorkbook>;

/** What the pane takes from Office itself: its display language and its theme. */
export interface OfficeLook {
  /** e.g. "zh-CN", "en-US"; undefined outside Office. */
  displayLanguage?: string;
  /** Office's theme colours (Office.context.officeTheme), when the host shares them. */
  theme?: { bodyBackgroundColor?: string; bodyForegroundColor?: string };
}

export interface ExcelConnection {
  kind: "excel";
  run: BatchRunner;
  /** The adapter, made once on first use. */
  workbook(): Promise<ReportWorkbook>;
  look: OfficeLook;
}

export type HostConnection =
  | ExcelConnection
  /** no-office: office.js missing or not in an Office host; other-host: Word and the like. */
  | { kind: "outside"; reason: "no-office" | "other-host" | "too-old"; host?: string; look?: OfficeLook };

interface OfficeGlobals {
  Office?: typeof Office;
  Excel?: typeof Excel;
}

/** Office's language and theme, read defensively: older hosts lack officeTheme, a fake may lack both. */
export function officeLook(office: typeof Office | undefined): OfficeLook {
  const context = office?.context as Partial<Office.Context> | undefined;
  let theme: OfficeLook["theme"];
  try {
    const t = context?.officeTheme;
    if (t) theme = { bodyBackgroundColor: t.bodyBackgroundColor, bodyForegroundColor: t.bodyForegroundColor };
  } catch {
    theme = undefined;
  }
  return { displayLanguage: context?.displayLanguage, theme };
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
  // An onReady that throws at once rejects like one that fails later: the timer is cleared either way.
  const ready = (async () => office.onReady())();
  const info = await Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
  const host = info?.host ? String(info.host) : undefined;
  if (!host) return { kind: "outside", reason: "no-office" };
  const look = officeLook(office);
  if (host !== "Excel") return { kind: "outside", reason: "other-host", host, look };
  const excel = globals.Excel;
  const isSetSupported: RequirementCheck = (set, version) =>
    office.context.requirements.isSetSupported(set, version);
  if (!excel || !isSetSupported("ExcelApi", MINIMUM_EXCEL_API))
    return { kind: "outside", reason: "too-old", host, look };
  const run: BatchRunner = (batch) => excel.run(batch);
  let made: Promise<ReportWorkbook> | undefined;
  return {
    kind: "excel",
    run,
    workbook: () => (made ??= Promise.resolve(createWorkbook(run, isSetSupported))),
    look,
  };
}

/**
 * Where the pane starts: the host and, inside Excel, whether the open workbook may hold a report (one light
 * look, `undefined` when it failed: the full reader then looks again and says why).
 */
export interface PaneStart {
  connection: HostConnection;
  mayHoldReport?: boolean;
}

/**
 * Office's answer and the first look at the workbook, asked for as soon as the pane's script runs: they then
 * overlap React's first render instead of waiting for it (an effect would ask only after the first paint).
 */
export async function startPane(
  createWorkbook: WorkbookFactory,
  globals: OfficeGlobals = globalThis as OfficeGlobals,
): Promise<PaneStart> {
  const connection = await connectToExcel(createWorkbook, globals).catch((): HostConnection => ({
    kind: "outside",
    reason: "no-office",
  }));
  if (connection.kind !== "excel") return { connection };
  return { connection, mayHoldReport: await mayHoldReport(connection.run).catch(() => undefined) };
}

/** The ribbon's second button opens the same pane on taskpane.html?command=validate. */
export function launchCommand(search: string): "validate" | undefined {
  return new URLSearchParams(search).get("command") === "validate" ? "validate" : undefined;
}
