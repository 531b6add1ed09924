/**
 * An unsent report form kept in sessionStorage (this tab only, gone when it closes), so a session that
 * expires while someone is writing does not lose their work. One draft per signed-in user.
 */

const PREFIX = "envgrid.reportDraft.";
export const DRAFT_MAX_AGE_MS = 24 * 60 * 60_000;

// What a draft keeps, and each field's type. An allow-list: the resident reporter's name and contact
// (PIPL, whistle-blowers), a dispute's parties (the complainant is the reporter) and the photos are never
// stored, nor any field added to the form later.
const KEPT = {
  source: "string",
  petitionChannel: "string",
  category: "string",
  priority: "string",
  title: "string",
  description: "string",
  lng: "number",
  lat: "number",
  address: "string",
  anonymous: "boolean",
} as const;

type Kept = typeof KEPT;
type TypeOf<T> = T extends "string" ? string : T extends "number" ? number : boolean;
export type ReportDraftValues = { -readonly [K in keyof Kept]?: TypeOf<Kept[K]> };

export interface ReportDraft {
  savedAt: number;
  values: ReportDraftValues;
}

export function draftKey(userId: number): string {
  return `${PREFIX}${userId}`;
}

/** The kept fields of the form's values that hold something of their declared type; nothing else. */
export function draftValuesOf(values: object): ReportDraftValues {
  const given = values as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const [field, type] of Object.entries(KEPT))
    if (typeof given[field] === type && given[field] !== "") kept[field] = given[field];
  return kept;
}

/** The draft stored for the user, or null when there is none, it is too old or it cannot be read. */
export function loadReportDraft(storage: Storage, userId: number, now = Date.now()): ReportDraft | null {
  let stored: unknown;
  try {
    stored = JSON.parse(storage.getItem(draftKey(userId)) ?? "null");
  } catch {
    return null;
  }
  if (typeof stored !== "object" || stored === null) return null;
  const { savedAt, values } = stored as { savedAt?: unknown; values?: unknown };
  if (typeof savedAt !== "number" || !(now - savedAt >= 0 && now - savedAt < DRAFT_MAX_AGE_MS)) return null;
  if (typeof values !== "object" || values === null) return null;
  return { savedAt, values: draftValuesOf(values) };
}

/** Keeps the form's values; a form holding nothing beyond its default source is not worth offering. */
export function saveReportDraft(storage: Storage, userId: number, values: object, now = Date.now()): void {
  const kept = draftValuesOf(values);
  try {
    if (Object.keys(kept).some((field) => field !== "source" && field !== "anonymous"))
      storage.setItem(draftKey(userId), JSON.stringify({ savedAt: now, values: kept }));
    else storage.removeItem(draftKey(userId));
  } catch {
    // storage full or disabled: the form keeps working, only without a draft
  }
}

export function removeReportDraft(storage: Storage, userId: number): void {
  storage.removeItem(draftKey(userId));
}

/**
 * Every user's draft in this tab (but `keepUserId`'s): an explicit sign-out leaves nothing behind, and whoever
 * signs in next keeps only their own draft, never the last person's.
 */
export function clearReportDrafts(storage: Storage, keepUserId?: number): void {
  const keep = keepUserId === undefined ? null : draftKey(keepUserId);
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i));
  for (const key of keys) if (key?.startsWith(PREFIX) && key !== keep) storage.removeItem(key);
}

const clock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Shanghai",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", month: "2-digit", day: "2-digit" });

/** When a draft was saved, in Beijing time like every other time on screen: HH:mm today, MM-DD HH:mm before. */
export function draftClock(savedAt: number, now: number = Date.now()): string {
  const time = clock.format(savedAt);
  return day.format(savedAt) === day.format(now) ? time : `${day.format(savedAt)} ${time}`;
}
