import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { OfficeReportWorkbook } from "../excel/office-workbook";
import { App } from "./App";
import { launchCommand, type WorkbookFactory } from "./host";

const createWorkbook: WorkbookFactory = (run, isSetSupported) =>
  new OfficeReportWorkbook(run, isSetSupported);

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App createWorkbook={createWorkbook} command={launchCommand(window.location.search)} />
    </StrictMode>,
  );
}
