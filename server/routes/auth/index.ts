import type { FastifyReply, FastifyRequest } from "fastify";
import { closeSession } from "../../commands/session-closer.ts";
import { openSession } from "../../commands/session-opener.ts";
import { SESSION_COOKIE } from "../../plugins/auth.ts";
import type { App, RouteDeps } from "../types.ts";
import { loginSchema } from "./schema.ts";

export function authRoutes(app: App, { database, config }: RouteDeps): void {
  const secureCookie = (request: FastifyRequest) => config.cookieSecure || request.protocol === "https";

  app.post(
    "/api/auth/login",
    {
      config: { public: true, rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: "1 minute" } },
      schema: loginSchema,
    },
    async (request, reply) => {
      const result = await openSession(
        { db: database.db, actor: null, ip: request.ip },
        { ...request.body, userAgent: request.headers["user-agent"] ?? null },
        { maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes },
      );
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: secureCookie(request),
      });
      return { user: result.user };
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "退出登录" } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.actor) {
        await closeSession(
          { db: database.db, actor: request.actor, ip: request.ip },
          request.actor.sessionId,
          "logout",
        );
      }
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send();
    },
  );
}
