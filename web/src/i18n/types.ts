import type { RoutingTexts } from "../../../server/domain/cases/routing-explanation.ts";
import type { NotificationTexts } from "../../../server/domain/notification-messages.ts";
import type { DomainLabels } from "./domain/zh-CN";
import type { zhCN } from "./zh-CN";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
type Partially<T> = { [K in keyof T]?: T[K] extends string ? string : Partially<T[K]> };

/**
 * The Chinese resource as the app reads it: the interface strings, the domain labels (domain-labels.ts), the
 * notification messages (notification-text.ts) and the routing explanations (routing-text.ts).
 */
export type Resource = typeof zhCN & {
  domain: DomainLabels;
  notifications: NotificationTexts;
  routingExplanation: RoutingTexts;
};
/** The shape every complete translation must have: the Chinese resource with its strings widened. */
export type Translation = Widen<Resource>;
/** A translation that falls back to Chinese for whatever it leaves out. */
export type PartialTranslation = Partially<Resource>;
