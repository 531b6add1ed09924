/** Every template of a language's texts by its dotted key (`messages.case_reported.title`, `parts.case` …). */
export function templatesOf(texts: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof texts === "string") out.set(prefix, texts);
  else if (typeof texts === "object" && texts !== null)
    for (const [name, value] of Object.entries(texts))
      for (const [key, text] of templatesOf(value, prefix ? `${prefix}.${name}` : name)) out.set(key, text);
  return out;
}

/** A template's placeholder names, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}

/** Letters of a script a translation should not contain: Chinese or Uyghur in English, Chinese or Latin in Uyghur. */
export const FOREIGN_SCRIPT = {
  en: /[\p{Script=Han}\p{Script=Arabic}]/u,
  ug: /[\p{Script=Han}\p{Script=Latin}]/u,
} as const;

/**
 * Words i18next's `t` reads from its second argument as options, not as values: a placeholder named so would
 * change how the template is looked up (`lng` picks the language) instead of filling it.
 */
export const I18NEXT_OPTION_NAMES: readonly string[] = [
  "lng",
  "lngs",
  "fallbackLng",
  "ns",
  "count",
  "context",
  "ordinal",
  "defaultValue",
  "replace",
  "returnObjects",
  "returnDetails",
  "joinArrays",
  "postProcess",
  "interpolation",
  "keySeparator",
  "nsSeparator",
];
