import type { TFunction } from "i18next";
import {
  ROUTING_TEXT_ZH,
  type RoutingTextKey,
  readRoutingExplanation,
  renderRoutingExplanation,
} from "../../../server/domain/cases/routing-explanation.ts";
import { categoryLabel } from "./domain-labels";
import { i18n } from "./index";

// The Chinese texts are the server's own (what it stores), loaded with the scenes that show a case.
i18n.addResourceBundle("zh-CN", "translation", { routingExplanation: ROUTING_TEXT_ZH }, true, false);

/** What a case's routing (or a routing_override event) stores about why it went where it did. */
export interface StoredRoutingExplanation {
  explanation: string;
  explanationCode?: unknown;
  explanationParams?: unknown;
}

/** Grid and department names in the reader's language, given an id and the Chinese name stored with it. */
export interface RoutingNames {
  grid(id: number, chineseName: string): string;
  gridAbove(id: number, chineseName: string): string;
  department(id: number, chineseName: string): string;
}

/**
 * A routing explanation in the reader's language, worded from its code and parameters; the stored Chinese
 * sentence when it has none this build knows (a routing recorded before, a newer code, parameters amiss).
 */
export function routingExplanationText(
  t: TFunction,
  stored: StoredRoutingExplanation,
  names: RoutingNames,
): string {
  const explained = readRoutingExplanation(stored.explanationCode, stored.explanationParams);
  if (!explained) return stored.explanation;
  return renderRoutingExplanation(explained, {
    text: (key, words) =>
      t(`routingExplanation.${key}` as `routingExplanation.${RoutingTextKey}`, words ?? {}),
    category: (code) => categoryLabel(t, code),
    ...names,
  });
}
