import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { closeSession } from "../commands/session-closer.ts";
import type { Db } from "../db/client.ts";
import { sessions } from "../db/schema/index.ts";
import type { Permission } from "../domain/roles.ts";
import { sessionState, shouldTouch } from "../domain/session-rules.ts";
import { forbidden, sessionExpired, unauthenticated } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { allow } from "../policies/allow.ts";
import { loadSessionActor } from "../queries/actor-loader.ts";
import { getSettings } from "../queries/settings.ts";
import { sha256Hex } from "../security/tokens.ts";

export const SESSION_COOKIE = "envgrid_session";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without a session (login, health, public config). */
    public?: boolean;
    /**
     * The permission a route needs, checked before the body is even validated, so a caller without it
     * learns nothing from validation errors. Routes without one are open to any logged-in user.
     */
    permission?: Permission;
  }
}

/**
 * Resolves the session cookie to an actor before every route that is not marked public; expired or
 * revoked sessions answer 401 and are ended server-side.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.config?.public || !request.url.startsWith("/api/") || isDocs(request.url))
      return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated();
    const found = await loadSessionActor(opts.db, sha256Hex(token));
    if (!found) {
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      throw sessionExpired();
    }
    const { session, actor } = found;
    const now = new Date();
    const settings = await getSettings(opts.db);
    const state = sessionState(session, now, settings.sessionIdleMinutes);
    if (state !== "active") {
      const reason = state === "absolute_expired" ? "absolute_timeout" : "idle_timeout";
      await closeSession({ db: opts.db, actor: null, ip: request.ip }, session.id, reason);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      throw sessionExpired();
    }
    if (!actor) {
      await closeSession({ db: opts.db, actor: null, ip: request.ip }, session.id, "user_disabled");
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      throw sessionExpired();
    }
    if (shouldTouch(session.lastSeenAt, now)) {
      await opts.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
    }
    request.actor = actor;
    const needed = request.routeOptions.config?.permission;
    if (needed && !allow(actor, needed)) throw forbidden();
  });
});

/** The OpenAPI description is public: it documents the API, it holds no data. */
function isDocs(url: string): boolean {
  return url === "/api/docs" || url.startsWith("/api/docs/");
}

/** The actor of an authenticated route; the onRequest hook guarantees it is set. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
