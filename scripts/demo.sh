#!/usr/bin/env bash
# The whole journey on files, no Excel needed: a province's template, a filled sample with a few realistic
# defects, validation with an annotated copy, and a template refresh. Output in demo-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/cli/main.js ] || npm run --silent build:cli
run() { echo; echo "\$ ip-report $*"; node bin/ip-report.js "$@"; }
out=demo-output
mkdir -p "$out"
profile=ip-protection-center,strong-ip-province-pilot,pilot-type-leading
run template --province 江苏 --profile "$profile" --out "$out/江苏-模板.xlsx" --force
run sample --province 江苏 --profile "$profile" --seed 2019 --defects some --out "$out/江苏-填报.xlsx" --force
# validate exits 1 when it finds errors, as it should here: the sample carries defects on purpose.
run validate "$out/江苏-填报.xlsx" --annotate "$out/江苏-已校验.xlsx" || [ $? -eq 1 ]
run info "$out/江苏-填报.xlsx"
run refresh "$out/江苏-填报.xlsx" --out "$out/江苏-已刷新.xlsx"
echo
echo "打开 $out/江苏-已校验.xlsx 查看单元格内的标注和“校验结果”工作表。 / Open $out/江苏-已校验.xlsx to see the highlights and the results sheet."

# The national round: units send their workbooks back; the national office enters its own figures, rolls the round
# up, marks what must be corrected, and sees what changed when a unit sends again.
round="$out/round"
rm -rf "$round" && mkdir -p "$round/收件" "$round/上一轮"
for p in 北京 上海 浙江 广东 四川; do
  node bin/ip-report.js sample --province "$p" --seed 7 --out "$round/收件/$p.xlsx" >/dev/null
done
node bin/ip-report.js sample --province 江苏 --profile "$profile" --seed 2019 --defects some --out "$round/上一轮/江苏.xlsx" >/dev/null
node bin/ip-report.js sample --province 江苏 --profile "$profile" --seed 2019 --out "$round/江苏-改.xlsx" >/dev/null
printf 'lock' > "$round/收件/~\$江苏.xlsx"            # Excel's lock file beside an open workbook: ignored
printf '单位,数值\n山东,1\n' > "$round/收件/山东.xlsx"  # a CSV renamed .xlsx: named with its reason
run national-template --out "$round/收件/国家局填报.xlsx"
# The national office fills its figures (here by script; in life, in Excel).
node -e '
const ExcelJS = require("exceljs");
const { buildNationalInput } = require("./build/layout/national.js");
const { latestSpec } = require("./build/spec/index.js");
const [file] = process.argv.slice(1);
const figures = {
  "national.invention-backlog-cleared.actual": 112000,
  "national.high-value-patent-exam-cycle.baseline": 20.5,
  "national.high-value-patent-exam-cycle.actual": 17.3,
  "national.trademark-exam-cycle.actual": 4.6,
};
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const f of buildNationalInput(latestSpec()).fields) {
    if (f.id in figures) wb.getWorksheet(f.sheetName).getCell(f.cell).value = figures[f.id];
    if (f.id.endsWith(".source") && `${f.id.replace(/\.source$/, ".actual")}` in figures)
      wb.getWorksheet(f.sheetName).getCell(f.cell).value = "国家知识产权局审查业务统计";
  }
  await wb.xlsx.writeFile(file);
})();
' "$round/收件/国家局填报.xlsx"
run review "$round/江苏-改.xlsx" --item target.ip-insurance-growth --verdict 退回修改 --comment "保障金额口径请与金融监管部门统计一致" --out "$round/收件/江苏.xlsx"
run diff "$round/上一轮/江苏.xlsx" "$round/收件/江苏.xlsx" || [ $? -eq 1 ]
# consolidate exits 1 here: most units have not sent their reports yet, and 2 because of the CSV renamed .xlsx.
run consolidate "$round/收件" --previous "$round/上一轮" --out-dir "$round/汇总" || { code=$?; [ "$code" -eq 1 ] || [ "$code" -eq 2 ]; }
echo
echo "打开 $round/汇总/汇总.html（浏览器）与 汇总.xlsx；退回通知在 $round/汇总/退回通知/。 / Open $round/汇总/汇总.html and 汇总.xlsx; return notes in $round/汇总/退回通知/."
