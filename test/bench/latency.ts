import { performance } from "node:perf_hooks";

export interface Latency {
  p50: number;
  p95: number;
}

/** Runs `work` a few times to warm caches, then `runs` times; median and 95th percentile in ms. */
export async function measure(work: () => Promise<unknown>, runs: number, warmup = 5): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: round2(at(0.5)), p95: round2(at(0.95)) };
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
