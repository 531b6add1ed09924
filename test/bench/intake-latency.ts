import { randomUUID } from "node:crypto";
import type { App } from "../../server/routes/types.ts";
import { type BareInsert, intakeBody } from "./intake.bench.ts";
import { type Latency, measure } from "./latency.ts";

/**
 * One intake at a time, as the data grows: `POST /api/cases` through the app (inject) by a grid member in
 * their grid, against the bare one-row INSERT on the same pool. Sequential latency, not throughput: what it
 * shows is whether filing gets slower as the cases, grids and accounts pile up. Warm-up runs past the five
 * custom plans after which PostgreSQL may switch a prepared statement to its generic plan.
 */
export async function intakeLatencies(
  app: App,
  cookie: string,
  points: { lng: number; lat: number }[],
  insert: BareInsert,
  runs: number,
): Promise<{ intake: Latency; bare: Latency }> {
  let n = 0;
  const intake = await measure(
    async () => {
      const r = await app.inject({
        method: "POST",
        url: "/api/cases",
        headers: { cookie, "idempotency-key": randomUUID() },
        payload: intakeBody(n++, points),
      });
      if (r.statusCode !== 201) throw new Error(`intake answered ${r.statusCode}: ${r.body}`);
    },
    runs,
    20,
  );
  const bare = await measure(() => insert(intakeBody(n++, points)), runs, 20);
  return { intake, bare };
}
