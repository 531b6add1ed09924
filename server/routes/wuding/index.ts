import { updateDisclosure } from "../../commands/disclosure-updater.ts";
import { createDutyLine } from "../../commands/duty-line-creator.ts";
import { updateDutyLine } from "../../commands/duty-line-updater.ts";
import { createPatrolRule } from "../../commands/patrol-rule-creator.ts";
import { updatePatrolRule } from "../../commands/patrol-rule-updater.ts";
import { assignPersonnel } from "../../commands/personnel-assigner.ts";
import { removePersonnel } from "../../commands/personnel-remover.ts";
import { updatePersonnel } from "../../commands/personnel-updater.ts";
import { createRewardPenaltyRule } from "../../commands/reward-penalty-rule-creator.ts";
import { updateRewardPenaltyRule } from "../../commands/reward-penalty-rule-updater.ts";
import { retireWudingLine } from "../../commands/wuding-line-retirer.ts";
import type { Db } from "../../db/client.ts";
import { DUTY_CATEGORIES } from "../../domain/wuding/duty-categories.ts";
import { PATROL_FREQUENCIES, PATROL_OBJECT_FLAGS, PATROL_OBJECT_TYPES } from "../../domain/wuding/terms.ts";
import { actorOf } from "../../plugins/auth.ts";
import { assertAllowed } from "../../policies/allow.ts";
import { canManageGridWuding, canManageLevelLines } from "../../policies/wuding.ts";
import {
  gridWuding,
  listDutyLines,
  listPatrolRules,
  listRewardPenaltyRules,
  personnelCandidates,
  publicWuding,
} from "../../queries/wuding.ts";
import { answerOnce } from "../answer-once.ts";
import type { App, RouteDeps } from "../types.ts";
import {
  assignPersonnelSchema,
  candidatesSchema,
  dutyLineSchemas,
  getWudingSchema,
  patrolRuleSchemas,
  publicWudingSchema,
  removePersonnelSchema,
  rewardPenaltySchemas,
  updateDisclosureSchema,
  updatePersonnelSchema,
  wudingMetaSchema,
} from "./schema.ts";

/** The grid's 五定 (plan §三(二)1): personnel, duty list, patrol tasks, reward/penalty rules, disclosure. */
export function wudingRoutes(app: App, { database, config }: RouteDeps): void {
  const db = database.db;
  const ctxOf = (request: Parameters<typeof actorOf>[0], tx: Db = db) => ({
    db: tx,
    actor: actorOf(request),
    ip: request.ip,
  });
  // Checked by the auth plugin before the input is validated; the commands check reach (scope) themselves.
  const read = { permission: "wuding.read" } as const;
  const manage = { permission: "wuding.manage" } as const;

  app.get("/api/grids/:id/wuding", { config: read, schema: getWudingSchema }, async (request) => {
    const actor = actorOf(request);
    assertAllowed(actor, "wuding.read");
    const wuding = await gridWuding(db, actor.scope, request.params.id);
    const managesGrid = canManageGridWuding(actor, wuding.grid.path);
    return {
      ...wuding,
      policies: {
        managePersonnel: managesGrid,
        manageGridLines: managesGrid,
        manageLevelLines: canManageLevelLines(actor),
        manageDisclosure: managesGrid,
      },
    };
  });

  app.get(
    "/api/public/grids/:id/wuding",
    { schema: publicWudingSchema, config: { public: true } },
    async (request) => publicWuding(db, request.params.id),
  );

  app.get("/api/wuding/meta", { config: read, schema: wudingMetaSchema }, async (request) => {
    assertAllowed(actorOf(request), "wuding.read");
    return {
      categories: DUTY_CATEGORIES.map((c) => ({
        code: c.code,
        name: c.name,
        departments: [...c.departments],
      })),
      objectTypes: [...PATROL_OBJECT_TYPES],
      objectFlags: [...PATROL_OBJECT_FLAGS],
      frequencies: [...PATROL_FREQUENCIES],
    };
  });

  app.get("/api/wuding/candidates", { config: manage, schema: candidatesSchema }, async (request) => {
    const actor = actorOf(request);
    assertAllowed(actor, "wuding.manage");
    return { items: await personnelCandidates(db, actor.scope, request.query.q?.trim()) };
  });

  app.post(
    "/api/grids/:id/personnel",
    { config: manage, schema: assignPersonnelSchema },
    async (request, reply) => {
      assertAllowed(actorOf(request), "wuding.manage");
      return answerOnce(request, reply, { db, config }, {}, async (tx) => ({
        status: 201,
        body: await assignPersonnel(ctxOf(request, tx), { ...request.body, gridId: request.params.id }),
      }));
    },
  );

  app.put("/api/personnel/:id", { config: manage, schema: updatePersonnelSchema }, async (request) => {
    const ctx = ctxOf(request);
    assertAllowed(ctx.actor, "wuding.manage");
    return updatePersonnel(ctx, request.params.id, request.body);
  });

  app.delete("/api/personnel/:id", { config: manage, schema: removePersonnelSchema }, async (request) => {
    const ctx = ctxOf(request);
    assertAllowed(ctx.actor, "wuding.manage");
    return removePersonnel(ctx, request.params.id, request.query.version);
  });

  app.put(
    "/api/grids/:id/disclosure",
    { config: manage, schema: updateDisclosureSchema },
    async (request) => {
      const ctx = ctxOf(request);
      assertAllowed(ctx.actor, "wuding.manage");
      return updateDisclosure(ctx, request.params.id, request.body);
    },
  );

  // Duty list (定职责)
  app.get("/api/duty-lines", { config: read, schema: dutyLineSchemas.list }, async (request) => {
    const actor = actorOf(request);
    assertAllowed(actor, "wuding.read");
    return { items: await listDutyLines(db, actor.scope, request.query) };
  });
  app.post("/api/duty-lines", { config: manage, schema: dutyLineSchemas.create }, async (request, reply) => {
    const { gridLevel, gridId, ...content } = request.body;
    const input = { gridLevel: gridLevel ?? null, gridId: gridId ?? null, ...content };
    return answerOnce(request, reply, { db, config }, {}, async (tx) => ({
      status: 201,
      body: await createDutyLine(ctxOf(request, tx), input),
    }));
  });
  app.put("/api/duty-lines/:id", { config: manage, schema: dutyLineSchemas.update }, async (request) =>
    updateDutyLine(ctxOf(request), request.params.id, request.body),
  );
  app.delete("/api/duty-lines/:id", { config: manage, schema: dutyLineSchemas.retire }, async (request) =>
    retireWudingLine(ctxOf(request), "duty_lines", request.params.id, request.query.version),
  );

  // Patrol tasks (定任务)
  app.get("/api/patrol-rules", { config: read, schema: patrolRuleSchemas.list }, async (request) => {
    const actor = actorOf(request);
    assertAllowed(actor, "wuding.read");
    return { items: await listPatrolRules(db, actor.scope, request.query) };
  });
  app.post(
    "/api/patrol-rules",
    { config: manage, schema: patrolRuleSchemas.create },
    async (request, reply) => {
      const { gridLevel, gridId, ...content } = request.body;
      const input = { gridLevel: gridLevel ?? null, gridId: gridId ?? null, ...content };
      return answerOnce(request, reply, { db, config }, {}, async (tx) => ({
        status: 201,
        body: await createPatrolRule(ctxOf(request, tx), input),
      }));
    },
  );
  app.put("/api/patrol-rules/:id", { config: manage, schema: patrolRuleSchemas.update }, async (request) =>
    updatePatrolRule(ctxOf(request), request.params.id, request.body),
  );
  app.delete("/api/patrol-rules/:id", { config: manage, schema: patrolRuleSchemas.retire }, async (request) =>
    retireWudingLine(ctxOf(request), "patrol_rules", request.params.id, request.query.version),
  );

  // Reward and penalty rules (定奖惩)
  app.get(
    "/api/reward-penalty-rules",
    { config: read, schema: rewardPenaltySchemas.list },
    async (request) => {
      const actor = actorOf(request);
      assertAllowed(actor, "wuding.read");
      return { items: await listRewardPenaltyRules(db, actor.scope, request.query) };
    },
  );
  app.post(
    "/api/reward-penalty-rules",
    { config: manage, schema: rewardPenaltySchemas.create },
    async (request, reply) => {
      const { gridLevel, gridId, ...content } = request.body;
      const input = { gridLevel: gridLevel ?? null, gridId: gridId ?? null, ...content };
      return answerOnce(request, reply, { db, config }, {}, async (tx) => ({
        status: 201,
        body: await createRewardPenaltyRule(ctxOf(request, tx), input),
      }));
    },
  );
  app.put(
    "/api/reward-penalty-rules/:id",
    { config: manage, schema: rewardPenaltySchemas.update },
    async (request) => updateRewardPenaltyRule(ctxOf(request), request.params.id, request.body),
  );
  app.delete(
    "/api/reward-penalty-rules/:id",
    { config: manage, schema: rewardPenaltySchemas.retire },
    async (request) =>
      retireWudingLine(ctxOf(request), "reward_penalty_rules", request.params.id, request.query.version),
  );
}
