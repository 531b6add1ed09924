import { SHANGHAI_TO_THE_MINUTE } from "../../../server/domain/shanghai-time";

/** How finely a time is shown: to the second (records, logs) or to the minute (deadlines in messages). */
export type TimePrecision = "second" | "minute";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(language: string, precision: TimePrecision): Intl.DateTimeFormat {
  const key = `${language} ${precision}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "zh-CN", {
      ...SHANGHAI_TO_THE_MINUTE,
      ...(precision === "second" ? { second: "2-digit" } : {}),
      hourCycle: "h23",
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A UTC timestamp from the API as Beijing time, the time every user of the platform works in, in the
 * conventions of `language` (English day-first, Chinese and Uyghur year-first).
 */
export function formatBeijingTime(
  utc: string | null | undefined,
  language: string,
  precision: TimePrecision,
): string {
  if (!utc) return "";
  const date = new Date(utc);
  if (Number.isNaN(date.getTime())) return utc;
  return formatterFor(language, precision).format(date);
}
