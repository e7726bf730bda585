import type { SeededRandom } from "./random";

/** Area codes of each unit's seat of government, by the first two digits of its GB/T 2260 code. */
const AREA_CODES: Record<string, string> = {
  "11": "010",
  "12": "022",
  "13": "0311",
  "14": "0351",
  "15": "0471",
  "21": "024",
  "22": "0431",
  "23": "0451",
  "31": "021",
  "32": "025",
  "33": "0571",
  "34": "0551",
  "35": "0591",
  "36": "0791",
  "37": "0531",
  "41": "0371",
  "42": "027",
  "43": "0731",
  "44": "020",
  "45": "0771",
  "46": "0898",
  "50": "023",
  "51": "028",
  "52": "0851",
  "53": "0871",
  "54": "0891",
  "61": "029",
  "62": "0931",
  "63": "0971",
  "64": "0951",
  "65": "0991",
  "66": "0993",
};

const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "赵",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
  "何",
  "郭",
  "马",
  "罗",
];
const GIVEN_NAMES = [
  "伟",
  "芳",
  "敏",
  "静",
  "磊",
  "军",
  "洋",
  "勇",
  "杰",
  "涛",
  "明",
  "超",
  "建华",
  "晓燕",
  "志强",
  "海燕",
  "文博",
  "雪梅",
  "宏伟",
  "丽娟",
];
const DEPARTMENTS = ["战略规划处", "知识产权保护处", "专利管理处", "综合处", "知识产权运用促进处", "办公室"];

export function contactName(rng: SeededRandom): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
}

export function department(rng: SeededRandom): string {
  return rng.pick(DEPARTMENTS);
}

/** A landline of the unit's capital (the local number never starts with 0 or 1), or now and then a mobile. */
export function phoneNumber(rng: SeededRandom, unitCode: string): string {
  const area = AREA_CODES[unitCode.slice(0, 2)];
  if (!area || rng.chance(0.2))
    return `1${rng.pick(["3", "5", "8", "9"])}${String(rng.int(0, 999_999_999)).padStart(9, "0")}`;
  const digits = area.length === 3 ? 8 : rng.pick([7, 8]);
  return `${area}-${rng.int(2, 8)}${String(rng.int(0, 10 ** (digits - 1) - 1)).padStart(digits - 1, "0")}`;
}

/** Data sources by the kind of figure: 数出有据 asks for the statistical origin of every number. */
export const SOURCES = {
  insurance: ["省银保监局知识产权保险业务统计", "保险机构知识产权保险承保台账"],
  pledge: ["国家知识产权局专利商标质押登记数据", "省地方金融监管局质押融资统计报表"],
  revenue: ["省统计局服务业统计年报（知识产权服务业）", "省市场监管局统计报表"],
  fund: ["重点产业知识产权运营基金季度报告", "基金管理人投资台账"],
  trademark: ["国家知识产权局商标局审查协作中心统计", "商标审查业务管理系统"],
  abnormal: ["省知识产权局非正常专利申请监测台账", "国家知识产权局非正常专利申请排查通报"],
  money: ["专利资助奖励资金管理台账", "省财政厅资金收回凭证汇总"],
  centers: ["国家知识产权局批复文件", "省知识产权局保护中心建设台账"],
  clues: ["省市场监管局商标线索报送台账", "商标恶意注册线索报送系统"],
  general: ["省市场监管局统计报表", "省知识产权局统计年报"],
} as const;
export type SourceKind = keyof typeof SOURCES;
