import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { launchCommand, startPane, type PaneStart, type WorkbookFactory } from "./host";
import { loadEngine } from "./useReportSession";

/** The Office.js adapter, and the core behind it, load after the first view (a chunk of their own). */
const createWorkbook: WorkbookFactory = async (run, isSetSupported) => {
  const { OfficeReportWorkbook } = await import(/* webpackChunkName: "adapter" */ "../excel/office-workbook");
  return new OfficeReportWorkbook(run, isSetSupported);
};

/**
 * How long the pane waits for Office's answer before it draws its frame with a spinner. A quicker answer
 * goes straight to the view the clerk acts on: drawing the spinner first costs a whole render and layout of
 * the pane (Fluent's first styles, fonts) that the view then waits behind, for a spinner that only flickers.
 */
const SPINNER_AFTER_MS = 200;

const container = document.getElementById("root");
if (container) {
  const starting = startPane(createWorkbook);
  const root = createRoot(container);
  const show = (known?: PaneStart) =>
    root.render(
      <StrictMode>
        <App starting={starting} known={known} command={launchCommand(window.location.search)} />
      </StrictMode>,
    );
  let shown = false;
  const timer = setTimeout(() => {
    shown = true;
    show();
  }, SPINNER_AFTER_MS);
  void starting.then((known) => {
    // A report to open needs the adapter and the core: fetch them now, while React draws, not after.
    if (known.connection.kind === "excel" && known.mayHoldReport !== false) {
      void known.connection.workbook().catch(() => undefined);
      void loadEngine().catch(() => undefined);
    }
    if (shown) return;
    clearTimeout(timer);
    show(known);
  });
}
