/** A KPI rate (part / whole) to four decimals; null when nothing was due, so "no work" never reads as 0 %. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}
