import { levelName } from "./terms.ts";

/** Everything a responsibility contract (责任状) says, gathered from the two grids' 五定. */
export interface ContractFacts {
  year: number;
  upper: { name: string; code: string; level: number; headName: string | null };
  lower: {
    name: string;
    code: string;
    level: number;
    areaKm2: number | null;
    childCount: number;
    headName: string | null;
  };
  duties: { categoryName: string | null; departmentName: string | null; lead: boolean; text: string }[];
  /** Patrol tasks already in words: target ("重点排污单位"), frequency ("每周巡查1次"), a note. */
  tasks: { target: string; frequency: string; description: string }[];
  rules: { kind: "reward" | "penalty"; text: string; points: number | null; veto: boolean }[];
}

export interface ContractText {
  title: string;
  partyA: string;
  partyB: string;
  body: string;
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const PENDING = "（待确定）";

/** The level-1 party is the district's leading-group office; any other upper party is the grid itself. */
export function partyName(grid: { name: string; level: number }): string {
  return grid.level === 1
    ? `${grid.name}环境保护网格化管理工作领导小组办公室`
    : `${grid.name}（${levelName(grid.level)}）`;
}

function points(value: number): string {
  return String(Math.abs(value));
}

function ruleSentence(rule: ContractFacts["rules"][number]): string {
  const text = rule.text.replace(/[。；;，,\s]+$/u, "");
  if (rule.veto) return `${text}的，实行环保“一票否决”。`;
  if (rule.points === null) return `${text}。`;
  return rule.kind === "reward"
    ? `${text}，加${points(rule.points)}分。`
    : `${text}，扣${points(rule.points)}分。`;
}

function numbered(lines: readonly string[], empty: string): string {
  if (lines.length === 0) return `  ${empty}`;
  return lines.map((line, i) => `  ${i + 1}. ${line}`).join("\n");
}

/**
 * Assembles the contract text from its facts. The text is a pure function of the facts — no clock, no ids —
 * so drafting it twice from unchanged 五定 gives the same text, which is what makes generation idempotent and
 * a changed 五定 visible as a changed text (a new revision).
 */
export function assembleContract(facts: ContractFacts): ContractText {
  const { year, upper, lower } = facts;
  const partyA = partyName(upper);
  const partyB = partyName(lower);
  const title = `${year}年度环境监管网格化管理目标责任书`;
  const area = lower.areaKm2 === null ? "" : `，面积约${lower.areaKm2.toFixed(2)}平方公里`;
  const below = lower.childCount > 0 ? `，下辖${lower.childCount}个下级网格` : "";

  const duties = facts.duties.map((d) => {
    const category = d.categoryName ? `【${d.categoryName}】` : "";
    const department = d.departmentName ? `（${d.departmentName}${d.lead ? "牵头" : "配合"}）` : "";
    return `${category}${d.text.trim().replace(/[。；;，,.]+$/u, "")}${department}。`;
  });
  const tasks = facts.tasks.map((t) => {
    const note = t.description.trim() ? `${t.description.trim().replace(/[。.]$/u, "")}。` : "";
    return `${t.target}：${t.frequency}。${note}`;
  });
  const rewards = facts.rules.filter((r) => r.kind === "reward" && !r.veto).map(ruleSentence);
  const penalties = facts.rules.filter((r) => r.kind === "penalty" && !r.veto).map(ruleSentence);
  const vetoes = facts.rules.filter((r) => r.veto).map(ruleSentence);

  const sections: [string, string][] = [
    [
      "责任区域",
      `  乙方责任区域为${lower.name}行政区域（网格编码${lower.code}${area}${below}），边界以平台公布的网格边界为准。`,
    ],
    ["工作职责", numbered(duties, "按照网格化管理实施方案履行本级网格职责。")],
    ["工作任务", numbered(tasks, "按上级网格要求开展日常巡查。")],
    [
      "奖惩措施",
      [
        "  （一）奖励",
        numbered(rewards, "无。"),
        "  （二）扣分",
        numbered(penalties, "无。"),
        "  （三）一票否决",
        numbered(vetoes, "无。"),
        "  以上考核结果纳入年度环保目标考核，按季度评价、逐级上报。",
      ].join("\n"),
    ],
    [
      "其他约定",
      [
        `  1. 本责任书有效期自${year}年1月1日起至${year}年12月31日止。`,
        "  2. 乙方责任人在平台上确认签署后，本责任书文本即行固定，并以SHA-256摘要留存备查；任何修改均形成新版本，须重新签署，原版本保留。",
        "  3. 对未按要求完成工作任务的，给予通报批评；对不履行或不正确履行环境监管责任的，依照有关规定严肃问责。",
      ].join("\n"),
    ],
  ];

  const body = [
    title,
    "",
    `甲方：${partyA}`,
    `甲方负责人：${upper.headName ?? PENDING}`,
    `乙方：${partyB}`,
    `乙方责任人（网格长）：${lower.headName ?? PENDING}`,
    "",
    `  为贯彻落实《高昌区环境保护网格化管理实施方案》，按照“属地管理、分级负责，无缝对接、全面覆盖、责任到人”的原则，` +
      `落实网格“五定”要求，明确${year}年度环境监管工作任务和奖惩措施，甲乙双方签订本责任书。`,
    "",
    ...sections.flatMap(([heading, text], i) => [`${NUMERALS[i]}、${heading}`, text, ""]),
    `甲方：${partyA}`,
    `负责人：${upper.headName ?? PENDING}`,
    "",
    `乙方：${partyB}`,
    `责任人（签字）：${lower.headName ?? PENDING}`,
  ].join("\n");

  return { title, partyA, partyB, body };
}
