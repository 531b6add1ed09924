import type { zhCN } from "./zh-CN";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
type Partially<T> = { [K in keyof T]?: T[K] extends string ? string : Partially<T[K]> };

/** The shape every complete translation must have: the Chinese resource with its strings widened. */
export type Translation = Widen<typeof zhCN>;
/** A translation that falls back to Chinese for whatever it leaves out. */
export type PartialTranslation = Partially<typeof zhCN>;
