import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { type Database, rows } from "../../server/db/client.ts";
import { listenApp, load, loginCookie, openSeededDatabase, pointsInGrids } from "./bench-app.ts";
import { emit } from "./bench-db.ts";

interface Walk {
  startMs: number;
  lon: number;
  lat: number;
}

/** The n-th GPS fix of a patrol: one every 3 s, walking about 2 m per fix (no speed or area flags). */
function fix(walk: Walk, n: number) {
  return {
    t: new Date(walk.startMs + n * 3000).toISOString(),
    lon: walk.lon + n * 0.00002,
    lat: walk.lat + (n % 2) * 0.00001,
    accuracy: 8,
  };
}

/**
 * The raw path: the same rows into the same table with one multi-row INSERT … SELECT FROM unnest(arrays)
 * per 10,000 points. COPY FROM STDIN would need pg-copy-streams (not installed) and does not exist on
 * PGlite; unnest of typed arrays is the fastest set-based path both engines run.
 */
async function bulkInsert(
  database: Database,
  patrolIds: number[],
  walks: Walk[],
  perPatrol: number,
): Promise<number> {
  const all: { id: number; f: ReturnType<typeof fix> }[] = [];
  patrolIds.forEach((id, p) => {
    for (let n = 0; n < perPatrol; n++) all.push({ id, f: fix(walks[p], n) });
  });
  const array = (values: (string | number)[]) => `{${values.join(",")}}`;
  const t0 = performance.now();
  for (let start = 0; start < all.length; start += 10_000) {
    const part = all.slice(start, start + 10_000);
    await database.db.execute(sql`
      insert into patrol_track_points (patrol_id, t, lon, lat, accuracy, flags)
      select * from unnest(${array(part.map((r) => r.id))}::int[], ${array(part.map((r) => `"${r.f.t}"`))}::timestamptz[],
                           ${array(part.map((r) => r.f.lon))}::float8[], ${array(part.map((r) => r.f.lat))}::float8[],
                           ${array(part.map((r) => r.f.accuracy))}::real[], ${array(part.map(() => 0))}::smallint[])`);
  }
  return all.length / ((performance.now() - t0) / 1000);
}

async function startPatrols(url: string, cookie: string, count: number, startedAt: Date): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/api/patrols`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({ startedAt: startedAt.toISOString() }),
    });
    if (!response.ok) throw new Error(`start patrol: ${response.status} ${await response.text()}`);
    ids.push(((await response.json()) as { id: number }).id);
  }
  return ids;
}

/** Points per second through POST /api/patrols/:id/track, one patrol per connection (one phone each). */
async function ingestRun(
  database: Database,
  url: string,
  cookie: string,
  options: { patrols: number; batch: number; batchesPerPatrol: number; origin: { lng: number; lat: number } },
) {
  const startedAt = new Date(Date.now() - 3 * 86_400_000);
  const ids = await startPatrols(url, cookie, options.patrols, startedAt);
  const walks: Walk[] = ids.map((_, p) => ({
    startMs: startedAt.getTime() + 1000,
    lon: options.origin.lng + p * 0.001,
    lat: options.origin.lat,
  }));
  const sent = ids.map(() => 0);
  const result = await load({
    url,
    connections: options.patrols,
    amount: options.patrols * options.batchesPerPatrol,
    headers: { cookie },
    path: (_n, client) => `/api/patrols/${ids[client]}/track`,
    body: (_n, client) => {
      const first = sent[client];
      sent[client] += options.batch;
      return { points: Array.from({ length: options.batch }, (_, k) => fix(walks[client], first + k)) };
    },
  });
  const [stored] = await rows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from patrol_track_points where patrol_id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  const perPatrol = options.batch * options.batchesPerPatrol;
  if (stored.n !== options.patrols * perPatrol)
    throw new Error(`track ingest stored ${stored.n} of ${options.patrols * perPatrol} points`);

  // The same rows for fresh patrols of the same member, straight into the table.
  const fresh = await rows<{ id: number }>(
    database.db,
    sql`insert into patrols (member_id, grid_id, started_at)
        select member_id, grid_id, started_at from patrols where id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) order by id returning id`,
  );
  const bulkRate = await bulkInsert(
    database,
    fresh.map((r) => r.id),
    walks,
    perPatrol,
  );
  return { rate: stored.n / result.seconds, bulkRate, points: stored.n, p50: result.p50Ms };
}

export async function trackIngestBench(quick: boolean): Promise<void> {
  const { database, drop } = await openSeededDatabase("track");
  const { app, url } = await listenApp(database);
  try {
    const cookie = await loginCookie(url, "member");
    const [origin] = await pointsInGrids(database, 1);
    await ingestRun(database, url, cookie, { patrols: 2, batch: 10, batchesPerPatrol: 5, origin }); // warm-up
    const shapes = [
      // what the field app sends while online: a batch a minute (BATCH_MS in FieldScene), ~60 fixes at 1 Hz
      { label: "field_batches", patrols: 10, batch: 60, batchesPerPatrol: quick ? 2 : 30 },
      // a phone back online after a long offline stretch: the outbox sends its queued track records together,
      // up to the largest batch the endpoint takes (POINTS_PER_REQUEST in web/src/field/outbox.ts)
      { label: "offline_sync", patrols: 10, batch: 1000, batchesPerPatrol: quick ? 1 : 20 },
    ];
    for (const shape of shapes) {
      const r = await ingestRun(database, url, cookie, { ...shape, origin });
      emit({
        name: `track_ingest.${shape.label}.points_per_second`,
        value: Math.round(r.rate),
        unit: "points/s",
        baseline: Math.round(r.bulkRate),
        ratio: Math.round((r.rate / r.bulkRate) * 1000) / 1000,
        target: "ratio >= 0.3",
        engine: database.engine,
        note: `${r.points} points, ${shape.patrols} patrols in parallel, ${shape.batch} points per POST /api/patrols/:id/track (p50 ${r.p50} ms); baseline: the same rows with INSERT … SELECT FROM unnest(arrays), 10,000 per statement (pg-copy-streams for COPY is not installed)`,
      });
    }
  } finally {
    await app.close();
    await drop();
  }
}
