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
     * Routes that answer the signed-out too (who is signed in here?): the session is checked as for any
     * route, but a missing or ended one leaves `request.actor` null instead of answering 401.
     */
    sessionOptional?: boolean;
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
    const config = request.routeOptions.config;
    if (config?.public || !request.url.startsWith("/api/") || isDocs(request.url)) return;
    const actor = await sessionActor(opts.db, request, reply);
    if (!actor) {
      if (config?.sessionOptional) return;
      throw request.cookies[SESSION_COOKIE] ? sessionExpired() : unauthenticated();
    }
    request.actor = actor;
    const needed = config?.permission;
    if (needed && !allow(actor, needed)) throw forbidden();
  });
});

/**
 * The actor of the request's session cookie, or null when there is none or it has ended: an expired, revoked
 * or disabled user's session is closed and its cookie cleared. An active session's last use is recorded.
 */
async function sessionActor(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<Actor | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const found = await loadSessionActor(db, sha256Hex(token));
  if (!found) {
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return null;
  }
  const { session, actor } = found;
  const now = new Date();
  const settings = await getSettings(db);
  const state = sessionState(session, now, settings.sessionIdleMinutes);
  if (state !== "active" || !actor) {
    const reason =
      state === "absolute_expired"
        ? "absolute_timeout"
        : state !== "active"
          ? "idle_timeout"
          : "user_disabled";
    await closeSession({ db, actor: null, ip: request.ip }, session.id, reason);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return null;
  }
  if (shouldTouch(session.lastSeenAt, now)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
  }
  return actor;
}

/** The OpenAPI description is public: it documents the API, it holds no data. */
function isDocs(url: string): boolean {
  return url === "/api/docs" || url.startsWith("/api/docs/");
}

/** The actor of an authenticated route; the onRequest hook guarantees it is set. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
