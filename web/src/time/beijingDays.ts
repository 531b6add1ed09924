// China keeps UTC+8 all year (no daylight saving), so a Beijing wall-clock day is a fixed UTC interval.
const DAY_MS = 86_400_000;

/**
 * The UTC interval of whole Beijing days, first to last inclusive ("YYYY-MM-DD" as picked on screen, whatever
 * the browser's own time zone): `from` inclusive, `to` exclusive, as the API's time filters read them.
 */
export function beijingDayRange(firstDay: string, lastDay: string): { from: string; to: string } {
  const from = new Date(`${firstDay}T00:00:00+08:00`);
  const to = new Date(new Date(`${lastDay}T00:00:00+08:00`).getTime() + DAY_MS);
  return { from: from.toISOString(), to: to.toISOString() };
}
