// The load generator of `load()` (bench-app.ts), as its own plain node process (forked without tsx's
// loader): inside the benchmark's tsx process, in its event loop or on a worker thread, autocannon capped
// every route at ~3,000 requests/s (a no-op route included), so a cheap baseline measured the harness.
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";

/** @type {{ url: string, headers: Record<string, string>, idempotencyKeys: boolean, clients: { path: string, body: string }[][] }} */
const job = await new Promise((resolve) => process.once("message", resolve));

let firstFailure = "";
// The clock stops at the last answer: autocannon resolves only on its next one-second tick, which put
// every short run's duration up to a whole second too long (a 1.1 s run counted as 2 s).
let lastAnswerAt = 0;
const started = performance.now();
const results = await Promise.all(
  job.clients.map((queue) => {
    let n = 0;
    return autocannon({
      url: job.url,
      connections: 1,
      amount: queue.length,
      timeout: 60,
      skipAggregateResult: true,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => {
            const { path, body } = queue[n++];
            const headers = { ...job.headers, "content-type": "application/json" };
            if (job.idempotencyKeys) headers["idempotency-key"] = randomUUID();
            return { ...request, path, headers, body };
          },
          onResponse: (status, body) => {
            lastAnswerAt = performance.now();
            if (status >= 300 && !firstFailure) firstFailure = `${status} ${body.slice(-400)}`;
          },
        },
      ],
    });
  }),
);
// Raw results (skipAggregateResult), aggregated together: the clients' latency histograms are merged.
const total = autocannon.aggregateResult(results, { url: job.url, connections: job.clients.length });
process.send({
  seconds: (lastAnswerAt - started) / 1000,
  firstFailure,
  requests: total.requests.total,
  non2xx: total.non2xx,
  errors: total.errors,
  p50Ms: total.latency.p50,
  p99Ms: total.latency.p99,
});
process.disconnect();
