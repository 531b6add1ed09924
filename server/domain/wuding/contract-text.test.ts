import { describe, expect, it } from "vitest";
import { assembleContract, type ContractFacts } from "./contract-text.ts";

const facts: ContractFacts = {
  year: 2026,
  upper: { name: "亚尔镇", code: "650402102", level: 2, headName: "买买提" },
  lower: {
    name: "亚尔村",
    code: "650402102202",
    level: 3,
    areaKm2: 30.8412,
    childCount: 0,
    headName: "艾尼瓦尔",
  },
  duties: [
    { categoryName: null, departmentName: null, lead: true, text: "定期巡查辖区。" },
    { categoryName: "医疗废物", departmentName: "区卫生健康委员会", lead: false, text: "配合调查" },
  ],
  tasks: [{ target: "重点排污单位", frequency: "每周巡查1次", description: "检查设施运行" }],
  rules: [
    { kind: "reward", text: "按期完成巡查", points: 5, veto: false },
    { kind: "penalty", text: "未及时上报", points: -2.5, veto: false },
    { kind: "penalty", text: "瞒报谎报", points: null, veto: true },
  ],
};

describe("the responsibility contract text", () => {
  it("names both parties, the area, duties, tasks and each reward, deduction and veto", () => {
    const { title, partyA, partyB, body } = assembleContract(facts);
    expect(title).toBe("2026年度环境监管网格化管理目标责任书");
    expect(partyA).toBe("亚尔镇（二级网格）");
    expect(partyB).toBe("亚尔村（三级网格）");
    expect(body).toContain("乙方责任人（网格长）：艾尼瓦尔");
    expect(body).toContain("网格编码650402102202，面积约30.84平方公里");
    expect(body).toContain("1. 定期巡查辖区。");
    expect(body).toContain("2. 【医疗废物】配合调查（区卫生健康委员会配合）。");
    expect(body).toContain("1. 重点排污单位：每周巡查1次。检查设施运行。");
    expect(body).toContain("按期完成巡查，加5分。");
    expect(body).toContain("未及时上报，扣2.5分。");
    expect(body).toContain("瞒报谎报的，实行环保“一票否决”。");
    expect(body).toContain("自2026年1月1日起至2026年12月31日止");
  });

  it("is the district's leading-group office above a township, and marks a missing head", () => {
    const text = assembleContract({
      ...facts,
      upper: { name: "高昌区", code: "650402", level: 1, headName: null },
      lower: { ...facts.lower, name: "亚尔镇", level: 2, childCount: 18, headName: null },
    });
    expect(text.partyA).toBe("高昌区环境保护网格化管理工作领导小组办公室");
    expect(text.body).toContain("甲方负责人：（待确定）");
    expect(text.body).toContain("乙方责任人（网格长）：（待确定）");
    expect(text.body).toContain("下辖18个下级网格");
  });

  it("is the same text for the same facts, and a different one when a fact changes", () => {
    expect(assembleContract(facts)).toEqual(assembleContract(structuredClone(facts)));
    const changed = { ...facts, tasks: [{ ...facts.tasks[0], frequency: "每月巡查1次" }] };
    expect(assembleContract(changed).body).not.toBe(assembleContract(facts).body);
  });
});
