import { Type } from "@sinclair/typebox";
import { sql } from "drizzle-orm";
import type { App, RouteDeps } from "../types.ts";

export function healthRoutes(app: App, { database }: RouteDeps): void {
  const Status = Type.Object({ status: Type.String() });
  app.get(
    "/healthz",
    {
      config: { public: true },
      schema: { tags: ["health"], summary: "进程存活", response: { 200: Status } },
    },
    async () => ({ status: "ok" }),
  );
  app.get(
    "/readyz",
    {
      config: { public: true },
      schema: { tags: ["health"], summary: "数据库可用", response: { 200: Status, 503: Status } },
    },
    async (_request, reply) => {
      try {
        await database.db.execute(sql`select 1`);
        return { status: "ready" };
      } catch {
        return reply.status(503).send({ status: "database_unreachable" });
      }
    },
  );
}
