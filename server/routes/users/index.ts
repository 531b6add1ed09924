import { createUser } from "../../commands/user-creator.ts";
import { disableUser, enableUser } from "../../commands/user-status-changer.ts";
import { actorOf } from "../../plugins/auth.ts";
import { listUsers } from "../../queries/users.ts";
import type { App, RouteDeps } from "../types.ts";
import { createUserSchema, listUsersSchema, userStatusSchema } from "./schema.ts";

export function userRoutes(app: App, { database }: RouteDeps): void {
  const config = { permission: "user.manage" } as const;

  app.get("/api/users", { config, schema: listUsersSchema }, async (request) =>
    listUsers(database.db, request.query),
  );

  app.post("/api/users", { config, schema: createUserSchema }, async (request, reply) => {
    const actor = actorOf(request);
    const { role, gridId, departmentId, ...rest } = request.body;
    const user = await createUser(
      { db: database.db, actor, ip: request.ip },
      { ...rest, roles: [{ role, gridId, departmentId }] },
    );
    return reply.status(201).send(user);
  });

  app.post(
    "/api/users/:id/disable",
    { config, schema: { ...userStatusSchema, summary: "停用账户并结束其全部会话" } },
    async (request) =>
      disableUser({ db: database.db, actor: actorOf(request), ip: request.ip }, request.params.id),
  );

  app.post(
    "/api/users/:id/enable",
    { config, schema: { ...userStatusSchema, summary: "启用账户" } },
    async (request) =>
      enableUser({ db: database.db, actor: actorOf(request), ip: request.ip }, request.params.id),
  );
}
