import type { Lang } from "../i18n";
import { recognizeReport, ReportError, sheetNamesOf } from "../layout/recognize";
import type { SheetKey, WorkbookLayout } from "../layout/types";
import { SHEET_NAMES } from "../layout/vocabulary";
import { checkReport } from "../rules";
import { highlightPlan } from "../rules/present";
import type { Issue } from "../rules/types";
import { bundledSpecs } from "../spec";
import type { LocalizedText, Spec } from "../spec/schema";
import {
  canGroupColumns,
  canSetPageLayout,
  detectCapabilities,
  highlightDegradations,
  insertDegradations,
  messageTarget,
  reviewSheetDegradations,
  refreshDegradations,
  type RequirementCheck,
} from "./capabilities";
import { RefreshInterruptedError, WorkbookError } from "./errors";
import { HIGHLIGHT_FAILED, queueHighlightChanges, queueHighlightState, queueMessageItems } from "./highlight";
import { selectCell } from "./navigate";
import { watchReport } from "./watch";
import {
  queueFieldCells,
  queueMetadata,
  placesFor,
  queueProbe,
  queueRelocated,
  readingFrom,
  type FieldCells,
  type WorkbookProbe,
} from "./read";
import { listNameSteps, sheetSteps, type RenderFeatures, type RenderStep } from "./render";
import { queueResultsSheet } from "./results";
import { readReviewMarks, writeReviewMark } from "./review";
import type { ReviewMark } from "../round/types";
import { canonicalValues } from "../layout/choices";
import { metadataMismatchOf } from "../layout/integrity";
import type { FieldId } from "../layout/types";
import { prepareRefresh } from "../refresh/prepare";
import { additionsUnder, queueRebuild, syncInSteps, type Rebuild } from "./refresh";
import {
  ADDITIONS_WINDOW,
  additionsOf,
  queueRecovery,
  queueRefreshExtras,
  type RefreshExtras,
} from "./refresh-read";
import { KEPT_SHEET_NAME } from "../refresh/kept-sheet";
import { columnLetter } from "../layout/address";
import type {
  BatchRunner,
  Capabilities,
  InsertOutcome,
  OpenedWorkbookReport,
  RefreshOutcome,
  RefreshRequest,
  RefreshSnapshot,
  ReportWorkbook,
  ValidationOutcome,
  FieldEdits,
} from "./types";

export type { BatchRunner } from "./types";

/** A sync carries at most this much, well under Excel on the web's 5 MB request limit. */
export const SYNC_PAYLOAD_TARGET = 700_000;
/** Insert: 1 probe + up to 3 content syncs + 1 to activate = 5 at most, whatever the template's size. */
const INSERT_CONTENT_SYNCS = 3;
const NAME_BYTES = 220;

/** The task pane's workbook through Office.js: a fixed, small number of sync() calls per operation. */
export class OfficeReportWorkbook implements ReportWorkbook {
  private readonly caps: Capabilities;
  private readonly features: RenderFeatures;

  constructor(
    private readonly run: BatchRunner,
    isSetSupported: RequirementCheck,
    private readonly specs: Spec[] = bundledSpecs(),
  ) {
    this.caps = detectCapabilities(isSetSupported);
    this.features = {
      dataValidation: this.caps.dataValidation,
      conditionalFormats: this.caps.conditionalFormats,
      groupColumns: canGroupColumns(isSetSupported),
      pageLayout: canSetPageLayout(isSetSupported),
    };
  }

  capabilities(): Capabilities {
    return { ...this.caps };
  }

  /** Two syncs. A workbook without our metadata is not a report (undefined); an unreadable one throws. */
  async openReport(): Promise<OpenedWorkbookReport | undefined> {
    try {
      return await this.run(async (ctx) => {
        const probe = queueProbe(ctx);
        await ctx.sync();
        const p = probe();
        const cells = queueFieldCells(ctx, p);
        await ctx.sync();
        return (await this.opened(ctx, p, cells())).report;
      });
    } catch (err) {
      if (err instanceof ReportError && err.problem === "not-a-report") return undefined;
      throw err;
    }
  }

  /**
   * The report from what syncs 1 and 2 read. A name pointing elsewhere than its field (a label, the metadata)
   * costs one more sync, to read the field's own cell, as the file readers do; a report as made never does.
   */
  private async opened(
    ctx: Excel.RequestContext,
    probe: WorkbookProbe,
    found: FieldCells,
  ): Promise<{ report: OpenedWorkbookReport; syncs: number }> {
    const recognized = recognizeReport(found.metadata, this.specs);
    const sheetNames = sheetNamesOf(recognized.layout) as Record<SheetKey, string>;
    const places = placesFor(recognized.layout.fields, probe);
    const relocate = queueRelocated(ctx, places);
    if (relocate) await ctx.sync();
    const reading = readingFrom(recognized.layout.fields, sheetNames, probe, found, places, relocate?.());
    // Dropdown values as the rules speak them, whatever language the workbook shows them in.
    reading.values = canonicalValues(recognized.layout.fields, reading.values);
    const mismatch = metadataMismatchOf(recognized.spec, recognized.layout, found.metadata);
    if (mismatch) reading.metadataMismatch = mismatch;
    return { report: { ...recognized, reading }, syncs: relocate ? 1 : 0 };
  }

  /** At most five syncs: probe, content (split only if it would pass the payload target), activate. */
  async insertTemplate(layout: WorkbookLayout): Promise<InsertOutcome> {
    return this.run(async (ctx) => {
      const probe = queueProbe(ctx);
      await ctx.sync();
      const p = probe();
      if (p.sheets.some((s) => s.name === SHEET_NAMES.meta)) {
        const metadata = queueMetadata(ctx, p);
        await ctx.sync();
        const m = metadata() ?? {};
        return {
          status: "exists",
          report: { unitId: m.unitId ?? "", specId: m.specId ?? "", specVersion: m.specVersion ?? "" },
        };
      }
      assertRoomFor(layout, p);
      const added = layout.sheets.map((sheet, position) => {
        const ws = ctx.workbook.worksheets.add(sheet.name);
        ws.position = position;
        return ws;
      });
      const bySheet = new Map(layout.sheets.map((s, i) => [s.name, added[i]]));
      // The dropdowns' list names first: a list validation names them.
      const steps: RenderStep[] = [
        ...listNameSteps(ctx, layout, (name) => bySheet.get(name)),
        ...layout.sheets.flatMap((sheet, i) => sheetSteps(added[i], sheet, layout, this.features)),
      ];
      for (const field of layout.fields) {
        const ws = bySheet.get(field.sheetName);
        if (ws)
          steps.push({
            bytes: NAME_BYTES,
            queue: () => ctx.workbook.names.add(field.name, ws.getRange(field.cell)),
          });
      }
      let pending = 0;
      let contentSyncs = 1;
      for (const step of steps) {
        if (
          pending > 0 &&
          pending + step.bytes > SYNC_PAYLOAD_TARGET &&
          contentSyncs < INSERT_CONTENT_SYNCS
        ) {
          await ctx.sync();
          contentSyncs++;
          pending = 0;
        }
        step.queue();
        pending += step.bytes;
      }
      await ctx.sync();
      // On the web a new sheet must be synced before it is activated (office-js #5118).
      const first = layout.sheets.findIndex((s) => s.visibility === "visible");
      added[first].activate();
      await ctx.sync();
      return {
        status: "inserted",
        degraded: insertDegradations(this.caps, this.features.groupColumns, this.features.pageLayout),
      };
    });
  }

  /** Three syncs: read what validation and highlighting need (two), then repaint the highlights (one). */
  async validate(lang: Lang): Promise<ValidationOutcome> {
    return this.run(async (ctx) => {
      const probe = queueProbe(ctx);
      const messages = queueMessageItems(ctx, this.caps);
      await ctx.sync();
      const p = probe();
      const cells = queueFieldCells(ctx, p);
      const highlightState = queueHighlightState(ctx, p, messages(), this.caps);
      await ctx.sync();
      const { report } = await this.opened(ctx, p, cells());
      const issues = checkReport({
        spec: report.spec,
        profile: report.profile,
        layout: report.layout,
        reading: report.reading,
      });
      const target = messageTarget(this.caps);
      const degraded = [...highlightDegradations(this.caps), ...target.degraded];
      const plan = highlightPlan(issues, lang);
      if (queueHighlightChanges(ctx, highlightState(), plan, target.messagesOn, this.caps)) {
        try {
          await ctx.sync();
        } catch {
          degraded.push(HIGHLIGHT_FAILED);
        }
      }
      return { report, issues, messagesOn: target.messagesOn, degraded };
    });
  }

  /** Removes the add-in's highlights and messages, nothing else. At most three syncs. */
  async clearHighlights(): Promise<void> {
    await this.run(async (ctx) => {
      const probe = queueProbe(ctx);
      const messages = queueMessageItems(ctx, this.caps);
      await ctx.sync();
      const state = queueHighlightState(ctx, probe(), messages(), this.caps);
      await ctx.sync();
      if (queueHighlightChanges(ctx, state(), [], "none", this.caps)) await ctx.sync();
    });
  }

  /**
   * Rebuilds the report at the newest (or a chosen) version or profile and puts every value back by field id:
   * two syncs to read (a third only when defined names were deleted), the content, one to activate: at most six.
   */
  async refresh(request: RefreshRequest = {}): Promise<RefreshOutcome> {
    return this.run(async (ctx) => {
      const read = await this.readForRefresh(ctx);
      const { report, extras } = read;
      refuseContentBeyondReach(extras.beyondWindow);
      const { layout, plan, values, sheetAdditions, idMap, from, to } = prepareRefresh(report, {
        specs: this.specs,
        toVersion: request.toVersion,
        categories: request.categories,
        previouslyRetired: extras.retired,
        sheetCells: extras.sheetCells,
        previouslyKept: extras.kept,
      });
      const additions = additionsOf(report, extras);
      const before: RefreshSnapshot = {
        layout: report.layout,
        values,
        retired: extras.retired,
        additions,
        // Undo puts them back where they were typed: the old layout left those cells free.
        placed: {
          sheetName: KEPT_SHEET_NAME[report.layout.metadata.language],
          inPlace: sheetAdditions,
          kept: extras.kept,
        },
      };
      try {
        await this.rebuild(
          ctx,
          read.probe,
          {
            layout,
            values: plan.writes,
            retired: plan.retired,
            additions: additionsUnder(additions, idMap),
            placed: plan.additions,
          },
          REFRESH_SYNCS - read.syncs,
        );
      } catch (err) {
        throw new RefreshInterruptedError(before, err);
      }
      return {
        plan,
        recovered: read.recovered,
        from,
        to,
        degraded: refreshDegradations(this.caps, this.features.groupColumns, this.features.pageLayout),
        before,
      };
    });
  }

  /** Puts back the report as it was before a refresh: one sync to look, the content, one to activate. */
  async restore(snapshot: RefreshSnapshot): Promise<void> {
    await this.run(async (ctx) => {
      const probe = queueProbe(ctx);
      await ctx.sync();
      await this.rebuild(ctx, probe(), snapshot, REFRESH_SYNCS - 1);
    });
  }

  private async readForRefresh(ctx: Excel.RequestContext): Promise<{
    probe: WorkbookProbe;
    report: OpenedWorkbookReport;
    extras: RefreshExtras;
    recovered: FieldId[];
    syncs: number;
  }> {
    const probe = queueProbe(ctx);
    const messages = queueMessageItems(ctx, this.caps);
    await ctx.sync();
    const p = probe();
    const cells = queueFieldCells(ctx, p);
    const extrasOf = queueRefreshExtras(ctx, p, messages());
    await ctx.sync();
    const { report, syncs } = await this.opened(ctx, p, cells());
    const extras = extrasOf();
    // The field table is read for a refresh: the finding is made again with it, as the file readers make it.
    const mismatch = metadataMismatchOf(
      report.spec,
      report.layout,
      report.reading.metadata,
      extras.fieldTable,
    );
    if (mismatch) {
      // Never launder: a rebuilt report would carry the altered metadata as if it were the template's own.
      throw new WorkbookError("metadata-mismatch", mismatch.message);
    }
    const recovery = queueRecovery(ctx, report, extras, p);
    if (!recovery) return { probe: p, report, extras, recovered: [], syncs: 2 + syncs };
    await ctx.sync();
    const found = recovery();
    for (const [id, at] of found) {
      report.reading.values[id] = at.value;
      report.reading.cells[id] = { sheetName: at.sheetName, cell: at.cell };
    }
    report.reading.missingNames = report.reading.missingNames.filter((id) => !found.has(id));
    return { probe: p, report, extras, recovered: [...found.keys()], syncs: 3 + syncs };
  }

  /** Replaces the report's sheets by `rebuild` within `syncsLeft` syncs, the last one activating the cover. */
  private async rebuild(
    ctx: Excel.RequestContext,
    probe: WorkbookProbe,
    rebuild: Rebuild,
    syncsLeft: number,
  ) {
    const { steps, activate } = queueRebuild(
      ctx,
      probe,
      rebuild,
      this.features,
      messageTarget(this.caps).messagesOn,
    );
    await syncInSteps(ctx, steps, syncsLeft - 1, SYNC_PAYLOAD_TARGET);
    // On the web a new sheet must be synced before it is activated (office-js #5118).
    activate.activate();
    await ctx.sync();
  }

  /** Two syncs to start; then one per change, reading only the changed fields. */
  watch(
    report: OpenedWorkbookReport,
    listener: (edits: FieldEdits | "moved") => void,
    onError: (error: unknown) => void,
  ): Promise<() => void> {
    return watchReport(
      this.run,
      { fields: report.layout.fields, reading: report.reading },
      listener,
      onError,
    );
  }

  async selectCell(sheetName: string, cell: string): Promise<void> {
    await this.run((ctx) => selectCell(ctx, sheetName, cell));
  }

  async readReviewMarks(): Promise<ReviewMark[]> {
    return readReviewMarks(this.run);
  }

  /** Three syncs at most: the sheets, the review sheet's rows, the mark. The sheet stays where it is, unshown. */
  async writeReviewMark(
    mark: ReviewMark,
    label: string,
  ): Promise<{ marks: ReviewMark[]; degraded: LocalizedText[] }> {
    const pageLayout = this.features.pageLayout ?? false;
    const { marks, created } = await writeReviewMark(this.run, mark, label, { pageLayout });
    return { marks, degraded: created ? reviewSheetDegradations(pageLayout) : [] };
  }

  /** Four syncs: sheets, metadata, the sheet itself, then activating it (a new sheet needs a sync first). */
  async writeResultsSheet(issues: Issue[], lang: Lang): Promise<void> {
    await this.run(async (ctx) => {
      const probe = queueProbe(ctx);
      await ctx.sync();
      const p = probe();
      const metadata = queueMetadata(ctx, p);
      await ctx.sync();
      const { layout } = recognizeReport(metadata(), this.specs);
      const ws = queueResultsSheet(ctx, p, issues, layout, lang, this.features);
      await ctx.sync();
      ws.activate();
      await ctx.sync();
    });
  }
}

/** The refresh budget: two reads (a third only to recover deleted names), content, one to activate. */
const REFRESH_SYNCS = 6;

/** Content on a report sheet past what a refresh reads would be lost: say where, and write nothing. */
function refuseContentBeyondReach(sheets: string[]): void {
  if (sheets.length === 0) return;
  const { rows, columns } = ADDITIONS_WINDOW;
  const last = `${columnLetter(columns)}${rows}`;
  throw new WorkbookError("content-beyond-reach", {
    zh: `工作表“${sheets.join("、")}”在 ${last} 以外还有内容，刷新模板会重建这些工作表：请先把这些内容移到自己的工作表，再刷新。`,
    en: `The sheet "${sheets.join('", "')}" has content beyond ${last}, and a refresh rebuilds it: move that content to a sheet of your own first, then refresh.`,
  });
}

/** A workbook may already use our sheet or field names (a half-deleted report): refuse before writing anything. */
function assertRoomFor(layout: WorkbookLayout, probe: WorkbookProbe): void {
  const existing = new Set(probe.sheets.map((s) => s.name.toLowerCase()));
  const sheets = layout.sheets.filter((s) => existing.has(s.name.toLowerCase())).map((s) => s.name);
  if (sheets.length > 0) {
    throw new WorkbookError("sheet-name-taken", {
      zh: `工作簿中已有同名工作表：${sheets.join("、")}。请在新的空白工作簿中插入模板，或先重命名这些工作表。`,
      en: `The workbook already has sheets named ${sheets.join(", ")}. Insert the template into a new blank workbook, or rename those sheets first.`,
    });
  }
  const names = layout.fields.filter((f) => probe.names.has(f.name)).map((f) => f.name);
  if (names.length > 0) {
    throw new WorkbookError("name-taken", {
      zh: `工作簿中已有 ${names.length} 个填报模板使用的单元格名称，可能是删除了一半的旧报表。请在新的空白工作簿中插入模板。`,
      en: `The workbook already has ${names.length} of the template's cell names, perhaps from a half-deleted report. Insert the template into a new blank workbook.`,
    });
  }
}
