import { describe, expect, it } from "vitest";
import { enDomain } from "./domain/en";
import { ugDomain } from "./domain/ug";
import { en } from "./en";
import { enNotifications } from "./notifications/en";
import { ugNotifications } from "./notifications/ug";
import { enRoutingExplanation } from "./routing/en";
import { ugRoutingExplanation } from "./routing/ug";
import { ug } from "./ug";

/**
 * Chinese an English or Uyghur reader is meant to see: a term glossed once beside its translation (staff meet
 * it in Chinese documents), and the example of a holiday name, which is entered in Chinese.
 */
const GLOSSES: Record<string, string[]> = {
  en: ["calendar.holidayName", "calendar.workdays", "wuding.explanation", "wuding.rule.veto"],
  ug: ["calendar.holidayName"],
};

const HAN = /\p{Script=Han}/u;

function stringsOf(tree: object, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : stringsOf(value as object, `${prefix}${key}.`),
  );
}

describe("the English and Uyghur interfaces", () => {
  const bundles = {
    en: { ...en, domain: enDomain, notifications: enNotifications, routingExplanation: enRoutingExplanation },
    ug: { ...ug, domain: ugDomain, notifications: ugNotifications, routingExplanation: ugRoutingExplanation },
  };
  for (const [language, bundle] of Object.entries(bundles)) {
    it(`${language}: no string is left in Chinese, apart from the glosses`, () => {
      const chinese = stringsOf(bundle)
        .filter(([key, text]) => HAN.test(text) && !GLOSSES[language].includes(key))
        .map(([key, text]) => `${key}: ${text}`);
      expect(chinese).toEqual([]);
    });
  }

  it("keeps the glosses list honest: each listed string still holds Chinese", () => {
    for (const [language, bundle] of Object.entries(bundles)) {
      const texts = new Map(stringsOf(bundle));
      for (const key of GLOSSES[language]) expect(texts.get(key), `${language} ${key}`).toMatch(HAN);
    }
  });
});
