import type { ReportWorkbook } from "../../src/excel/types";
import {
  connectToExcel,
  launchCommand,
  officeLook,
  startPane,
  type WorkbookFactory,
} from "../../src/taskpane/host";

const workbook = { marker: "workbook" } as unknown as ReportWorkbook;

function officeWith(host: string | null, supported = (_set: string, _version: string) => true) {
  return {
    onReady: () => Promise.resolve({ host, platform: null }),
    context: { requirements: { isSetSupported: supported } },
  } as unknown as typeof Office;
}

describe("connectToExcel: where the pane runs", () => {
  const excel = {
    run: jest.fn((batch: (c: unknown) => Promise<unknown>) => batch("ctx")),
  } as unknown as typeof Excel;

  it("says 'outside' when office.js never loaded (a plain browser, the CDN blocked)", async () => {
    const factory = jest.fn<ReportWorkbook, Parameters<WorkbookFactory>>();
    await expect(connectToExcel(factory, {})).resolves.toEqual({ kind: "outside", reason: "no-office" });
    expect(factory).not.toHaveBeenCalled();
  });

  it("says 'outside' when office.js is there but the page is not in Office (host null)", async () => {
    await expect(connectToExcel(() => workbook, { Office: officeWith(null), Excel: excel })).resolves.toEqual(
      {
        kind: "outside",
        reason: "no-office",
      },
    );
  });

  it("names another Office app", async () => {
    await expect(connectToExcel(() => workbook, { Office: officeWith("Word") })).resolves.toMatchObject({
      kind: "outside",
      reason: "other-host",
      host: "Word",
    });
  });

  it("refuses an Excel below ExcelApi 1.7 (volume-licensed Excel 2016) with its own reason", async () => {
    const office = officeWith(
      "Excel",
      (set, version) => set === "ExcelApi" && Number(version.split(".")[1]) <= 1,
    );
    await expect(connectToExcel(() => workbook, { Office: office, Excel: excel })).resolves.toMatchObject({
      kind: "outside",
      reason: "too-old",
    });
  });

  it("hands Excel.run and isSetSupported to the workbook factory in Excel 2019 and newer, on first use only", async () => {
    const supported = jest.fn(
      (set: string, version: string) => set === "ExcelApi" && Number(version.split(".")[1]) <= 7,
    );
    let given: Parameters<WorkbookFactory> | undefined;
    const connection = await connectToExcel(
      (...args) => {
        given = args;
        return workbook;
      },
      { Office: officeWith("Excel", supported), Excel: excel },
    );
    if (connection.kind !== "excel") throw new Error("not connected");
    // The adapter (and the core behind it) is made when first needed, not before the first view.
    expect(given).toBeUndefined();
    await expect(connection.workbook()).resolves.toBe(workbook);
    await expect(connection.workbook()).resolves.toBe(workbook);
    expect(given?.[1]("ExcelApi", "1.8")).toBe(false);
    expect(given?.[1]("ExcelApi", "1.7")).toBe(true);
    await expect(given?.[0](async (ctx) => `ran with ${String(ctx)}`)).resolves.toBe("ran with ctx");
  });

  it("gives up waiting for an onReady that never comes", async () => {
    const office = { onReady: () => new Promise(() => undefined) } as unknown as typeof Office;
    await expect(connectToExcel(() => workbook, { Office: office }, 20)).resolves.toEqual({
      kind: "outside",
      reason: "no-office",
    });
  });
});

describe("startPane: Office's answer and the first look, before the first render", () => {
  const withSheets = (names: string[], visibility = "Visible") =>
    ({
      run: (batch: (c: unknown) => Promise<unknown>) =>
        batch({
          workbook: { worksheets: { load: () => ({ items: names.map((name) => ({ name, visibility })) }) } },
          sync: () => Promise.resolve(),
        }),
    }) as unknown as typeof Excel;

  it("says whether the open workbook may hold a report, in one look", async () => {
    const empty = await startPane(() => workbook, {
      Office: officeWith("Excel"),
      Excel: withSheets(["Sheet1"]),
    });
    expect(empty).toMatchObject({ connection: { kind: "excel" }, mayHoldReport: false });
    const hidden = await startPane(() => workbook, {
      Office: officeWith("Excel"),
      Excel: withSheets(["x"], "VeryHidden"),
    });
    expect(hidden.mayHoldReport).toBe(true);
  });

  it("leaves the look undecided when it fails (the full reader says why), and does not look outside Excel", async () => {
    const failing = { run: () => Promise.reject(new Error("busy")) } as unknown as typeof Excel;
    const start = await startPane(() => workbook, { Office: officeWith("Excel"), Excel: failing });
    expect(start.connection.kind).toBe("excel");
    expect(start.mayHoldReport).toBeUndefined();
    await expect(startPane(() => workbook, { Office: officeWith("Word") })).resolves.toEqual({
      connection: expect.objectContaining({ kind: "outside", reason: "other-host" }),
    });
  });

  it("says 'outside' when office.js throws instead of answering", async () => {
    const office = {
      onReady: () => {
        throw new Error("broken");
      },
    } as unknown as typeof Office;
    await expect(startPane(() => workbook, { Office: office })).resolves.toEqual({
      connection: { kind: "outside", reason: "no-office" },
    });
  });
});

describe("officeLook: Office's display language and theme", () => {
  it("reads both when the host shares them, and neither when it does not", () => {
    const office = {
      context: {
        displayLanguage: "en-US",
        officeTheme: { bodyBackgroundColor: "#1f1f1f", bodyForegroundColor: "#ffffff" },
      },
    } as unknown as typeof Office;
    expect(officeLook(office)).toEqual({
      displayLanguage: "en-US",
      theme: { bodyBackgroundColor: "#1f1f1f", bodyForegroundColor: "#ffffff" },
    });
    expect(officeLook({ context: {} } as unknown as typeof Office)).toEqual({
      displayLanguage: undefined,
      theme: undefined,
    });
  });
});

describe("launchCommand", () => {
  it("recognises the ribbon's validate button, and only it", () => {
    expect(launchCommand("?command=validate")).toBe("validate");
    expect(launchCommand("?_host_Info=Excel$Win32$16.01$zh-CN&command=validate")).toBe("validate");
    expect(launchCommand("")).toBeUndefined();
    expect(launchCommand("?command=format-c")).toBeUndefined();
  });
});
