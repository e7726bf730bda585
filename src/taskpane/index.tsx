import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { launchCommand, type WorkbookFactory } from "./host";

/** The Office.js adapter, and the core behind it, load after the first view (a chunk of their own). */
const createWorkbook: WorkbookFactory = async (run, isSetSupported) => {
  const { OfficeReportWorkbook } = await import(/* webpackChunkName: "adapter" */ "../excel/office-workbook");
  return new OfficeReportWorkbook(run, isSetSupported);
};

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App createWorkbook={createWorkbook} command={launchCommand(window.location.search)} />
    </StrictMode>,
  );
}
