import { currentLanguage } from "../i18n";
import { formatBeijingTime } from "./beijingTime";

/** Formats a UTC timestamp from the API as Beijing time, to the second, in the interface language. */
export function formatTime(utc: string | null | undefined): string {
  return formatBeijingTime(utc, currentLanguage(), "second");
}

/**
 * The same to the minute: how the server's Chinese messages state a time (a notification's deadline), so the
 * reader's language shows what the stored text says, no more precisely.
 */
export function formatTimeToMinute(utc: string | null | undefined): string {
  return formatBeijingTime(utc, currentLanguage(), "minute");
}
