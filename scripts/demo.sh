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
