export type Language = "zh-CN" | "en" | "ug";

export interface LanguageOption {
  code: Language;
  /** Each language is named in itself (an endonym), so it is never translated. */
  endonym: string;
  dir: "ltr" | "rtl";
}

export const languages: readonly LanguageOption[] = [
  { code: "zh-CN", endonym: "中文", dir: "ltr" },
  { code: "en", endonym: "English", dir: "ltr" },
  { code: "ug", endonym: "ئۇيغۇرچە", dir: "rtl" },
];

export const defaultLanguage: Language = "zh-CN";

export function isLanguage(value: unknown): value is Language {
  return languages.some((l) => l.code === value);
}

export function directionOf(language: Language): "ltr" | "rtl" {
  return languages.find((l) => l.code === language)?.dir ?? "ltr";
}
