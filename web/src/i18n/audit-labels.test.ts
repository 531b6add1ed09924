import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
} from "../../../server/domain/audit-actions";
import { en } from "./en";
import type { PartialTranslation } from "./types";
import { ug } from "./ug";
import { zhCN } from "./zh-CN";

const languages: [string, PartialTranslation][] = [
  ["zh-CN", zhCN],
  ["en", en],
  ["ug", ug],
];

const repo = path.resolve(import.meta.dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(repo, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return relative.endsWith(".ts") && !relative.endsWith(".test.ts") ? [relative] : [];
  });
}

/**
 * The action codes written in the source, read the way a reviewer would: the string literals on `action:` lines
 * of every file that records audit events, and the literals of raw `insert into audit_log` statements.
 * (`recordAudit` only takes `AuditAction`, so the compiler checks the same from the other side.)
 */
function actionCodesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const code = /["'`]([a-z_]+\.[a-z_]+)["'`]/g;
  for (const file of [...sourceFiles("server"), ...sourceFiles("test/bench")]) {
    const text = fs.readFileSync(path.join(repo, file), "utf8");
    if (!/recordAudit\(|insert\(auditLog\)|insert into audit_log/i.test(text)) continue;
    for (const line of text.split("\n").filter((l) => /\baction:/.test(l)))
      for (const m of line.matchAll(code)) found.set(m[1], file);
    for (const statement of text.matchAll(/insert into audit_log[^`]*/gi))
      for (const m of statement[0].matchAll(code)) found.set(m[1], file);
  }
  return found;
}

describe("audit action labels", () => {
  it("names every action code the server writes, in every language, and no other", () => {
    for (const [language, resource] of languages) {
      const labels = (resource.audit?.actions ?? {}) as Record<string, string | undefined>;
      const missing = AUDIT_ACTIONS.filter((a) => !labels[a]?.trim());
      expect(missing, `${language}: audit.actions without a label`).toEqual([]);
      expect(Object.keys(labels).sort(), `${language}: labels for codes nobody writes`).toEqual(
        [...AUDIT_ACTIONS].sort(),
      );
    }
  });

  it("says in Chinese on screen what the export's 操作 column says", () => {
    expect(zhCN.audit.actions).toEqual(AUDIT_ACTION_LABELS);
  });

  it("names every action group and entity type in every language", () => {
    for (const [language, resource] of languages) {
      const groups = (resource.audit?.groups ?? {}) as Record<string, string | undefined>;
      const entities = (resource.audit?.entities ?? {}) as Record<string, string | undefined>;
      expect(Object.keys(groups).sort(), language).toEqual([...AUDIT_ACTION_GROUPS].sort());
      expect(Object.keys(entities).sort(), language).toEqual([...AUDIT_ENTITY_TYPES].sort());
      expect(Object.values({ ...groups, ...entities }).every((v) => v?.trim())).toBe(true);
    }
  });

  it("lists every action code found in the server's source (a new one needs its labels)", () => {
    const found = actionCodesInSource();
    // the scan must see the recorder's callers, or it proves nothing
    expect(found.size).toBeGreaterThan(40);
    expect(found.has("case.create")).toBe(true); // the intake's one-statement insert
    const unknown = [...found].filter(([a]) => !(AUDIT_ACTIONS as string[]).includes(a));
    expect(unknown.map(([a, file]) => `${a} (${file})`)).toEqual([]);
  });

  it("writes audit rows only through the typed recorder or the object register", () => {
    const writers = [...sourceFiles("server")].filter((f) =>
      /insert\(auditLog\)/.test(fs.readFileSync(path.join(repo, f), "utf8")),
    );
    expect(writers.sort()).toEqual([
      "server/commands/audit-recorder.ts",
      "server/commands/object-register.ts",
    ]);
  });
});
