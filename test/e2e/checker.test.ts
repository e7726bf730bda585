/**
 * The browser checker (dist/checker.html), production build, in headless Chromium: a sample with defects made
 * by the command line is opened in the page and must show the very problems `ip-report validate --json`
 * finds; its marked copy, downloaded, is read back by `validate` and by openpyxl; a blank template made in the
 * page is a report `validate` recognises. A report filled on the older guideline version (2019.1.0) is offered
 * the copy on the newest template, which keeps every value by field id and is what `ip-report refresh` makes; a
 * current report is not. No request leaves the page's origin, axe finds nothing, the page works from a file on
 * disk, tells a too-old browser so, and keeps ExcelJS out of its first scripts.
 */
import { parse } from "acorn";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import type { ValidateEntry } from "../../src/cli/commands/validate";
import type { CellValue, FieldId } from "../../src/layout/types";
import { readReport, type ReadReport } from "../../src/reader";
import { RETIRED_SHEET_NAME } from "../../src/refresh/retired";
import type { Issue } from "../../src/rules";
import { bundledSpec, bundledSpecs } from "../../src/spec";
import { problemsOf } from "../../src/taskpane/navigator/problems";
import { describeConformance } from "../helpers/conformance";
import { convertAsOpened, CSV_ALL_SHEETS_AS_SHOWN, sheetCsvPath } from "../helpers/libreoffice";
import { ooxmlProblems } from "../helpers/ooxml-conformance";
import { jargonIn } from "../helpers/clerk-words";
import { SPEC_2019_ID } from "../helpers/specs";
import { runPython, tempDir } from "../helpers/tools";
import { describeInChromium } from "./support/browser";
import { ROOT } from "./support/build";
import { initialJsGzipBytes, initialScripts } from "./support/budget";
import { checkerScreenshot, openChecker, startCheckerHarness, type CheckerHarness } from "./support/checker";
import { axeViolations } from "./support/in-page";

export const CHECKER_INITIAL_JS_BUDGET_KB = 150;
const BIN = join(ROOT, "bin", "ip-report.js");

function cli(args: string[]): string {
  try {
    return execFileSync(process.execPath, [BIN, ...args], {
      encoding: "utf8",
      env: { ...process.env, LANG: "zh_CN.UTF-8" },
    });
  } catch (err) {
    // validate exits 1 when it finds errors: its output is still the answer.
    const out = (err as { stdout?: string }).stdout;
    if (typeof out === "string" && out.length > 0) return out;
    throw err;
  }
}

function validateJson(file: string): ValidateEntry {
  const entries = JSON.parse(cli(["validate", "--json", file])) as ValidateEntry[];
  expect(entries).toHaveLength(1);
  return entries[0];
}

function issuesOf(entry: ValidateEntry): Issue[] {
  if ("error" in entry) throw new Error(`validate could not read ${entry.file}: ${entry.error.message.en}`);
  return entry.issues;
}

/** What the page shows of each problem, in its order. */
async function shownProblems(page: Page): Promise<{ key: string; cell: string | null; message: string }[]> {
  return page.getByTestId("problem").evaluateAll((rows) =>
    rows.map((row) => ({
      key: row.getAttribute("data-key") ?? "",
      cell: row.getAttribute("data-cell"),
      message: row.querySelector('[data-testid="problem-message"]')?.textContent ?? "",
    })),
  );
}

/** What the page must show for these issues: the pane's navigator model over the command line's issues. */
function expectedProblems(issues: Issue[]) {
  return problemsOf(issues).map((p) => ({
    key: p.key,
    cell: p.at ? `${p.at.sheetName}!${p.at.cell}` : null,
    message: p.message.zh,
  }));
}

async function openFile(page: Page, file: string): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByTestId("navigator").waitFor({ timeout: 60_000 });
}

async function download(page: Page, testId: string, dir: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** The older and the newest bundled version of the 2019 guideline: a refresh moves a report across. */
const OLDER = "2019.1.0";
const NEWEST = "2019.2.0";

/** A workbook as the report reader (the page's own) sees it, with every bundled version known. */
function readBack(file: string): ReadReport {
  return readReport(new Uint8Array(readFileSync(file)), bundledSpecs(), file);
}

/** The values a clerk entered, by field id (empty cells left out: a refresh has nothing to keep there). */
function enteredValues(report: ReadReport): Record<FieldId, CellValue> {
  return Object.fromEntries(
    Object.entries(report.reading.values).filter(([, v]) => v !== null && v !== undefined && v !== ""),
  );
}

/** The retired-fields sheet as openpyxl reads it: field id → value, as text. */
function retiredSheet(file: string): Record<FieldId, string> {
  return runPython(
    `import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]] if sys.argv[2] in wb.sheetnames else None
rows = [] if ws is None else list(ws.iter_rows(min_row=2, values_only=True))
print(json.dumps({r[0]: str(r[2]) for r in rows if r[0]}, ensure_ascii=False))`,
    [file, RETIRED_SHEET_NAME],
  ) as Record<FieldId, string>;
}

describeInChromium("browser checker in Chromium (production build)", () => {
  let harness: CheckerHarness;
  let dir: string;
  let sample: string;
  let cliIssues: Issue[];

  beforeAll(async () => {
    dir = tempDir("checker-e2e-");
    sample = join(dir, "江苏-有缺陷.xlsx");
    cli(["sample", "--province", "江苏", "--defects", "some", "--out", sample]);
    cliIssues = issuesOf(validateJson(sample));
    harness = await startCheckerHarness("e2e-checker");
  }, 900_000);

  afterAll(async () => {
    await harness?.close();
  });

  it(`keeps its first scripts within ${CHECKER_INITIAL_JS_BUDGET_KB} KB gzipped, with no ExcelJS in them`, () => {
    const scripts = initialScripts(harness.dist, "checker.html");
    expect(scripts.length).toBeGreaterThan(0);
    expect(initialJsGzipBytes(harness.dist, "checker.html")).toBeLessThanOrEqual(
      CHECKER_INITIAL_JS_BUDGET_KB * 1024,
    );
    for (const src of scripts) {
      const code = readFileSync(join(harness.dist, src), "utf8");
      expect(code).not.toMatch(/exceljs|ExcelJS/);
      // The rules engine loads with the first workbook: its words are not in the first scripts.
      expect(code).not.toContain("为本省必做任务，请填写状态");
    }
  });

  it("is ES2017 throughout, its libraries too (the Chromium cores of 360 and QQ browsers)", () => {
    const scripts = readdirSync(join(harness.dist, "checker")).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(3);
    for (const file of scripts) {
      const code = readFileSync(join(harness.dist, "checker", file), "utf8");
      expect(() => parse(code, { ecmaVersion: 2017, sourceType: "script" })).not.toThrow();
    }
    // The inline check is ES5, for the browsers it is there to turn away.
    const html = readFileSync(join(harness.dist, "checker.html"), "utf8");
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(() => parse(inline, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  it("allows no connection beyond its origin and no inline script but its hashed browser check", () => {
    const html = readFileSync(join(harness.dist, "checker.html"), "utf8");
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    const directives = new Map(
      csp.split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    const scriptSrc = directives.get("script-src") ?? [];
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    const hash = `'sha256-${createHash("sha256").update(inline[0]).digest("base64")}'`;
    expect(scriptSrc).toEqual(["'self'", hash]);
  });

  it("shows the same problems as validate --json for a sample with defects, with nothing sent anywhere", async () => {
    expect(cliIssues.length).toBeGreaterThan(0);
    expect(cliIssues.some((i) => i.cell)).toBe(true);
    const { page, requests, errors } = await openChecker(harness);
    await checkerScreenshot(page, "checker-00-empty-1366");
    await openFile(page, sample);
    expect(await shownProblems(page)).toEqual(expectedProblems(cliIssues));
    expect(await page.getByTestId("fact-unit").textContent()).toContain("江苏");
    await checkerScreenshot(page, "checker-01-report-1366");
    await page.getByTestId("next").click();
    await page.getByTestId("current-problem").waitFor();
    await checkerScreenshot(page, "checker-02-current-1366");
    expect(await axeViolations(page)).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(harness.server.origin))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("is read at 360 px wide, in English too", async () => {
    const { page, errors } = await openChecker(harness, { viewport: { width: 360, height: 800 } });
    await checkerScreenshot(page, "checker-10-empty-360", true);
    await openFile(page, sample);
    await checkerScreenshot(page, "checker-11-report-360", true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId("switch-language").click();
    await page.getByText("Report overview").waitFor();
    expect(await page.getByTestId("navigator-summary").textContent()).toMatch(/problems/);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await shownProblems(page)).toEqual(
      expectedProblems(cliIssues).map((p, i) => ({ ...p, message: problemsOf(cliIssues)[i].message.en })),
    );
    await checkerScreenshot(page, "checker-12-report-360-en", true);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("downloads a marked copy that validate and openpyxl read, with the same problems", async () => {
    const { page, requests, errors } = await openChecker(harness);
    await openFile(page, sample);
    const copy = await download(page, "download-annotated", dir);
    expect(copy.endsWith("-标注.xlsx")).toBe(true);
    const entry = validateJson(copy);
    const again = issuesOf(entry);
    expect(again.map((i) => [i.ruleId, i.cell])).toEqual(cliIssues.map((i) => [i.ruleId, i.cell]));
    // An independent reader: openpyxl loads it and finds the problem cells' notes.
    const noted = runPython(
      `import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([f"{ws.title}!{c.coordinate}" for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.comment]))`,
      [copy],
    ) as string[];
    const cells = cliIssues.filter((i) => i.cell).map((i) => `${i.cell!.sheetName}!${i.cell!.cell}`);
    expect(noted.length).toBeGreaterThan(0);
    for (const cell of noted) expect(cells).toContain(cell);
    expect(
      requests.filter((url) => !url.startsWith(harness.server.origin) && !url.startsWith("blob:")),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("opens a workbook dropped on the page", async () => {
    const { page } = await openChecker(harness);
    const bytes = readFileSync(sample).toString("base64");
    const dataTransfer = await page.evaluateHandle((b64) => {
      const raw = atob(b64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], "dropped.xlsx"));
      return transfer;
    }, bytes);
    await page.dispatchEvent('[data-testid="open-zone"]', "drop", { dataTransfer });
    await page.getByTestId("navigator").waitFor();
    expect(await page.getByTestId("opened").textContent()).toContain("dropped.xlsx");
    expect(await shownProblems(page)).toEqual(expectedProblems(cliIssues));
    await page.context().close();
  });

  it("says in one line why a file that is not a report cannot be opened", async () => {
    const { page, errors } = await openChecker(harness);
    const bogus = join(dir, "不是报表.xlsx");
    writeFileSync(bogus, "this is not a workbook");
    await page.getByTestId("file-input").setInputFiles(bogus);
    const failed = page.getByTestId("open-failed");
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/^无法打开 不是报表\.xlsx：/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("makes a blank template for a province that validate recognises", async () => {
    const { page, requests } = await openChecker(harness);
    await page.getByTestId("open-template").click();
    await page.getByTestId("province").fill("浙江");
    await page.getByRole("option", { name: /浙江/ }).first().click();
    const template = await download(page, "insert", dir);
    const entry = validateJson(template);
    if ("error" in entry) throw new Error(entry.error.message.en);
    expect(entry.province).toBe("浙江省");
    expect(entry.summary.error).toBeGreaterThan(0); // blank: the required fields are missing
    expect(
      requests.filter((url) => !url.startsWith(harness.server.origin) && !url.startsWith("blob:")),
    ).toEqual([]);
    await checkerScreenshot(page, "checker-20-template-1366");
    await page.context().close();
  });

  it("works from a file on disk (a shared folder)", async () => {
    const { page, requests, errors } = await openChecker(harness, { from: "file" });
    await openFile(page, sample);
    expect(await shownProblems(page)).toEqual(expectedProblems(cliIssues));
    const copy = await download(page, "download-annotated", tempDir("checker-file-"));
    expect(issuesOf(validateJson(copy)).length).toBe(cliIssues.length);
    expect(
      requests.filter((url) => !url.startsWith(`file://${harness.dist}/`) && !url.startsWith("blob:")),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  describe(`a report filled on version ${OLDER}, with ${NEWEST} bundled`, () => {
    let older: string;
    let cliRefreshed: string;
    /** The migration's retired fields: their values go to the retired-fields sheet, not to a field. */
    let retiredIds: FieldId[];
    let refreshed: Promise<{ file: string; duringDownload: string[] }> | undefined;

    beforeAll(() => {
      // The project's own writer at the older version: the bundled spec file that version is registered from.
      older = join(dir, `江苏-${OLDER}.xlsx`);
      const specFile = join(ROOT, "src", "spec", "specs", "cnipa-ip-hqd-2019.json");
      // trademark-review-center: its province reports 商标注册审查周期, which the newer version retires.
      cli([
        "sample",
        "--spec",
        specFile,
        "--province",
        "江苏",
        "--profile",
        "trademark-review-center,ip-protection-center",
        "--out",
        older,
      ]);
      expect(readBack(older).spec.specVersion).toBe(OLDER);
      cliRefreshed = join(dir, `江苏-${OLDER}-命令行刷新.xlsx`);
      cli(["refresh", older, "--out", cliRefreshed]);
      const migration = bundledSpec(SPEC_2019_ID, NEWEST).migrations.find((m) => m.fromVersion === OLDER);
      retiredIds = migration?.retired ?? [];
    }, 120_000);

    /** Opens the older report at 1366 px and downloads its refreshed copy once, for every test that needs it. */
    function refreshedCopy(): Promise<{ file: string; duringDownload: string[] }> {
      refreshed ??= (async () => {
        const { page, requests, errors } = await openChecker(harness);
        await openFile(page, older);
        const before = requests.length;
        const file = await download(page, "download-refreshed", tempDir("checker-refreshed-"));
        await page.getByTestId("refresh-summary").waitFor();
        const duringDownload = requests.slice(before);
        expect(errors).toEqual([]);
        await page.context().close();
        return { file, duringDownload };
      })();
      return refreshed;
    }

    it("offers the copy on the new template and says from which version to which", async () => {
      const { page, errors } = await openChecker(harness);
      await openFile(page, older);
      expect(await page.getByTestId("download-refreshed").isVisible()).toBe(true);
      expect(await page.getByTestId("refresh-current").count()).toBe(0);
      expect(await page.getByTestId("fact-spec").textContent()).toContain(`${OLDER}（本页有新版 ${NEWEST}）`);
      const hint = (await page.getByTestId("refreshed-hint").textContent()) ?? "";
      expect(hint).toBe(
        `本文件按任务清单 ${OLDER} 版填写，本页带有新版 ${NEWEST}：副本换用新版模板，已填写的内容全部搬入；原文件不变。`,
      );
      await checkerScreenshot(page, "checker-30-refresh-offered-1366");
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("download-refreshed").click(),
      ]);
      expect(file.suggestedFilename()).toBe(`江苏-${OLDER}-新版.xlsx`);
      const summary = page.getByTestId("refresh-summary");
      await summary.waitFor();
      expect(await summary.getByRole("heading").first().textContent()).toBe("新版模板副本说明");
      expect(await page.getByTestId("download-saved").textContent()).toBe(`已下载：江苏-${OLDER}-新版.xlsx`);
      expect(await page.getByTestId("refresh-spec-version").textContent()).toBe(`${OLDER} → ${NEWEST}`);
      // The values the new version has no place for are named, with the sheet they went to.
      const retiredShown = (await page.getByTestId("refresh-retired").textContent()) ?? "";
      expect(retiredShown).toContain(`已移入“${RETIRED_SHEET_NAME}”工作表`);
      expect(retiredShown).toContain("商标注册审查周期2019年实际值");
      // Clerk words: the versions and the labels, never a field id or a command.
      expect(jargonIn(await page.getByTestId("report").innerText())).toEqual([]);
      await summary.scrollIntoViewIfNeeded();
      await checkerScreenshot(page, "checker-31-refreshed-1366");
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it("keeps every value the clerk entered, by field id, as the command line's refresh does", async () => {
      const { file, duringDownload } = await refreshedCopy();
      const before = readBack(older);
      const after = readBack(file);
      expect(after.spec.specVersion).toBe(NEWEST);
      expect(after.reading.metadata?.specVersion).toBe(NEWEST);
      expect(after.profile).toEqual(before.profile);

      const entered = enteredValues(before);
      const kept = enteredValues(after);
      const retired = retiredSheet(file);
      const movedAside = Object.keys(entered).filter((id) => retiredIds.includes(id));
      // The profile reports a retired target: the test walks both paths, not only the easy one.
      expect(movedAside.length).toBeGreaterThan(0);
      expect(Object.keys(entered).length).toBeGreaterThan(100);
      for (const [id, value] of Object.entries(entered)) {
        if (retiredIds.includes(id)) expect([id, retired[id]]).toEqual([id, String(value)]);
        else expect([id, kept[id]]).toEqual([id, value]);
      }
      // And nothing the clerk did not enter: every value in the copy was in the report.
      expect(Object.keys(kept).sort()).toEqual(
        Object.keys(entered)
          .filter((id) => !retiredIds.includes(id))
          .sort(),
      );
      expect(Object.keys(retired).sort()).toEqual([...movedAside].sort());
      // The command line's refresh of the same file holds the same values.
      expect(kept).toEqual(enteredValues(readBack(cliRefreshed)));

      // Only the page's own scripts and the blob: of the download while it was made.
      expect(duringDownload.length).toBeGreaterThan(0);
      expect(
        duringDownload.filter((url) => !url.startsWith(harness.server.origin) && !url.startsWith("blob:")),
      ).toEqual([]);
    });

    it("is a report validate and info read at the new version, with the command line's findings", async () => {
      const { file } = await refreshedCopy();
      const info = JSON.parse(cli(["info", "--json", file])) as {
        specVersion: string;
        structureIntact: boolean;
      };
      expect(info.specVersion).toBe(NEWEST);
      expect(info.structureIntact).toBe(true);
      const entry = validateJson(file);
      if ("error" in entry) throw new Error(entry.error.message.en);
      expect(entry.province).toBe("江苏省");
      const ofCli = issuesOf(validateJson(cliRefreshed));
      expect(issuesOf(entry).map((i) => [i.ruleId, i.fieldId, i.cell])).toEqual(
        ofCli.map((i) => [i.ruleId, i.fieldId, i.cell]),
      );
    });

    it("opens in LibreOffice with the values in their cells and on the retired-fields sheet", async () => {
      const { file } = await refreshedCopy();
      const out = tempDir("checker-refreshed-lo-");
      convertAsOpened([file], out, CSV_ALL_SHEETS_AS_SHOWN);
      const after = readBack(file);
      const cover = readFileSync(sheetCsvPath(out, file, after.layout.sheets[0].name), "utf8");
      expect(cover).toContain("江苏省");
      expect(cover).toContain(String(after.reading.values["cover.contact"]));
      const retired = readFileSync(sheetCsvPath(out, file, RETIRED_SHEET_NAME), "utf8");
      for (const id of Object.keys(retiredSheet(file))) expect(retired).toContain(id);
    });

    // Skipped without ../shared (the schemas are not ours to copy), required under CI: describeConformance.
    describeConformance("the package conformance check (ECMA-376 schemas)", "ooxml", (schemas) => {
      it("passes it", async () => {
        const { file } = await refreshedCopy();
        expect(await ooxmlProblems(file, schemas)).toEqual([]);
      });
    });

    it("is offered and explained at 360 px wide, in English too", async () => {
      const { page, errors } = await openChecker(harness, { viewport: { width: 360, height: 800 } });
      await openFile(page, older);
      await page.getByTestId("download-refreshed").scrollIntoViewIfNeeded();
      await checkerScreenshot(page, "checker-32-refresh-offered-360", true);
      await download(page, "download-refreshed", tempDir("checker-refreshed-360-"));
      await page.getByTestId("refresh-summary").waitFor();
      await checkerScreenshot(page, "checker-33-refreshed-360", true);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId("switch-language").click();
      await page.getByText("About the copy on the new template").waitFor();
      expect(await page.getByTestId("refreshed-hint").textContent()).toBe(
        `This file was filled in on guideline version ${OLDER}; this page carries the newer ${NEWEST}: the copy is on the new template, with everything entered moved into it; the original file is not changed.`,
      );
      expect(jargonIn(await page.getByTestId("report").innerText())).toEqual([]);
      await checkerScreenshot(page, "checker-34-refreshed-360-en", true);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it(`offers no refreshed copy of a report already on ${NEWEST}, and says it is current`, async () => {
      expect(readBack(sample).spec.specVersion).toBe(NEWEST);
      const { page, errors } = await openChecker(harness);
      await openFile(page, sample);
      expect(await page.getByTestId("download-annotated").isVisible()).toBe(true);
      expect(await page.getByTestId("download-refreshed").count()).toBe(0);
      expect(await page.getByTestId("refreshed-hint").count()).toBe(0);
      expect(await page.getByTestId("fact-spec").textContent()).toContain(`${NEWEST}（已是最新）`);
      expect(await page.getByTestId("refresh-current").textContent()).toBe(
        `本文件已是本页所带的最新版任务清单（${NEWEST}），无需换用新版模板。`,
      );
      expect(errors).toEqual([]);
      await page.context().close();
    });
  });

  it("tells a browser too old for it so, in both languages", async () => {
    const { page } = await openChecker(harness, { init: "delete Object.entries;" });
    const message = page.locator("#browser-too-old");
    await message.waitFor();
    expect(await message.textContent()).toContain("此浏览器版本过旧");
    expect(await message.textContent()).toContain("This browser is too old");
    await page.context().close();
  });
});
