import type { TFunction } from "i18next";
import { type DomainLabels, zhDomain } from "./domain/zh-CN";
import { i18n } from "./index";

// The Chinese names come with the scenes that import this module, so the login page's entry chunk stays small;
// English and Uyghur carry theirs in their language bundles (en.ts, ug.ts).
i18n.addResourceBundle("zh-CN", "translation", { domain: zhDomain }, true, false);

type Table = keyof DomainLabels;
type DomainKey = { [T in Table]: `domain.${T}.${Extract<keyof DomainLabels[T], string>}` }[Table];

/**
 * Names a code the server sends in the reader's language. A code this build does not know (added on the server
 * later) shows the server's own Chinese name, or the code itself when there is none.
 */
function labelOf(table: Table) {
  return (t: TFunction, code: string | null | undefined, serverName?: string | null): string =>
    code && Object.hasOwn(zhDomain[table], code)
      ? t(`domain.${table}.${code}` as DomainKey)
      : (serverName ?? code ?? "");
}

export const categoryLabel = labelOf("categories");
export const stageLabel = labelOf("stages");
export const actionLabel = labelOf("actions");
export const sourceLabel = labelOf("sources");
export const petitionChannelLabel = labelOf("petitionChannels");
export const priorityLabel = labelOf("priorities");
export const supervisionLevelLabel = labelOf("supervisionLevels");
export const handlingResultLabel = labelOf("handlingResults");
export const deadlinePhaseLabel = labelOf("deadlinePhases");
export const notificationKindLabel = labelOf("notificationKinds");
