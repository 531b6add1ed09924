/** KPI periods are civil dates in Asia/Shanghai (UTC+8, no DST since 1991). */
const OFFSET_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, "0");

/** A KPI period: both ends included, YYYY-MM-DD. */
export interface KpiPeriod {
  from: string;
  to: string;
}

export function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The quarter holding `now` in Asia/Shanghai. */
export function currentQuarter(now: Date): KpiPeriod {
  const local = new Date(now.getTime() + OFFSET_MS);
  const year = local.getUTCFullYear();
  const q = Math.floor(local.getUTCMonth() / 3);
  const last = new Date(Date.UTC(year, q * 3 + 3, 0));
  return { from: `${year}-${pad(q * 3 + 1)}-01`, to: `${year}-${pad(q * 3 + 3)}-${pad(last.getUTCDate())}` };
}
