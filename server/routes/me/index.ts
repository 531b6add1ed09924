import { eq } from "drizzle-orm";
import { sessions, users } from "../../db/schema/index.ts";
import { actorOf } from "../../plugins/auth.ts";
import { ancestorsOf } from "../../queries/grids.ts";
import { getSettings } from "../../queries/settings.ts";
import type { App, RouteDeps } from "../types.ts";

export function meRoutes(app: App, { database }: RouteDeps): void {
  app.get("/api/me", { schema: { tags: ["auth"], summary: "当前用户、角色与权限范围" } }, async (request) => {
    const actor = actorOf(request);
    const db = database.db;
    const [user] = await db
      .select({ id: users.id, username: users.username, displayName: users.displayName, phone: users.phone })
      .from(users)
      .where(eq(users.id, actor.userId));
    const [session] = await db
      .select({ absoluteExpiresAt: sessions.absoluteExpiresAt })
      .from(sessions)
      .where(eq(sessions.id, actor.sessionId));
    const settings = await getSettings(db);
    return {
      user,
      roles: actor.roles.map(({ gridPath: _path, ...role }) => role),
      permissions: actor.permissions,
      scope: {
        allGrids: actor.scope.allGrids,
        gridIds: actor.scope.gridIds,
        departmentIds: actor.scope.departmentIds,
      },
      ancestors: await ancestorsOf(db, actor.scope.gridIds),
      session: { idleMinutes: settings.sessionIdleMinutes, absoluteExpiresAt: session.absoluteExpiresAt },
    };
  });
}
