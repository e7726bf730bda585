import type { Task } from "../spec/schema";
import type { SeededRandom } from "./random";

/** The guideline addresses the provinces ("各地要…"); a report answers in the first person ("我局…"). */
const ADDRESSEE =
  /^(各部门)?(各地方知识产权局|各地相关试点省份|有关省份|各地|获批TISC的地方|有条件的地方|各知识产权运营平台)(要|应)?/;

/** The guideline's sentences addressed to the provinces, cut into actions a province can report on. */
export function actionsOf(text: string): string[] {
  return text
    .replace(/,/g, "，")
    .replace(/;/g, "；")
    .split("。")
    .map((s) => s.trim().replace(ADDRESSEE, ""))
    .filter((s) => s.length >= 6);
}

function opening(action: string, pieces = 3): string {
  return action.split("，").slice(0, pieces).join("，");
}

const DONE_TAILS = [
  "已制定印发工作方案，明确责任分工和完成时限，各项任务按期完成。",
  "全年召开专题推进会{a}次，组织业务培训{b}场、覆盖{c}人次，相关工作已全部落实。",
  "已将该项工作纳入年度绩效考核，{m}月完成全省督导检查，整改问题{a}个。",
];
const PROGRESS_TAILS = [
  "工作方案已经局务会审议通过，正在分阶段组织实施，预计{m}月底前完成。",
  "已完成前期调研，覆盖{a}个设区市，相关配套措施正在征求意见。",
  "已落实专项经费{c}万元，首批{a}个项目已启动实施，其余按计划推进。",
];
const RESULTS = [
  "组织专题培训{a}场次、{c}人次",
  "出台配套政策文件{a}件，服务企业{c}家",
  "完成专项检查{a}次，督促整改问题{b}个",
  "建立工作台账{a}本，形成调研报告{b}篇",
];
const PROBLEMS = [
  "基层工作力量不足，部分设区市缺少专职人员。",
  "部分指标统计口径尚不统一，需与统计部门进一步核对。",
  "专项经费保障压力较大，部分项目进度偏慢。",
  "企业参与积极性有待提高，宣传覆盖面仍需扩大。",
];

function fill(template: string, rng: SeededRandom): string {
  return template
    .replace("{a}", String(rng.int(3, 12)))
    .replace("{b}", String(rng.int(2, 9)))
    .replace("{c}", String(rng.int(120, 2400)))
    .replace("{m}", String(rng.int(6, 11)));
}

export function progressText(rng: SeededRandom, task: Task, done: boolean): string {
  const actions = task.provincialWork.flatMap(actionsOf);
  const action = actions.length ? rng.pick(actions) : task.title;
  return `我局${opening(action)}。${fill(rng.pick(done ? DONE_TAILS : PROGRESS_TAILS), rng)}`;
}

export function resultsText(rng: SeededRandom): string {
  return `全年${fill(rng.pick(RESULTS), rng)}。`;
}

export function evidenceText(rng: SeededRandom, task: Task, year: number): string {
  return `《关于印发〈${task.title}工作方案〉的通知》（${year}年第${rng.int(3, 48)}号）及工作台账`;
}

export function problemsText(rng: SeededRandom): string {
  return rng.pick(PROBLEMS);
}

export function nextStepsText(rng: SeededRandom, task: Task, year: number): string {
  const actions = task.provincialWork.flatMap(actionsOf);
  const action = actions.length ? rng.pick(actions) : task.title;
  return `下一步将继续${opening(action, 2).replace(/^继续/, "")}，力争${year + 1}年${rng.pick(["上半年", "年底前"])}取得明显成效。`;
}

/** What a province did about a guideline item or a qualitative target, in the item's own words. */
export function followUpText(rng: SeededRandom, text: string): string {
  const actions = actionsOf(text);
  const action = actions.length ? rng.pick(actions) : text;
  const topic = opening(action, 2);
  // A topic that already carries quotation marks is not quoted again.
  return `我局围绕${topic.includes("“") ? topic : `“${topic}”`}，${fill(rng.pick(DONE_TAILS), rng)}`;
}
