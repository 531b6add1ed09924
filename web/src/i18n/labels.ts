import type { TFunction } from "i18next";
import { zhCN } from "./zh-CN";

type RoleKey = keyof typeof zhCN.roles;
type KindKey = keyof typeof zhCN.kinds;

// Codes come from the server; an unknown one (a role added later) is shown as-is rather than as a broken key.
export function roleLabel(t: TFunction, role: string): string {
  return role in zhCN.roles ? t(`roles.${role as RoleKey}`) : role;
}

export function kindLabel(t: TFunction, kind: string): string {
  return kind in zhCN.kinds ? t(`kinds.${kind as KindKey}`) : kind;
}

export function levelLabel(t: TFunction, level: number): string {
  if (level === 1 || level === 2 || level === 3) return t(`levels.${level}`);
  return t("levels.other", { level });
}

export const roleCodes = Object.keys(zhCN.roles) as RoleKey[];

type AuditActionKey = keyof typeof zhCN.audit.actions;
type AuditGroupKey = keyof typeof zhCN.audit.groups;
type AuditEntityKey = keyof typeof zhCN.audit.entities;

/** An audit action in words (登录, 查看举报人身份); a code this build has no label for, as it is. */
export function auditActionLabel(t: TFunction, code: string): string {
  return Object.hasOwn(zhCN.audit.actions, code) ? t(`audit.actions.${code as AuditActionKey}`) : code;
}

export function auditGroupLabel(t: TFunction, group: string): string {
  return Object.hasOwn(zhCN.audit.groups, group) ? t(`audit.groups.${group as AuditGroupKey}`) : group;
}

/** What an audit row is about: its kind in words and its id (案件 #12). */
export function auditEntityLabel(t: TFunction, type: string | null, id: string | number | null): string {
  if (!type) return "—";
  const kind = Object.hasOwn(zhCN.audit.entities, type)
    ? t(`audit.entities.${type as AuditEntityKey}`)
    : type;
  return id === null || id === "" ? kind : `${kind} #${id}`;
}
