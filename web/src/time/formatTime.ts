import { currentLanguage } from "../i18n";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(language: string): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "zh-CN", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(language, formatter);
  }
  return formatter;
}

/** Formats a UTC timestamp from the API as Beijing time, the time every user of the platform works in. */
export function formatTime(utc: string | null | undefined): string {
  if (!utc) return "";
  const date = new Date(utc);
  if (Number.isNaN(date.getTime())) return utc;
  return formatterFor(currentLanguage()).format(date);
}
