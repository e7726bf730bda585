/**
 * Hostile workbooks never crash or hang a command (issue 11). Every case of the corpus (test/hostile/corpus.ts)
 * goes through every command that reads a workbook, each in its own process, measured by /usr/bin/time:
 * the command either reads the file as it is (exit 0 or 1) or refuses it in one localized line (exit 2),
 * within MEMORY_BOUND_MB of peak memory and TIME_BOUND_S seconds. A batch of 32 good files with each hostile
 * file among them still validates the 32.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { writeRound } from "../../bench/validate";
import { HOSTILE_CASES, makeFifo, makeHostileCorpus, type HostileCase } from "./corpus";
import { tempDir } from "../helpers/tools";
import { MEMORY_BOUND_MB, runMeasured, TIME_BOUND_S } from "./measured";

const run = (args: string[]) => runMeasured(dir, args);

type Command = "validate" | "annotate" | "info" | "fields" | "refresh";
const COMMANDS: Command[] = ["validate", "annotate", "info", "fields", "refresh"];

function argsFor(command: Command, file: string): string[] {
  const out = join(dir, `out-${command}.xlsx`);
  rmSync(out, { force: true });
  switch (command) {
    case "annotate":
      return ["validate", file, "--annotate", out];
    case "refresh":
      return ["refresh", file, "--out", out];
    default:
      return [command, file];
  }
}

/** What each command does with each case: read it (exit 0/1) or refuse it with this line (exit 2). */
const REFUSED_BY_ALL = (line: string) => Object.fromEntries(COMMANDS.map((c) => [c, line]));
/** Readers read it; the commands that write it back with ExcelJS refuse it. */
const WRITERS_REFUSE = (line: string, validateExit: 0 | 1) => ({
  validate: validateExit,
  info: 0,
  fields: 0,
  annotate: line,
  refresh: line,
});

const EXPECTED: Record<HostileCase | "dev-zero" | "fifo", Partial<Record<Command, number | string>>> = {
  "zip-bomb-lying": REFUSED_BY_ALL(
    "文件已损坏或不完整（部件 xl/worksheets/sheet2.xml 的实际大小与目录不符）",
  ),
  "zip-bomb-declared": REFUSED_BY_ALL("文件解压后超过 256 MB，远超一份填报表的内容，拒绝打开"),
  // The sums count the report's own few merges, validations and names too.
  "merge-bomb": WRITERS_REFUSE("工作簿的合并单元格区域共约 17,179,869,", 1),
  "validation-bomb": WRITERS_REFUSE("工作簿的数据验证区域共约 27,26", 0),
  "name-bomb": WRITERS_REFUSE("工作簿的定义名称指向的区域共约 17,179,", 1),
  "junk-rows": {
    ...REFUSED_BY_ALL("工作表“任务清单”解压后约 180 MB，远超一份填报表（上限 64 MB）"),
    refresh: "文件解压后超过 96 MB，远超一份填报表，无法安全写回",
  },
  doctype: REFUSED_BY_ALL("文件含有 XML 实体声明（DOCTYPE），可能是恶意构造，拒绝打开"),
  "dev-zero": REFUSED_BY_ALL("不是普通文件（设备、管道或套接字），拒绝读取"),
  fifo: REFUSED_BY_ALL("不是普通文件（设备、管道或套接字），拒绝读取"),
};

let dir: string;
let files: Record<HostileCase | "dev-zero" | "fifo", string>;
let round: string[];

beforeAll(async () => {
  dir = tempDir("hostile");
  const corpus = await makeHostileCorpus(join(__dirname, "..", "..", "test-output", "hostile-corpus"));
  files = { ...corpus, "dev-zero": "/dev/zero", fifo: makeFifo(dir) };
  round = await writeRound(join(dir, "round"));
}, 600_000);

const CASES = [...HOSTILE_CASES, "dev-zero", "fifo"] as const;

describe.each(CASES)("%s", (name) => {
  test.each(COMMANDS)(
    `%s: reads it or refuses it in one line, within ${MEMORY_BOUND_MB} MB and ${TIME_BOUND_S} s`,
    (command) => {
      const r = run(argsFor(command, files[name]));
      const expected = EXPECTED[name][command];
      if (typeof expected === "string") {
        expect(r.code).toBe(2);
        expect(r.err.split("\n")).toHaveLength(1);
        expect(r.err).toContain(`错误: ${files[name]}: ${expected}`);
        // No stack, no English sentence (the command name in a hint is not one).
        expect(r.err.replace("ip-report validate", "")).not.toMatch(/\n\s+at |Error|[a-z]{4,} [a-z]{4,}/);
      } else {
        expect([r.code, r.err]).toEqual([expected, ""]);
      }
      expect(r.peakMb).toBeLessThan(MEMORY_BOUND_MB);
      expect(r.seconds).toBeLessThan(TIME_BOUND_S);
    },
    TIME_BOUND_S * 3 * 1000,
  );

  test(
    "among 32 good files, the 32 are still validated",
    () => {
      const batch = [...round.slice(0, 16), files[name], ...round.slice(16)];
      const r = run(["validate", ...batch, "--json"]);
      const entries = JSON.parse(r.out) as { file: string; issues?: unknown[]; error?: unknown }[];
      expect(entries.map((e) => e.file)).toEqual(batch);
      for (const e of entries.filter((e) => e.file !== files[name])) expect(e.issues).toBeDefined();
      expect(r.peakMb).toBeLessThan(MEMORY_BOUND_MB);
    },
    TIME_BOUND_S * 3 * 1000,
  );
});
