import { describe, expect, it } from "vitest";
import { enDomain } from "../../web/src/i18n/domain/en.ts";
import { ugDomain } from "../../web/src/i18n/domain/ug.ts";
import { type DomainLabels, zhDomain } from "../../web/src/i18n/domain/zh-CN.ts";
import { CASE_ACTION_NAMES } from "./cases/case-actions.ts";
import { CASE_SOURCES, PETITION_CHANNELS } from "./cases/case-sources.ts";
import { CASE_STAGES, HANDLING_RESULTS } from "./cases/case-state.ts";
import { DEADLINE_PHASES } from "./cases/deadline-rules.ts";
import { MATTER_CATEGORY_CODES } from "./cases/matter-categories.ts";
import { PRIORITIES, SUPERVISION_LEVELS } from "./cases/priorities.ts";
import { NOTIFICATION_KINDS } from "./notification-kinds.ts";

// The web names these codes in each language (web/src/i18n/domain/); the server sends the codes and Chinese names.
const codesOf: Record<keyof DomainLabels, readonly string[]> = {
  categories: MATTER_CATEGORY_CODES,
  stages: CASE_STAGES,
  actions: CASE_ACTION_NAMES,
  sources: CASE_SOURCES,
  petitionChannels: PETITION_CHANNELS,
  priorities: PRIORITIES,
  supervisionLevels: PRIORITIES.map((p) => SUPERVISION_LEVELS[p].code),
  handlingResults: HANDLING_RESULTS,
  deadlinePhases: DEADLINE_PHASES,
  notificationKinds: NOTIFICATION_KINDS,
};

const languages: [string, DomainLabels][] = [
  ["zh-CN", zhDomain],
  ["en", enDomain],
  ["ug", ugDomain],
];

describe("names of the server's codes on screen", () => {
  it("names every code the server knows, in every language, and no other", () => {
    expect(Object.keys(zhDomain).sort()).toEqual(Object.keys(codesOf).sort());
    for (const [language, labels] of languages)
      for (const [table, codes] of Object.entries(codesOf) as [keyof DomainLabels, readonly string[]][]) {
        const names = labels[table] as Record<string, string>;
        const unnamed = codes.filter((code) => !names[code]?.trim());
        expect(unnamed, `${language}: ${table} without a name`).toEqual([]);
        expect(Object.keys(names).sort(), `${language}: ${table} names for codes the server lacks`).toEqual(
          [...codes].sort(),
        );
      }
  });

  it("writes Uyghur in Arabic script and English in Latin letters, not a copy of the Chinese", () => {
    const han = /\p{Script=Han}/u;
    for (const [language, labels, script] of [
      ["en", enDomain, /^[\p{Script=Latin}\d\s,.()'-]+$/u],
      ["ug", ugDomain, /^[\p{Script=Arabic}\d\s،,.()-]+$/u],
    ] as const)
      for (const [table, names] of Object.entries(labels))
        for (const [code, name] of Object.entries(names as Record<string, string>)) {
          expect(name, `${language} ${table}.${code}`).not.toMatch(han);
          expect(name, `${language} ${table}.${code}`).toMatch(script);
        }
  });
});
