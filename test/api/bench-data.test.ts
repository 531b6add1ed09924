import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import type { DepartmentKpiReach } from "../../server/policies/department-kpi-reach.ts";
import { departmentKpiStatement } from "../../server/queries/department-kpis.ts";
import { generateCases, generateGrids, generatePeople } from "../bench/data/generate.ts";
import { PROVINCE } from "../bench/data/scales.ts";
import { departmentKpiScan } from "../bench/department-kpi-scan.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-db.ts";

// Years after the demo seed's cases, so the department statement over them counts synthetic work only.
const NOW = new Date("2031-01-01T00:00:00Z");
const CASES = 2_000;
let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase();
  await generateGrids(t.database.db, { ...PROVINCE, side: 4, blockSide: 2 }, 42);
  await generatePeople(t.database.db, "!synthetic-account-no-login");
  await generateCases(t.database.db, { first: 1, last: CASES }, NOW, 42);
});
afterAll(() => t?.drop());

const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(t.database.db, query))[0];

describe("synthetic cases' department work (bench:data)", () => {
  it("writes each case's hand-over, extension and re-checks as the case row says", async () => {
    const wrong = await one<{ n: number; sample: unknown }>(sql`
      with ev as (
        select c.id,
               count(*) filter (where e.action = 'transfer' and (e.data ->> 'departmentId')::int = c.assigned_department_id
                                  and c.handler_kind = 'department')::int as transfers,
               count(*) filter (where e.action = 'organize_joint' and c.handler_kind = 'joint'
                                  and (e.data ->> 'leadDepartmentId')::int = c.assigned_department_id
                                  and e.data -> 'participantDepartmentIds' = to_jsonb(c.participant_department_ids)
                                  and cardinality(c.participant_department_ids) > 0)::int as joints,
               count(*) filter (where e.action = 'approve_extension')::int as extensions,
               count(*) filter (where e.action = 'record_verification' and (e.data ->> 'passed')::boolean
                                  and e.at = c.verification_passed_at and e.to_stage = 'verified')::int as passes,
               count(*) filter (where e.action = 'record_verification' and not (e.data ->> 'passed')::boolean
                                  and e.at < c.verification_passed_at)::int as fails,
               count(*) filter (where e.at < c.reported_at or e.at > ${NOW.toISOString()}::timestamptz)::int as outside,
               bool_and(e.at >= coalesce(prev.at, e.at)) as in_order,
               max(e.version) as last_version
          from cases c join case_events e on e.case_id = c.id
          left join lateral (select max(p.at) as at from case_events p where p.case_id = c.id and p.id < e.id) prev on true
         where c.tracking_no like 'SYN%'
         group by c.id)
      select count(*)::int as n, min(ev.id) as sample
        from ev join cases c on c.id = ev.id
       where ev.transfers + ev.joints <> (c.assigned_department_id is not null)::int
          or ev.extensions <> c.extensions_granted
          or ev.passes <> (c.verification_passed_at is not null)::int
          or ev.fails <> c.rework_count
          or ev.outside > 0 or not ev.in_order or ev.last_version <> c.version`);
    expect(wrong.n, `first such case: ${wrong.sample}`).toBe(0);
  });

  it("gives every kind of department work, at realistic shares", async () => {
    const r = await one<{
      transfers: number;
      joints: number;
      reworks: number;
      extensions: number;
      passes: number;
    }>(
      sql`select count(*) filter (where e.action = 'transfer')::int as transfers,
                 count(*) filter (where e.action = 'organize_joint')::int as joints,
                 count(*) filter (where e.action = 'record_verification' and e.data ->> 'passed' = 'false')::int as reworks,
                 count(*) filter (where e.action = 'record_verification' and e.data ->> 'passed' = 'true')::int as passes,
                 count(*) filter (where e.action = 'approve_extension')::int as extensions
            from case_events e join cases c on c.id = e.case_id where c.tracking_no like 'SYN%'`,
    );
    expect(r.transfers).toBeGreaterThan(CASES * 0.3);
    expect(r.joints).toBeGreaterThan(0);
    expect(r.passes).toBeGreaterThan(CASES * 0.6);
    expect(r.reworks / r.passes).toBeGreaterThan(0.04);
    expect(r.reworks / r.passes).toBeLessThan(0.1);
    expect(r.extensions).toBeGreaterThan(CASES * 0.02);
  });

  it("is what the department KPI statement counts", async () => {
    const everything = { everything: true, ownDepartmentIds: [], grids: null };
    const period = { from: "2028-12-01", to: "2031-01-01" };
    const counted = await rows<{ handed: number; rechecks: number; reworks: number; extensions: number }>(
      t.database.db,
      departmentKpiStatement(everything, period, NOW),
    );
    const sum = (k: keyof (typeof counted)[number]) => counted.reduce((s, d) => s + d[k], 0);
    // each case counts once for every department it is with (the assigned one and joint participants)
    const expected = await one<{ handed: number; rechecks: number; reworks: number; extensions: number }>(sql`
      select coalesce(sum(k), 0)::int as handed,
             coalesce(sum(k * ((verification_passed_at is not null)::int + rework_count)), 0)::int as rechecks,
             coalesce(sum(k * rework_count), 0)::int as reworks,
             coalesce(sum(k * extensions_granted), 0)::int as extensions
        from (select c.*, cardinality(c.involved_department_ids) as k from cases c
               where c.tracking_no like 'SYN%' and c.assigned_department_id is not null) c`);
    expect(expected.handed).toBeGreaterThan(0);
    expect({
      handed: sum("handed"),
      rechecks: sum("rechecks"),
      reworks: sum("reworks"),
      extensions: sum("extensions"),
    }).toEqual(expected);
  });

  it("reads from its rollups what a scan of the cases and their timelines counts, folded or not", async () => {
    type Row = Record<string, number | string>;
    const everything: DepartmentKpiReach = { everything: true, ownDepartmentIds: [], grids: null };
    const townships = await rows<{ id: number; path: string }>(
      t.database.db,
      sql`select id, path from grids where level = 2 order by id`,
    );
    const byTownship = (id: number, path: string): DepartmentKpiReach => ({
      everything: false,
      ownDepartmentIds: [],
      grids: { allGrids: false, gridPaths: [path], gridIds: [id], departmentIds: [] },
    });
    /** Every department's counts summed over each township's own reading (root-grid cases aside: none here). */
    const summedOverTownships = async (period: { from: string; to: string }) => {
      const total = new Map<number, Row>();
      for (const tw of townships)
        for (const r of await rows<Row>(
          t.database.db,
          departmentKpiStatement(byTownship(tw.id, tw.path), period, NOW),
        )) {
          const acc = total.get(r.id as number) ?? { id: r.id, name: r.name };
          for (const [k, v] of Object.entries(r))
            if (k !== "id" && k !== "name") acc[k] = ((acc[k] as number) ?? 0) + (v as number);
          total.set(r.id as number, acc);
        }
      return [...total.values()];
    };
    const periods = [
      { from: "2028-12-01", to: "2031-01-01" },
      { from: "2030-04-01", to: "2030-06-30" },
      { from: "2030-11-15", to: "2030-11-15" },
    ];
    const compare = async () => {
      for (const period of periods) {
        const scanned = await rows<Row>(t.database.db, departmentKpiScan(period, NOW));
        expect(scanned.some((r) => (r.handed as number) > 0)).toBe(true);
        expect(await rows<Row>(t.database.db, departmentKpiStatement(everything, period, NOW))).toEqual(
          scanned,
        );
        expect(await summedOverTownships(period)).toEqual(scanned);
      }
    };
    // generated in bulk: the deltas are pending until a fold
    const pending = await one<{ n: number }>(sql`select count(*)::int as n from department_kpi_deltas`);
    expect(pending.n).toBeGreaterThan(0);
    await compare();
    await t.database.db.execute(sql`select department_kpi_fold()`);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from department_kpi_deltas`)).n).toBe(0);
    await compare();
  });
});
