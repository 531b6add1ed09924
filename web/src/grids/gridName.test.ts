import { describe, expect, it } from "vitest";
import { gridName, localAncestorName, localGridName, type NamedGrid } from "./gridName";

const tree = new Map<number, NamedGrid>(
  [
    { id: 1, parentId: null, name: "高昌区", nameUg: "قاراغوجا رايونى", nameEn: "Gaochang District" },
    { id: 2, parentId: 1, name: "亚尔镇", nameUg: "يار بازىرى", nameEn: "Yar Town" },
    { id: 3, parentId: 2, name: "亚尔村", nameUg: "يار كەنتى", nameEn: "Yar Village" },
    { id: 4, parentId: 2, name: "新村", nameUg: null, nameEn: null },
  ].map((g) => [g.id, g]),
);

describe("gridName", () => {
  const yar = { name: "亚尔镇", nameUg: "يار بازىرى", nameEn: "Yar Town" };

  it("gives each reader the name in their language: Uyghur, English, else the Chinese one", () => {
    expect(gridName(yar, "ug")).toBe("يار بازىرى");
    expect(gridName(yar, "en")).toBe("Yar Town");
    expect(gridName(yar, "zh-CN")).toBe("亚尔镇");
  });

  it("falls back to the Chinese name when the translation is missing, null or empty", () => {
    expect(gridName({ name: "新村" }, "en")).toBe("新村");
    expect(gridName({ name: "新村", nameUg: "يېڭى كەنت", nameEn: null }, "en")).toBe("新村");
    expect(gridName({ name: "新村", nameEn: "" }, "en")).toBe("新村");
    expect(gridName({ name: "新村", nameEn: "Xin Village" }, "ug")).toBe("新村");
  });
});

describe("localGridName", () => {
  it("gives Uyghur readers the grid's Uyghur name from the tree", () => {
    expect(localGridName(tree, 3, "亚尔村", "ug")).toBe("يار كەنتى");
  });

  it("gives English readers the grid's English name from the tree, Chinese readers the Chinese one", () => {
    expect(localGridName(tree, 3, "亚尔村", "en")).toBe("Yar Village");
    expect(localGridName(tree, 3, "亚尔村", "zh-CN")).toBe("亚尔村");
  });

  it("takes the tree's Chinese name when the grid has no translation in the language", () => {
    expect(localGridName(tree, 4, "新村", "ug")).toBe("新村");
    expect(localGridName(tree, 4, "新村", "en")).toBe("新村");
  });

  it("falls back to the server's name when the tree is not loaded, the grid is not in it, or there is no id", () => {
    expect(localGridName(undefined, 3, "亚尔村", "ug")).toBe("亚尔村");
    expect(localGridName(tree, 99, "已撤销村", "ug")).toBe("已撤销村");
    expect(localGridName(tree, null, "亚尔村", "ug")).toBe("亚尔村");
    expect(localGridName(tree, undefined, "", "ug")).toBe("");
  });
});

describe("localAncestorName", () => {
  it("finds the ancestor named by the server (a case's township) and gives its Uyghur name", () => {
    expect(localAncestorName(tree, 3, "亚尔镇", "ug")).toBe("يار بازىرى");
    expect(localAncestorName(tree, 3, "高昌区", "ug")).toBe("قاراغوجا رايونى");
  });

  it("accepts the grid itself (a case filed at township level)", () => {
    expect(localAncestorName(tree, 2, "亚尔镇", "ug")).toBe("يار بازىرى");
  });

  it("gives English readers the ancestor's English name", () => {
    expect(localAncestorName(tree, 3, "亚尔镇", "en")).toBe("Yar Town");
    expect(localAncestorName(tree, 4, "高昌区", "en")).toBe("Gaochang District");
  });

  it("keeps the Chinese name for Chinese readers and when nothing matches", () => {
    expect(localAncestorName(tree, 3, "亚尔镇", "zh-CN")).toBe("亚尔镇");
    expect(localAncestorName(tree, 3, "别的镇", "ug")).toBe("别的镇");
    expect(localAncestorName(undefined, 3, "亚尔镇", "ug")).toBe("亚尔镇");
    expect(localAncestorName(tree, 99, "亚尔镇", "ug")).toBe("亚尔镇");
    expect(localAncestorName(tree, null, "亚尔镇", "ug")).toBe("亚尔镇");
  });
});
