import { format, pick, type Lang } from "../../i18n";
import type { Problem } from "./problems";
import { NAV } from "./words";

/** Where a problem is, said with its sheet: "任务清单工作表 F6–G6". */
export function problemPlace(problem: Problem, lang: Lang): string {
  if (!problem.at) return pick(NAV.whereWorkbook, lang);
  const cells =
    problem.cells.length > 1 ? `${problem.cells[0]}、${problem.cells.slice(1).join("、")}` : problem.at.cell;
  return format(pick(NAV.where, lang), {
    sheet: problem.at.sheetName,
    cell: lang === "zh" ? cells : cells.replace(/、/g, ", "),
  });
}
