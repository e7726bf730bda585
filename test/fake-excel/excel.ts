import type { Coercion } from "./cell-input";
import { FakeContext, type FakeHost, type SyncRecord } from "./context";
import { FakeExcelError } from "./errors";
import { newEventRegistry } from "./events";
import { newSheet, type StoredValue, type WorkbookModel } from "./model";
import { snapshotOf, type WorkbookSnapshot } from "./snapshot";
import { FakeUser } from "./user";

export interface FakeExcelOptions {
  /**
   * The ExcelApi requirement sets the host supports: the newest one (sets are cumulative: "1.7" is Excel 2019
   * volume licence), or an explicit list for a host that claims an odd mix.
   */
  apiVersion?: string | string[];
  /** Sheets of the workbook as opened; a new workbook has one. */
  sheets?: string[];
  /** The fake does not calculate: what a formula cell's value reads as (default: empty text). */
  evaluate?: (formula: string) => StoredValue;
  userName?: string;
}

export interface FakeOfficeGlobals {
  Office: {
    onReady(): Promise<{ host: string; platform: string }>;
    context: { requirements: { isSetSupported(name: string, version?: string): boolean } };
  };
  Excel: { run: FakeExcel["run"] };
}

function minor(version: string): number {
  const m = /^1\.(\d+)$/.exec(version);
  if (!m) throw new Error(`not an ExcelApi version: ${version}`);
  return Number(m[1]);
}

/**
 * A strict in-memory Excel for the Office.js adapter: run() is Excel.run, isSetSupported is
 * Office.context.requirements.isSetSupported, snapshot() the plain state tests compare.
 */
export class FakeExcel {
  readonly host: FakeHost;
  readonly user: FakeUser;
  private runs = 0;

  constructor(options: FakeExcelOptions = {}) {
    const versions = options.apiVersion ?? "1.18";
    const supports = Array.isArray(versions)
      ? (api: string) => versions.some((v) => minor(v) === minor(api))
      : (api: string) => minor(api) <= minor(versions);
    const model: WorkbookModel = { sheets: [], names: [], activeSheetId: "", nextId: 1 };
    for (const name of options.sheets ?? ["Sheet1"]) model.sheets.push(newSheet(model, name, -1));
    model.activeSheetId = model.sheets[0]?.id ?? "";
    this.host = {
      model,
      supports,
      syncs: [],
      coercions: [],
      calls: [],
      evaluate: options.evaluate ?? (() => ""),
      userName: options.userName ?? "填报人",
      syncNumber: 0,
      events: newEventRegistry(),
      raised: [],
      handlerErrors: [],
    };
    this.user = new FakeUser(this.host);
  }

  /** Excel.run: a fresh context; anything still queued at the end is an error (never rely on an implicit flush). */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this.host, ++this.runs);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pendingOperations > 0) {
      throw new FakeExcelError(
        "InvalidOperation",
        `${ctx.pendingOperations} operations queued after the last sync()`,
      );
    }
    return result;
  };

  readonly isSetSupported = (name: string, version?: string): boolean =>
    name === "ExcelApi" && this.host.supports(version ?? "1.1");

  get syncs(): readonly SyncRecord[] {
    return this.host.syncs;
  }

  get coercions(): readonly Coercion[] {
    return this.host.coercions;
  }

  /** Names of every applied operation, in order ("DataValidation.rule", "ConditionalFormatCollection.add", ...). */
  get calls(): readonly string[] {
    return this.host.calls;
  }

  /** The syncs made while `work` ran, with their sizes. */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; syncs: SyncRecord[] }> {
    const before = this.host.syncs.length;
    const result = await work();
    return { result, syncs: this.host.syncs.slice(before) };
  }

  /**
   * Stand-ins for window.Office and window.Excel, for a page that runs the task pane on the fake
   * (inject them before office.js would load, e.g. with Playwright's addInitScript and a bundle of this fake).
   */
  globals(host = "Excel"): FakeOfficeGlobals {
    return {
      Office: {
        onReady: async () => ({ host, platform: "OfficeOnline" }),
        context: { requirements: { isSetSupported: this.isSetSupported } },
      },
      Excel: { run: this.run },
    };
  }

  /** Change events handed to handlers so far (sheet name and address), in order. */
  get raisedEvents(): readonly { sheet: string; address: string }[] {
    return this.host.raised;
  }

  /** What event handlers threw: Excel would swallow it, a test must see it. */
  get handlerErrors(): readonly unknown[] {
    return this.host.handlerErrors;
  }

  /** Lets pending change events reach their handlers (they run after the edit's turn, as in Excel). */
  async settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  snapshot(): WorkbookSnapshot {
    return snapshotOf(this.host.model);
  }
}
