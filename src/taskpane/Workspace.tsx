import { useMemo } from "react";
import type { ReportWorkbook } from "../excel/types";
import type { Lang } from "../i18n";
import { newestOf } from "../refresh/versions";
import { bundledSpecs, latestSpec } from "../spec";
import { FillerView } from "./FillerView";
import { ReportView } from "./ReportView";
import { StatusBars } from "./StatusBars";
import { useReportSession } from "./useReportSession";

export interface WorkspaceProps {
  workbook: ReportWorkbook;
  command: "validate" | undefined;
  lang: Lang;
}

/** Inside Excel: the filler's setup while the workbook holds no report, the report view once it does. */
export function Workspace({ workbook, command, lang }: WorkspaceProps) {
  const session = useReportSession(workbook, command, lang);
  const { state } = session;
  const spec = useMemo(() => latestSpec(), []);
  const busy = state.busy !== undefined;
  return (
    <>
      <StatusBars lang={lang} state={state} onDismiss={session.dismiss} />
      {state.phase === "filler" && (
        <FillerView
          spec={spec}
          lang={lang}
          busy={busy}
          exists={state.exists}
          onInsert={session.insert}
          onRefresh={() => session.refresh()}
        />
      )}
      {state.phase === "report" && state.report && (
        <ReportView
          lang={lang}
          busy={busy}
          report={state.report}
          validation={state.validation}
          refreshSpec={newestOf(bundledSpecs(), state.report.spec.specId) ?? state.report.spec}
          refreshed={state.refreshed}
          undo={state.undo}
          onValidate={() => session.validate(lang)}
          onWriteResults={() => session.writeResults(lang)}
          onClearHighlights={session.clearHighlights}
          onGoTo={session.goTo}
          onRefresh={(categories) => session.refresh(categories ? { categories } : undefined)}
          onUndoRefresh={(discardEdits) => session.undoRefresh({ discardEdits })}
          onKeepEdits={session.keepEdits}
          onCloseRefreshSummary={session.closeRefreshSummary}
        />
      )}
    </>
  );
}
