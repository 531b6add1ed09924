import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { zhCN } from "../../i18n/zh-CN";
import { actorText, seededAssignee, type UnitNames } from "./timelineActor";

let english: TFunction;
let chinese: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: en }, "zh-CN": { translation: zhCN } },
    lng: "en",
    fallbackLng: "zh-CN",
    interpolation: { escapeValue: false },
  });
  english = i18n.getFixedT("en");
  chinese = i18n.getFixedT("zh-CN");
});

// the grid tree and department list of the reader, in English (grid 7 is not in it)
const names: UnitNames = {
  grid: (id, chineseName) => (id === 3 ? "Yar Town" : chineseName),
  department: (id, chineseName) => (id === 5 ? "District Ecology and Environment Bureau" : chineseName),
};

describe("a timeline actor in the reader's language", () => {
  it("names staff without an account by their unit", () => {
    const township = { kind: "grid_staff", grid: { id: 3, name: "亚尔镇" }, name: "亚尔镇工作人员" } as const;
    expect(actorText(english, township, names)).toBe("Yar Town staff");
    const inChinese: UnitNames = { grid: (_, name) => name, department: (_, name) => name };
    expect(actorText(chinese, township, inChinese)).toBe("亚尔镇工作人员");
    const department = {
      kind: "department_staff",
      department: { id: 5, name: "区生态环境局" },
      name: "区生态环境局工作人员",
    } as const;
    expect(actorText(english, department, names)).toBe("District Ecology and Environment Bureau staff");
    expect(actorText(english, { kind: "district_office", name: "区网格办" }, names)).toBe(
      "District grid office",
    );
  });

  it("keeps the Chinese unit name of a grid outside the reader's tree, and the label of a unit gone", () => {
    const village = { kind: "grid_member", grid: { id: 7, name: "亚尔村" }, name: "亚尔村网格员" } as const;
    expect(actorText(english, village, names)).toBe("亚尔村 grid member");
    expect(actorText(english, { kind: "grid_member", grid: null, name: "某村网格员" }, names)).toBe(
      "某村网格员",
    );
  });

  it("shows a user's name, and a row stored before kinds existed, as stored", () => {
    expect(actorText(english, { kind: null, name: "王明" }, names)).toBe("王明");
    expect(actorText(english, { kind: null, name: null }, names)).toBe("System");
    expect(actorText(english, { kind: "reporter", name: "举报人" }, names)).toBe("Reporter");
  });

  it("words a seeded re-check assignee without an account, and leaves a user's name alone", () => {
    const assignee = seededAssignee({
      assigneeName: "亚尔村网格员",
      assigneeKind: "grid_member",
      assigneeGridId: 3,
    });
    expect(assignee && actorText(english, assignee, names)).toBe("Yar Town grid member");
    const unknown = seededAssignee({
      assigneeName: "某村网格员",
      assigneeKind: "grid_member",
      assigneeGridId: 7,
    });
    expect(unknown && actorText(english, unknown, names)).toBe("某村网格员");
    expect(seededAssignee({ assigneeName: "王明", assigneeId: 12 })).toBeNull();
  });
});
