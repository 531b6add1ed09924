import { type Static, Type } from "@sinclair/typebox";
import { sql } from "drizzle-orm";
import type { NotificationItem, NotificationPage } from "../../../api-types/notifications.ts";
import { rows } from "../../db/client.ts";
import type { Equal, Expect } from "../../domain/type-equality.ts";
import { notFound } from "../../errors.ts";
import { actorOf } from "../../plugins/auth.ts";
import { isoOf } from "../../queries/case-row.ts";
import { AnyObject, errorResponses, IdParams, Pagination } from "../shared-schemas.ts";
import type { App, RouteDeps } from "../types.ts";

const Notification = Type.Object({
  id: Type.Integer(),
  caseId: Type.Union([Type.Integer(), Type.Null()]),
  kind: Type.String(),
  title: Type.String({ description: "stored Chinese title: the record, and the fallback" }),
  body: Type.String(),
  message: Type.Union([Type.String(), Type.Null()], {
    description: "message code (server/domain/notification-messages.ts); null for older notifications",
  }),
  params: Type.Record(Type.String(), Type.Unknown(), { description: "the message's parameters" }),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});

const NotificationList = Type.Object({
  items: Type.Array(Notification),
  total: Type.Integer(),
  unread: Type.Integer(),
});

/** The schema is the type api-types/notifications.ts gives the web: one changed side fails here. */
export type NotificationSchemasAgree = [
  Expect<Equal<Static<typeof Notification>, NotificationItem>>,
  Expect<Equal<Static<typeof NotificationList>, NotificationPage>>,
];

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
        response: { 200: NotificationList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { page, pageSize, unread } = request.query;
      const where = sql`n.user_id = ${actor.userId} ${unread ? sql`and n.read_at is null` : sql``}`;
      const items = await rows<NotificationItem>(
        db,
        sql`select n.id::int as id, n.case_id as "caseId", n.kind, n.title, n.body, n.message, n.params,
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
