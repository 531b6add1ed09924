import { describe, expect, it } from "vitest";
import { routeCase } from "../../../server/domain/cases/case-routing";
import { matterCategory } from "../../../server/domain/cases/matter-categories";
import {
  ROUTING_TEXT_ZH,
  type RoutingTextKey,
  readRoutingExplanation,
  renderRoutingExplanation,
} from "../../../server/domain/cases/routing-explanation";
import { fillTemplate } from "../../../server/domain/message-template";
import { enDomain } from "./domain/en";
import { en } from "./en";
import { FOREIGN_SCRIPT, I18NEXT_OPTION_NAMES, placeholdersOf, templatesOf } from "./template-keys";
import { ug } from "./ug";

// The Chinese texts are the server's own (i18n/routing-text.ts loads them); en.ts and ug.ts carry theirs.
describe("routing explanations on screen", () => {
  it("has the Chinese templates with the same placeholders in English and Uyghur", () => {
    const chinese = templatesOf(ROUTING_TEXT_ZH);
    for (const [language, texts] of [
      ["en", en.routingExplanation],
      ["ug", ug.routingExplanation],
    ] as const) {
      const own = templatesOf(texts);
      expect([...own.keys()].sort(), language).toEqual([...chinese.keys()].sort());
      for (const [key, text] of chinese)
        expect(placeholdersOf(own.get(key) ?? ""), `${language}: ${key}`).toEqual(placeholdersOf(text));
      for (const [key, text] of own)
        expect(text.replace(/\{\{\w+\}\}/g, ""), `${language}: ${key}`).not.toMatch(FOREIGN_SCRIPT[language]);
    }
  });

  it("names no placeholder as i18next names its options (`lng` would pick the language)", () => {
    for (const [key, text] of templatesOf(ROUTING_TEXT_ZH))
      for (const name of placeholdersOf(text))
        expect(I18NEXT_OPTION_NAMES, `${key}: ${name}`).not.toContain(name);
  });

  it("words an intake routing as an English sentence", () => {
    // what intake stores for a construction-dust report in a village
    const category = matterCategory("construction_dust");
    if (!category) throw new Error("missing category");
    const stored = routeCase({
      lng: 89.19,
      lat: 42.95,
      grid: { id: 51, name: "亚尔村", level: 3, ancestorNames: ["高昌区", "亚尔镇"] },
      category,
      departments: [
        { id: 4, code: "housing", name: "区住房和城乡建设局" },
        { id: 17, code: "urban", name: "区城市管理局" },
      ],
    });
    const routed = readRoutingExplanation(stored.explanationCode, stored.explanationParams);
    if (!routed) throw new Error("unreadable explanation");
    const texts = templatesOf(en.routingExplanation);
    const named = (_id: number, name: string) => `[${name}]`;
    const text = renderRoutingExplanation(routed, {
      text: (key: RoutingTextKey, words) => fillTemplate(texts.get(key) ?? "", words),
      category: (code) => enDomain.categories[code as keyof typeof enDomain.categories],
      grid: named,
      gridAbove: named,
      department: named,
    });
    expect(text).toBe(
      "The location (89.19000° E, 42.95000° N) lies in the grid [高昌区] / [亚尔镇] / [亚尔村] (level 3), so [亚尔镇] " +
        `receives it; under item 5 of the duty list, “${enDomain.categories.construction_dust}”, ` +
        "[区住房和城乡建设局] leads, assisted by [区城市管理局].",
    );
  });
});
