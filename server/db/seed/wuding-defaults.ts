import type { DutyLineContent } from "../../commands/duty-line-creator.ts";
import type { PatrolRuleContent } from "../../commands/patrol-rule-creator.ts";
import type { RewardPenaltyContent } from "../../commands/reward-penalty-rule-creator.ts";
import { DUTY_CATEGORIES } from "../../domain/wuding/duty-categories.ts";

/**
 * The default 五定 lines a deployment starts from (editable, not authoritative). Duties: the routing defaults
 * of DOMAIN.md §4 at level 1 (each category's competent department leads, the others assist), plus the duties
 * the plan gives each level (§三(三), §三(五)). Tasks and rules: a plausible starting set.
 */

type Level = { gridLevel: number };

const GENERAL_DUTIES: (Level & { text: string })[] = [
  {
    gridLevel: 1,
    text: "指导二、三级网格的建立和运行，监督二、三级网格责任主体的履职情况，并组织考核评价",
  },
  { gridLevel: 1, text: "按要求公开辖区内污染源相关信息、各级网格职责和责任人员" },
  { gridLevel: 1, text: "对需多个部门联合调查的事项，组织实施联合执法" },
  {
    gridLevel: 2,
    text: "指导三级网格的建立和运行，按要求填报网格化环境监管数据，建立环境监管档案",
  },
  {
    gridLevel: 2,
    text: "接到巡查报告后及时核实、立案并上报一级网格；属本级管辖的依法处理，不属于的及时移交移送并配合调查",
  },
  {
    gridLevel: 3,
    text: "对辖区内排污企业、生态环境、信访案件、污染纠纷、环境安全隐患、违法建设项目、饮用水源地、农村环境综合整治等定期巡查",
  },
  { gridLevel: 3, text: "及时发现、制止并向上级网格报告生态环境违法行为，协助调查和处理" },
  { gridLevel: 3, text: "将查处结果告知相关群众，宣传环境保护法律法规" },
];

export function defaultDutyLines(departmentIds: ReadonlyMap<string, number>): (Level & DutyLineContent)[] {
  const department = (code: string) => {
    const id = departmentIds.get(code);
    if (id === undefined) throw new Error(`duty defaults name unknown department ${code}`);
    return id;
  };
  const lines: (Level & DutyLineContent)[] = GENERAL_DUTIES.map((d, i) => ({
    gridLevel: d.gridLevel,
    matterCategory: null,
    departmentId: null,
    responsibility: "lead",
    dutyText: d.text,
    sortOrder: i,
  }));
  let order = 100;
  for (const category of DUTY_CATEGORIES) {
    if (category.departments.length === 0) continue;
    const [lead, ...assisting] = category.departments;
    if (category.townshipLeads) {
      lines.push({
        gridLevel: 2,
        matterCategory: category.code,
        departmentId: null,
        responsibility: "lead",
        dutyText: `负责辖区${category.name}治理的日常监管，发现问题及时处置`,
        sortOrder: order++,
      });
      for (const code of category.departments) {
        lines.push({
          gridLevel: 1,
          matterCategory: category.code,
          departmentId: department(code),
          responsibility: "assist",
          dutyText: `指导并配合乡镇做好${category.name}治理`,
          sortOrder: order++,
        });
      }
      continue;
    }
    lines.push({
      gridLevel: 1,
      matterCategory: category.code,
      departmentId: department(lead),
      responsibility: "lead",
      dutyText: `负责${category.name}的监督管理和执法查处，在规定时限内办理移交移送事项并反馈结果`,
      sortOrder: order++,
    });
    for (const code of assisting) {
      lines.push({
        gridLevel: 1,
        matterCategory: category.code,
        departmentId: department(code),
        responsibility: "assist",
        dutyText: `配合做好${category.name}的联合调查和处理`,
        sortOrder: order++,
      });
    }
  }
  return lines;
}

export const DEFAULT_PATROL_RULES: (Level & PatrolRuleContent)[] = [
  {
    gridLevel: 3,
    objectType: "enterprise",
    objectFlag: "key_unit",
    frequency: "weekly",
    timesPerPeriod: 1,
    description: "检查污染防治设施运行和排放口",
  },
  {
    gridLevel: 3,
    objectType: "enterprise",
    objectFlag: null,
    frequency: "monthly",
    timesPerPeriod: 2,
    description: "",
  },
  {
    gridLevel: 3,
    objectType: "water_source",
    objectFlag: null,
    frequency: "weekly",
    timesPerPeriod: 1,
    description: "重点查看保护区内排污口、垃圾堆放和违规建设",
  },
  {
    gridLevel: 3,
    objectType: "hazard",
    objectFlag: null,
    frequency: "monthly",
    timesPerPeriod: 2,
    description: "",
  },
  {
    gridLevel: 3,
    objectType: "construction_project",
    objectFlag: null,
    frequency: "monthly",
    timesPerPeriod: 1,
    description: "核对环评手续，检查扬尘和噪声防治措施",
  },
  {
    gridLevel: 3,
    objectType: "rural_site",
    objectFlag: null,
    frequency: "monthly",
    timesPerPeriod: 1,
    description: "",
  },
  {
    gridLevel: 3,
    objectType: null,
    objectFlag: null,
    frequency: "weekly",
    timesPerPeriod: 1,
    description: "全域巡查，关注秸秆焚烧、垃圾倾倒、非法采砂等",
  },
  {
    gridLevel: 2,
    objectType: "enterprise",
    objectFlag: "key_unit",
    frequency: "monthly",
    timesPerPeriod: 1,
    description: "抽查三级网格巡查记录",
  },
  {
    gridLevel: 2,
    objectType: "water_source",
    objectFlag: null,
    frequency: "monthly",
    timesPerPeriod: 1,
    description: "",
  },
  {
    gridLevel: 2,
    objectType: "hazard",
    objectFlag: null,
    frequency: "quarterly",
    timesPerPeriod: 1,
    description: "",
  },
  {
    gridLevel: 1,
    objectType: "enterprise",
    objectFlag: "key_unit",
    frequency: "quarterly",
    timesPerPeriod: 1,
    description: "督查检查，结合季度联席会议通报",
  },
];

export const DEFAULT_REWARD_PENALTY_RULES: (Level & RewardPenaltyContent)[] = [
  { gridLevel: 3, kind: "reward", ruleText: "巡查任务全年按期完成率达到100%", points: 5, veto: false },
  { gridLevel: 3, kind: "reward", ruleText: "及时发现并上报重大环境违法行为", points: 3, veto: false },
  { gridLevel: 3, kind: "penalty", ruleText: "巡查任务每次未按期完成", points: -2, veto: false },
  { gridLevel: 3, kind: "penalty", ruleText: "发现环境问题未及时上报", points: -5, veto: false },
  {
    gridLevel: 3,
    kind: "penalty",
    ruleText: "瞒报、谎报环境违法行为或突发环境事件",
    points: null,
    veto: true,
  },
  { gridLevel: 2, kind: "reward", ruleText: "案件按期结案率达到95%以上", points: 5, veto: false },
  {
    gridLevel: 2,
    kind: "penalty",
    ruleText: "移交移送事项每有一件未在规定时限内办理",
    points: -3,
    veto: false,
  },
  { gridLevel: 2, kind: "penalty", ruleText: "未按要求填报网格化环境监管数据", points: -2, veto: false },
  {
    gridLevel: 2,
    kind: "penalty",
    ruleText: "辖区发生重大环境污染事件且负有责任",
    points: null,
    veto: true,
  },
  { gridLevel: 1, kind: "penalty", ruleText: "未按季度召开联席会议", points: -2, veto: false },
];
