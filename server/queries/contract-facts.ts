import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import type { ContractFacts } from "../domain/wuding/contract-text.ts";
import { dutyCategory } from "../domain/wuding/duty-categories.ts";
import { frequencyText, type PatrolFrequency, patrolTargetText } from "../domain/wuding/terms.ts";
import { assignmentInForce } from "./assignment-in-force-sql.ts";

interface GridFacts {
  id: number;
  name: string;
  code: string;
  level: number;
  path: string;
  areaKm2: number | null;
  childCount: number;
  headUserId: number | null;
  headName: string | null;
}

interface Line {
  gridLevel: number | null;
  gridId: number | null;
}

const ids = (list: number[]) =>
  sql`(${sql.join(
    list.map((id) => sql`${id}`),
    sql`, `,
  )})`;

/**
 * Loads, in a handful of queries, what the contracts between the given parent–child pairs say: both grids,
 * their heads in force today, and the lines that apply to each lower grid. Drafting a hundred contracts
 * costs the same few round trips as drafting one.
 */
export async function loadContractFacts(db: Db, year: number, pairs: { upperId: number; lowerId: number }[]) {
  const gridIds = [...new Set(pairs.flatMap((p) => [p.upperId, p.lowerId]))];
  if (gridIds.length === 0) return new Map<number, { facts: ContractFacts; signerUserId: number | null }>();
  const grids = await rows<GridFacts>(
    db,
    sql`select g.id, g.name, g.code, g.level, g.path,
               round((ST_Area(g.boundary::geography) / 1e6)::numeric, 2)::float8 as "areaKm2",
               (select count(*)::int from grids c where c.parent_id = g.id and c.retired_at is null) as "childCount",
               h.user_id as "headUserId", h.display_name as "headName"
          from grids g
          left join lateral (
                select p.user_id, u.display_name from grid_personnel p join users u on u.id = p.user_id
                 where p.grid_id = g.id and p.duty_role = 'head' and ${assignmentInForce("p")}
                 order by p.starts_on desc, p.id desc limit 1) h on true
         where g.id in ${ids(gridIds)}`,
  );
  const byId = new Map(grids.map((g) => [g.id, g]));
  const lowerIds = pairs.map((p) => p.lowerId);
  const levels = [...new Set(pairs.map((p) => byId.get(p.lowerId)?.level ?? 0))];
  const applies = (alias: string) =>
    sql`${sql.raw(alias)}.retired_at is null and (${sql.raw(alias)}.grid_level in ${ids(levels)}
        or ${sql.raw(alias)}.grid_id in ${ids(lowerIds)})`;
  // Level lines first, then the grid's own, each in the card's order: the text reads as the card does.
  const order = (alias: string) => sql.raw(`${alias}.grid_id nulls first, ${alias}.sort_order, ${alias}.id`);

  const duties = await rows<
    Line & { matterCategory: string | null; departmentName: string | null; lead: boolean; text: string }
  >(
    db,
    sql`select d.grid_level as "gridLevel", d.grid_id as "gridId", d.matter_category as "matterCategory",
               dep.name as "departmentName", d.responsibility = 'lead' as lead, d.duty_text as text
          from duty_lines d left join departments dep on dep.id = d.department_id
         where ${applies("d")} order by ${order("d")}`,
  );
  const tasks = await rows<
    Line & {
      objectType: string | null;
      objectFlag: string | null;
      frequency: PatrolFrequency;
      times: number;
      description: string;
    }
  >(
    db,
    sql`select r.grid_level as "gridLevel", r.grid_id as "gridId", r.object_type as "objectType",
               r.object_flag as "objectFlag", r.frequency, r.times_per_period as times, r.description
          from patrol_rules r where ${applies("r")} order by ${order("r")}`,
  );
  const rules = await rows<
    Line & { kind: "reward" | "penalty"; text: string; points: number | null; veto: boolean }
  >(
    db,
    sql`select r.grid_level as "gridLevel", r.grid_id as "gridId", r.kind, r.rule_text as text,
               r.points::float8 as points, r.veto
          from reward_penalty_rules r where ${applies("r")} order by ${order("r")}`,
  );

  const result = new Map<number, { facts: ContractFacts; signerUserId: number | null }>();
  for (const pair of pairs) {
    const upper = byId.get(pair.upperId);
    const lower = byId.get(pair.lowerId);
    if (!upper || !lower) continue;
    const mine = (line: Line) => line.gridId === lower.id || line.gridLevel === lower.level;
    result.set(lower.id, {
      signerUserId: lower.headUserId,
      facts: {
        year,
        upper: { name: upper.name, code: upper.code, level: upper.level, headName: upper.headName },
        lower: {
          name: lower.name,
          code: lower.code,
          level: lower.level,
          areaKm2: lower.areaKm2,
          childCount: lower.childCount,
          headName: lower.headName,
        },
        duties: duties.filter(mine).map((d) => ({
          categoryName: d.matterCategory ? (dutyCategory(d.matterCategory)?.name ?? d.matterCategory) : null,
          departmentName: d.departmentName,
          lead: d.lead,
          text: d.text,
        })),
        tasks: tasks.filter(mine).map((t) => ({
          target: patrolTargetText(t.objectType, t.objectFlag),
          frequency: frequencyText(t.frequency, t.times),
          description: t.description,
        })),
        rules: rules
          .filter(mine)
          .map((r) => ({ kind: r.kind, text: r.text, points: r.points, veto: r.veto })),
      },
    });
  }
  return result;
}
