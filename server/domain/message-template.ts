/** The words a message template is filled with, by placeholder name. */
export type TemplateWords = Record<string, string | number>;

/**
 * Fills `{{name}}` in one pass, so a value that itself contains braces (a typed title or reason) stays as
 * typed. Shared by the messages the server stores in Chinese and the web words in the reader's language.
 */
export function fillTemplate(template: string, words: TemplateWords = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(words[name] ?? ""));
}
