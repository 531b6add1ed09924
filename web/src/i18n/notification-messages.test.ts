import { describe, expect, it } from "vitest";
import { NOTIFICATION_MESSAGES, NOTIFICATION_TEXT_ZH } from "../../../server/domain/notification-messages";
import { en } from "./en";
import { FOREIGN_SCRIPT, I18NEXT_OPTION_NAMES, placeholdersOf, templatesOf } from "./template-keys";
import type { PartialTranslation } from "./types";
import { ug } from "./ug";

// The Chinese texts are the server's own (i18n/notification-text.ts loads them); en.ts and ug.ts carry theirs.
type Texts = PartialTranslation["notifications"];
const languages: [string, Texts][] = [
  ["zh-CN", NOTIFICATION_TEXT_ZH],
  ["en", en.notifications],
  ["ug", ug.notifications],
];

describe("notification messages on screen", () => {
  it("words every message code the server writes, in every language, and no other", () => {
    for (const [language, texts] of languages) {
      expect(Object.keys(texts?.messages ?? {}).sort(), `${language}: message codes`).toEqual(
        [...NOTIFICATION_MESSAGES].sort(),
      );
      for (const code of NOTIFICATION_MESSAGES) {
        expect(texts?.messages?.[code]?.title?.trim(), `${language}: ${code}.title`).toBeTruthy();
        expect(texts?.messages?.[code]?.body, `${language}: ${code}.body`).toBeTypeOf("string");
      }
    }
  });

  it("has the same templates and placeholders as the Chinese in each language", () => {
    const chinese = templatesOf(NOTIFICATION_TEXT_ZH);
    for (const [language, texts] of languages) {
      const own = templatesOf(texts);
      expect([...own.keys()].sort(), language).toEqual([...chinese.keys()].sort());
      for (const [key, text] of chinese)
        expect(placeholdersOf(own.get(key) ?? ""), `${language}: ${key}`).toEqual(placeholdersOf(text));
    }
  });

  it("names no placeholder as i18next names its options", () => {
    for (const [key, text] of templatesOf(NOTIFICATION_TEXT_ZH))
      for (const name of placeholdersOf(text))
        expect(I18NEXT_OPTION_NAMES, `${key}: ${name}`).not.toContain(name);
  });

  it("writes Uyghur in Arabic script and English in Latin letters, not a copy of the Chinese", () => {
    for (const [language, texts, foreign] of [
      ["en", en.notifications, FOREIGN_SCRIPT.en],
      ["ug", ug.notifications, FOREIGN_SCRIPT.ug],
    ] as const)
      for (const [key, text] of templatesOf(texts))
        expect(text.replace(/\{\{\w+\}\}/g, ""), `${language} ${key}`).not.toMatch(foreign);
  });
});
