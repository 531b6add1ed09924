/** Progress lines on stderr: rows done, rate and an estimate of the time left. */
export function progress(label: string, total: number): { step(done: number): void; end(): number } {
  const started = performance.now();
  let last = -1;
  const line = (done: number) => {
    if (done === last) return;
    last = done;
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? (total - done) / rate : 0;
    const pct = total > 0 ? Math.round((done / total) * 100) : 100;
    process.stderr.write(
      `[bench:data] ${label}: ${done.toLocaleString("en")}/${total.toLocaleString("en")} (${pct}%), ` +
        `${Math.round(rate).toLocaleString("en")} rows/s, ${seconds.toFixed(1)} s, ETA ${eta.toFixed(0)} s\n`,
    );
  };
  return {
    step: line,
    end() {
      line(total);
      return (performance.now() - started) / 1000;
    },
  };
}
