/**
 * Browser entry for the end-to-end tests: stands a strict fake Excel in for the real host, so the production
 * build of the pane runs unchanged. Loaded with Playwright's addInitScript before the pane's own scripts;
 * office.js itself is blocked. window.__fakeExcelOptions (set by an earlier init script) picks the host.
 */
import { FakeExcel, type FakeExcelOptions } from "../fake-excel";

interface FakeHostWindow {
  __fakeExcelOptions?: FakeExcelOptions;
  __fakeExcel?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
}

const w = globalThis as unknown as FakeHostWindow;
const fake = new FakeExcel(w.__fakeExcelOptions ?? {});
w.__fakeExcel = fake;
w.Excel = { run: fake.run };
w.Office = {
  HostType: { Excel: "Excel" },
  onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
  context: { requirements: { isSetSupported: fake.isSetSupported } },
};
