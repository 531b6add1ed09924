import { type Static, Type } from "@sinclair/typebox";
import { sql } from "drizzle-orm";
import { rows } from "../../db/client.ts";
import { notFound } from "../../errors.ts";
import { actorOf } from "../../plugins/auth.ts";
import { isoOf } from "../../queries/case-row.ts";
import { AnyObject, errorResponses, IdParams, Pagination } from "../shared-schemas.ts";
import type { App, RouteDeps } from "../types.ts";

const Notification = Type.Object({
  id: Type.Integer(),
  caseId: Type.Union([Type.Integer(), Type.Null()]),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});

/**
 * In-app notifications of the caller. Marking one read changes only the caller's own inbox state, so it is not
 * an audited business write (the notification itself was created inside an audited transaction).
 */
export function notificationRoutes(app: App, { database }: RouteDeps): void {
  const db = database.db;
  app.get(
    "/api/notifications",
    {
      schema: {
        tags: ["notifications"],
        summary: "我的站内通知",
        querystring: Type.Object(
          { ...Pagination, unread: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Notification),
            total: Type.Integer(),
            unread: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { page, pageSize, unread } = request.query;
      const where = sql`n.user_id = ${actor.userId} ${unread ? sql`and n.read_at is null` : sql``}`;
      const items = await rows<Static<typeof Notification>>(
        db,
        sql`select n.id::int as id, n.case_id as "caseId", n.kind, n.title, n.body,
                   ${isoOf("n.created_at")} as "createdAt", ${isoOf("n.read_at")} as "readAt"
              from notifications n where ${where}
             order by n.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
      );
      const [counts] = await rows<{ total: number; unread: number }>(
        db,
        sql`select (select count(*)::int from notifications n where ${where}) as total,
                   (select count(*)::int from notifications n where n.user_id = ${actor.userId} and n.read_at is null) as unread`,
      );
      return { items, ...counts };
    },
  );

  app.post(
    "/api/notifications/:id/read",
    {
      schema: {
        tags: ["notifications"],
        summary: "标记已读",
        params: IdParams,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const done = await rows<{ id: number }>(
        db,
        sql`update notifications set read_at = coalesce(read_at, now())
             where id = ${request.params.id} and user_id = ${actor.userId} returning id::int as id`,
      );
      if (done.length === 0) throw notFound();
      return { ok: true };
    },
  );

  app.post(
    "/api/notifications/read-all",
    {
      schema: {
        tags: ["notifications"],
        summary: "全部标记已读",
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const done = await rows<{ n: number }>(
        db,
        sql`with d as (update notifications set read_at = now() where user_id = ${actor.userId} and read_at is null
                       returning 1) select count(*)::int as n from d`,
      );
      return { ok: true, marked: done[0]?.n ?? 0 };
    },
  );
}
