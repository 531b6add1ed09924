import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { sessions, users } from "../../db/schema/index.ts";
import { actorOf } from "../../plugins/auth.ts";
import type { Actor } from "../../policies/actor.ts";
import { ancestorsOf } from "../../queries/grids.ts";
import { getSettings } from "../../queries/settings.ts";
import type { App, RouteDeps } from "../types.ts";

export function meRoutes(app: App, { database }: RouteDeps): void {
  app.get("/api/me", { schema: { tags: ["auth"], summary: "当前用户、角色与权限范围" } }, async (request) =>
    meOf(database.db, actorOf(request)),
  );

  // The web asks this on every first load, the login page included: a visitor without a session is an
  // ordinary answer there, not a 401 (which the browser logs as an error). It tells only about the caller's
  // own cookie, which stays httpOnly.
  app.get(
    "/api/session",
    {
      config: { sessionOptional: true },
      schema: { tags: ["auth"], summary: "当前会话：已登录时同 /api/me，未登录或会话已结束时 me 为 null" },
    },
    async (request) => ({ me: request.actor ? await meOf(database.db, request.actor) : null }),
  );
}

async function meOf(db: Db, actor: Actor) {
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
}
