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
