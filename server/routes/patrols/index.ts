import type { FastifyRequest } from "fastify";
import { mayRecordPatrol } from "../../commands/patrol-access.ts";
import { recordCheckin } from "../../commands/patrol-checkin-recorder.ts";
import { finishPatrol } from "../../commands/patrol-finisher.ts";
import { startPatrol } from "../../commands/patrol-starter.ts";
import { ingestTrack } from "../../commands/patrol-track-ingester.ts";
import type { Db } from "../../db/client.ts";
import { forbidden, notFound } from "../../errors.ts";
import { actorOf } from "../../plugins/auth.ts";
import type { Actor } from "../../policies/actor.ts";
import {
  blindSpots,
  getCheckinPhoto,
  getPatrol,
  listPatrols,
  memberActivity,
  patrolPlan,
  patrolsForExport,
} from "../../queries/patrols.ts";
import { buildPatrolLedger } from "../../spreadsheets/patrol-ledger.ts";
import { shownPhoto, UndecodableImage } from "../../storage/evidence-store.ts";
import { answerOnce } from "../answer-once.ts";
import type { App, RouteDeps } from "../types.ts";
import { fileDay, sendWorkbook } from "../workbook-download.ts";
import {
  activitySchema,
  blindSpotsSchema,
  checkinPhotoSchema,
  checkinSchema,
  exportPatrolsSchema,
  finishPatrolSchema,
  getPatrolSchema,
  listPatrolsSchema,
  planSchema,
  startPatrolSchema,
  trackSchema,
} from "./schema.ts";

export function patrolRoutes(app: App, { database, config }: RouteDeps): void {
  const db = database.db;
  const ctxOf = (actor: Actor, ip: string, tx: Db = db) => ({ db: tx, actor, ip });
  const read = { permission: "patrol.read" } as const;
  const perform = { permission: "patrol.perform" } as const;
  // Finish and track: the walkers, and also a patrol's own member who no longer walks (patrol-access.ts);
  // checked before the body, as a route permission is.
  const ownPatrol = async (request: FastifyRequest) => {
    const id = Number((request.params as { id: string }).id); // the raw path text: not validated yet
    if (!(await mayRecordPatrol(db, actorOf(request), id))) throw forbidden();
  };

  app.get("/api/patrols/plan", { config: read, schema: planSchema }, async (request) => ({
    now: new Date().toISOString(),
    items: await patrolPlan(db, actorOf(request).scope, request.query),
  }));

  app.get("/api/patrols/blind-spots", { config: read, schema: blindSpotsSchema }, async (request) => ({
    items: await blindSpots(db, actorOf(request).scope, request.query),
  }));

  app.get("/api/patrols", { config: read, schema: listPatrolsSchema }, async (request) =>
    listPatrols(db, actorOf(request).scope, request.query),
  );

  app.get(
    "/api/patrols/export.xlsx",
    { config: read, schema: exportPatrolsSchema },
    async (request, reply) => {
      const file = await buildPatrolLedger(await patrolsForExport(db, actorOf(request).scope, request.query));
      const day = fileDay();
      return sendWorkbook(reply, file, { zh: `巡查台账_${day}.xlsx`, ascii: `patrols-${day}.xlsx` });
    },
  );

  app.get("/api/patrols/activity", { config: read, schema: activitySchema }, async (request) => ({
    items: await memberActivity(db, actorOf(request).scope, request.query),
  }));

  app.get("/api/patrols/:id", { config: read, schema: getPatrolSchema }, async (request) =>
    getPatrol(db, actorOf(request).scope, request.params.id),
  );
  app.get(
    "/api/patrols/:id/checkins/:checkinId/photo",
    { config: read, schema: checkinPhotoSchema },
    async (request, reply) => {
      const { id, checkinId } = request.params;
      const photo = await getCheckinPhoto(db, actorOf(request).scope, id, checkinId);
      // check-ins stored before photos were cleaned on arrival may still carry the phone's EXIF
      const bytes = await shownPhoto(photo.bytes, photo.type).catch((error) => {
        if (error instanceof UndecodableImage) throw notFound(); // an old upload that was never a photo
        throw error;
      });
      return reply
        .header("Content-Type", photo.type)
        .header("Cache-Control", "private, max-age=3600")
        .send(bytes);
    },
  );

  // Start, check-in and finish come from the phone's outbox, resent with their key until answered.
  app.post("/api/patrols", { config: perform, schema: startPatrolSchema }, async (request, reply) =>
    answerOnce(request, reply, { db, config }, {}, async (tx) => ({
      status: 200,
      body: await startPatrol(ctxOf(actorOf(request), request.ip, tx), request.body),
    })),
  );

  app.post(
    "/api/patrols/:id/finish",
    { onRequest: ownPatrol, schema: finishPatrolSchema },
    async (request, reply) =>
      answerOnce(request, reply, { db, config }, {}, async (tx) => ({
        status: 200,
        body: await finishPatrol(ctxOf(actorOf(request), request.ip, tx), request.params.id, request.body),
      })),
  );

  app.post("/api/patrols/:id/track", { onRequest: ownPatrol, schema: trackSchema }, async (request) =>
    ingestTrack(ctxOf(actorOf(request), request.ip), request.params.id, request.body.points),
  );

  app.post(
    "/api/patrols/:id/checkins",
    { config: perform, schema: checkinSchema, bodyLimit: 6 * 1024 * 1024 },
    async (request, reply) =>
      answerOnce(request, reply, { db, config }, {}, async (tx) => ({
        status: 200,
        body: await recordCheckin(ctxOf(actorOf(request), request.ip, tx), request.params.id, request.body, {
          radiusM: config.patrolCheckinRadiusM,
        }),
      })),
  );
}
