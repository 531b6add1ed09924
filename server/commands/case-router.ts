import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { overriddenRouting, type RoutedGrid, type Routing } from "../domain/cases/case-routing.ts";
import type { CaseStage } from "../domain/cases/case-state.ts";
import { matterCategory } from "../domain/cases/matter-categories.ts";
import { AppError, forbidden } from "../errors.ts";
import { caseActorFacts } from "../policies/case-access.ts";
import { jsonParam, rowToState } from "../queries/case-row.ts";
import { loadVisibleCase } from "../queries/cases.ts";
import { ancestorNamesJson } from "../queries/grid-ancestry.ts";
import { recordAudit } from "./audit-recorder.ts";
import { caseStakeholders, insertNotifications, whoMustAct } from "./case-notifier.ts";
import { refusalError } from "./case-transitioner.ts";
import type { CommandContext } from "./context.ts";

/** Routing can change until the case is dispatched; after that, transfer and return do the job. */
const REROUTABLE: readonly CaseStage[] = ["reported", "accepted", "registered"];

export interface RoutingOverride {
  version: number;
  reason: string;
  gridId?: number;
  departmentIds?: number[];
}

/**
 * Staff override of the automatic routing, with a reason (audited, and shown in the explanation): the district
 * office anywhere; a township officer or grid head within their own grid subtree, for a case in it.
 */
export async function overrideRouting(
  ctx: CommandContext,
  caseId: number,
  input: RoutingOverride,
  now: Date,
): Promise<{ id: number; version: number }> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await loadVisibleCase(tx, actor, caseId);
    if (input.version !== row.version) throw refusalError("stale_version");
    const isOffice = actor.roles.some((r) => r.role === "district_office");
    const localRoles = actor.roles.filter(
      (r) => (r.role === "township_officer" || r.role === "grid_head") && r.gridPath !== null,
    );
    const facts = caseActorFacts(actor, row);
    if (!isOffice && !(localRoles.length > 0 && facts.inCaseGrid)) throw refusalError("forbidden_role");
    if (!REROUTABLE.includes(row.stage)) throw refusalError("invalid_stage");
    if (input.reason.trim() === "") throw refusalError("reason_required");
    if (input.gridId === undefined && input.departmentIds === undefined)
      throw new AppError("nothing_to_change", 422, "请指定新的网格或部门", "Give a new grid or departments");

    const [grid] = await rows<RoutedGrid & { path: string }>(
      tx,
      sql`select g.id, g.name, g.level, g.path,
                 ${ancestorNamesJson({ id: sql`g.id`, path: sql`g.path` })} as "ancestorNames"
            from grids g where g.id = ${input.gridId ?? row.gridId} and g.retired_at is null`,
    );
    if (!grid) throw new AppError("invalid_grid", 422, "网格不存在或已撤销", "No such live grid");
    if (!isOffice && !localRoles.some((r) => grid.path.startsWith(r.gridPath as string)))
      throw new AppError(
        "grid_out_of_scope",
        403,
        "只能改派到本辖区内的网格",
        "You may only reroute within your own grids",
      );
    const departmentIds = input.departmentIds ?? row.routing.departmentIds;
    const departments = departmentIds.length
      ? await rows<{ id: number; code: string; name: string }>(
          tx,
          sql`select id, code, name from departments where kind = 'department'
               and id in (${sql.join(
                 departmentIds.map((d) => sql`${d}`),
                 sql`, `,
               )})`,
        )
      : [];
    if (departments.length !== new Set(departmentIds).size) throw refusalError("invalid_departments");
    const ordered = departmentIds.map(
      (id) => departments.find((d) => d.id === id) as (typeof departments)[number],
    );
    const category = matterCategory(row.category);
    if (!category) throw new Error(`case ${caseId} has unknown category ${row.category}`);
    const routing: Routing = overriddenRouting({
      previous: row.routing as Routing,
      grid,
      category,
      departments: ordered,
      by: actor.displayName,
      reason: input.reason.trim(),
      at: now,
    });
    const version = row.version + 1;
    const updated = await rows<{ id: number }>(
      tx,
      sql`update cases set grid_id = ${grid.id}, grid_path = ${grid.path}, routing = ${jsonParam(routing)},
             version = ${version}, updated_at = now()
           where id = ${caseId} and version = ${row.version} returning id`,
    );
    if (updated.length === 0) throw refusalError("stale_version");
    await tx.execute(
      sql`insert into case_events (case_id, kind, actor_id, at, version, data)
          values (${caseId}, 'routing_override', ${actor.userId}, ${now.toISOString()}::timestamptz, ${version},
                  ${jsonParam({ reason: input.reason.trim(), fromGridId: row.gridId, toGridId: grid.id, gridName: grid.name, departmentIds, explanation: routing.explanation, explanationCode: routing.explanationCode, explanationParams: routing.explanationParams })})`,
    );
    if (grid.path !== row.gridPath) {
      const state = { ...rowToState(row), version };
      const stakeholders = await caseStakeholders(tx, { gridPath: grid.path, departmentIds: [] });
      await insertNotifications(
        tx,
        whoMustAct(state, grid.path, stakeholders)
          .filter((w) => w.userId !== actor.userId)
          .map((w) => ({
            userId: w.userId,
            caseId,
            kind: "action_required" as const,
            message: {
              code: "case_rerouted" as const,
              params: { trackingNo: row.trackingNo, title: row.title, reason: input.reason.trim() },
            },
          })),
      );
    }
    await recordAudit(tx, ctx, {
      action: "case.routing_override",
      entityType: "case",
      entityId: caseId,
      before: { gridId: row.gridId, departmentIds: row.routing.departmentIds, version: row.version },
      after: { gridId: grid.id, departmentIds, reason: input.reason.trim(), version },
    });
    return { id: caseId, version };
  });
}
