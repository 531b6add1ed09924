/** The last `count` quarters up to the one holding `today` (YYYY-MM-DD), newest first. */
export function recentQuarters(today: string, count: number): { key: string; from: string; to: string }[] {
  let year = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const out: { key: string; from: string; to: string }[] = [];
  for (let i = 0; i < count; i++) {
    const lastDay = new Date(Date.UTC(year, q * 3 + 3, 0)).getUTCDate();
    const pad = (n: number) => String(n).padStart(2, "0");
    out.push({
      key: `${year}-Q${q + 1}`,
      from: `${year}-${pad(q * 3 + 1)}-01`,
      to: `${year}-${pad(q * 3 + 3)}-${pad(lastDay)}`,
    });
    q -= 1;
    if (q < 0) {
      q = 3;
      year -= 1;
    }
  }
  return out;
}
