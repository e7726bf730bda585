import type { Coercion } from "./cell-input";
import { FakeExcelError } from "./errors";
import type { EventRegistry } from "./events";
import type { StoredValue, WorkbookModel } from "./model";
import { FakeWorkbook } from "./workbook";

/** Excel on the web rejects a request over 5 MB (Office add-in platform limits). */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SyncRecord {
  /** Which run() the sync belonged to (1-based). */
  run: number;
  ops: number;
  /** JSON length of the queued writes and load requests: what the add-in sends. */
  requestBytes: number;
  /** JSON length of what the loads returned. */
  responseBytes: number;
  /** The error's code when the batch failed. */
  failed?: string;
}

/** What every context of one fake workbook shares. */
export interface FakeHost {
  model: WorkbookModel;
  supports(api: string): boolean;
  syncs: SyncRecord[];
  coercions: Coercion[];
  /** Every operation applied, by name ("Range.values", "DataValidation.rule", ...), in order. */
  calls: string[];
  evaluate(formula: string): StoredValue;
  userName: string;
  /** Counts syncs over the workbook's life: a sheet added in sync N can be activated from sync N+1. */
  syncNumber: number;
  /** onChanged handlers, registered by the sync after add(). */
  events: EventRegistry;
  /** Every change event handed to a handler: sheet name and address. */
  raised: { sheet: string; address: string }[];
  /** What handlers threw or rejected with (Excel swallows it; a test should not). */
  handlerErrors: unknown[];
}

export interface QueuedOp {
  name: string;
  /** ExcelApi minor version the operation needs. */
  api: string;
  describe: Record<string, unknown>;
  apply(): unknown;
}

/** Stands in for Excel.RequestContext: one per run(), queueing until sync(). */
export class FakeContext {
  private queue: QueuedOp[] = [];
  readonly workbook: FakeWorkbook;

  constructor(
    readonly host: FakeHost,
    readonly run: number,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(op: QueuedOp): void {
    this.queue.push(op);
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  requireApi(api: string, what: string): void {
    if (!this.host.supports(api)) {
      throw new FakeExcelError(
        "ApiNotFound",
        `${what} needs ExcelApi ${api}, which this host does not support`,
      );
    }
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const record: SyncRecord = {
      run: this.run,
      ops: ops.length,
      requestBytes: JSON.stringify(ops.map((op) => op.describe)).length,
      responseBytes: 0,
    };
    this.host.syncs.push(record);
    this.host.syncNumber++;
    // Resolve asynchronously, as the real round trip does, so nothing can lean on a synchronous sync.
    await Promise.resolve();
    try {
      if (record.requestBytes > REQUEST_LIMIT_BYTES) {
        throw new FakeExcelError(
          "RequestPayloadSizeLimitExceeded",
          `${record.requestBytes} bytes in one sync`,
        );
      }
      for (const op of ops) {
        this.requireApi(op.api, op.name);
        const response = op.apply();
        this.host.calls.push(op.name);
        if (response !== undefined) record.responseBytes += JSON.stringify(response).length;
      }
    } catch (err) {
      record.failed = err instanceof FakeExcelError ? err.code : "Error";
      throw err;
    }
  }
}
