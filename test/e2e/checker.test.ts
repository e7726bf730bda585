/**
 * The browser checker (dist/checker.html), production build, in headless Chromium: a sample with defects made
 * by the command line is opened in the page and must show the very problems `ip-report validate --json`
 * finds; its marked copy, downloaded, is read back by `validate` and by openpyxl; a blank template made in the
 * page is a report `validate` recognises. No request leaves the page's origin, axe finds nothing, the page
 * works from a file on disk, tells a too-old browser so, and keeps ExcelJS out of its first scripts.
 */
import { parse } from "acorn";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import type { ValidateEntry } from "../../src/cli/commands/validate";
import type { Issue } from "../../src/rules";
import { problemsOf } from "../../src/taskpane/navigator/problems";
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

  it("tells a browser too old for it so, in both languages", async () => {
    const { page } = await openChecker(harness, { init: "delete Object.entries;" });
    const message = page.locator("#browser-too-old");
    await message.waitFor();
    expect(await message.textContent()).toContain("此浏览器版本过旧");
    expect(await message.textContent()).toContain("This browser is too old");
    await page.context().close();
  });
});
