import { describe, expect, it } from "vitest";
import { NOTIFICATION_MESSAGES, NOTIFICATION_TEXT_ZH } from "../../../server/domain/notification-messages";
import { en } from "./en";
import type { PartialTranslation } from "./types";
import { ug } from "./ug";

// The Chinese texts are the server's own (i18n/notification-text.ts loads them); en.ts and ug.ts carry theirs.
type Texts = PartialTranslation["notifications"];
const languages: [string, Texts][] = [
  ["zh-CN", NOTIFICATION_TEXT_ZH],
  ["en", en.notifications],
  ["ug", ug.notifications],
];

/** Every template of a language, by its key (`messages.case_reported.title`, `parts.case` …). */
function templates(texts: Texts): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, text] of Object.entries(texts?.parts ?? {})) out.set(`parts.${name}`, text);
  for (const [code, message] of Object.entries(texts?.messages ?? {}))
    for (const [field, text] of Object.entries(message ?? {})) out.set(`messages.${code}.${field}`, text);
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

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
    const chinese = templates(NOTIFICATION_TEXT_ZH);
    for (const [language, texts] of languages) {
      const own = templates(texts);
      expect([...own.keys()].sort(), language).toEqual([...chinese.keys()].sort());
      for (const [key, text] of chinese)
        expect(placeholders(own.get(key) ?? ""), `${language}: ${key}`).toEqual(placeholders(text));
    }
  });

  it("writes Uyghur in Arabic script and English in Latin letters, not a copy of the Chinese", () => {
    for (const [language, texts, foreign] of [
      ["en", en.notifications, /[\p{Script=Han}\p{Script=Arabic}]/u],
      ["ug", ug.notifications, /[\p{Script=Han}\p{Script=Latin}]/u],
    ] as const)
      for (const [key, text] of templates(texts))
        expect(text.replace(/\{\{\w+\}\}/g, ""), `${language} ${key}`).not.toMatch(foreign);
  });
});
