import type { FastifyReply, FastifyRequest } from "fastify";
import {
  checkIdempotencyKey,
  type IdempotencyClaim,
  type IdempotentResult,
  idempotent,
  requestHashOf,
  storedResponse,
} from "../commands/idempotency.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { actorOf } from "../plugins/auth.ts";

/** What a write answers: its status and body. */
export interface WriteAnswer<T> {
  status: number;
  body: T;
}

/** A write's submission: its scope (default: the route and its ids) and what identifies its content (default: the body). */
export interface Submission {
  scope?: string;
  body?: unknown;
}

interface Deps {
  db: Db;
  config: Pick<Config, "reporterKeys">;
}

/**
 * The route with its ids (`POST /api/patrols/5/finish`), as the router parsed them: `05` and `%35` are the same
 * patrol as `5`, so they are the same scope.
 */
function routeScope(request: FastifyRequest): string {
  const params = (request.params ?? {}) as Record<string, unknown>;
  return `${request.method} ${request.routeOptions.url?.replace(/:(\w+)/g, (_, name: string) => String(params[name]))}`;
}

/** The claim of a request that carries an Idempotency-Key, or null when it carries none. */
function claimOf(request: FastifyRequest, submission: Submission): IdempotencyClaim | null {
  const key = checkIdempotencyKey(request.headers["idempotency-key"] as string | undefined, false);
  if (!key) return null;
  return {
    userId: actorOf(request).userId,
    scope: submission.scope ?? routeScope(request),
    key,
    body: submission.body ?? request.body ?? null,
  };
}

/** Sends a write's answer, marking a replayed one (`Idempotent-Replayed: true`). */
export function sendAnswer<T>(reply: FastifyReply, result: IdempotentResult<T>) {
  if (result.replayed) reply.header("Idempotent-Replayed", "true");
  return reply.status(result.status as 200).send(result.body);
}

/**
 * Runs a write once per Idempotency-Key when the client sends one: a double tap, or a resend after the network
 * lost the answer, gets the first answer instead of a second row. Without a key the write runs as asked.
 * `write` must use the `db` it is given (the claim's transaction), and should do slow work (an image) before.
 * Its answer is stored for replay, so it must not carry a reporter's identity or a secret (a first password).
 */
export async function runOnce<T>(
  request: FastifyRequest,
  deps: Deps,
  submission: Submission,
  write: (db: Db) => Promise<WriteAnswer<T>>,
): Promise<IdempotentResult<T>> {
  const claim = claimOf(request, submission);
  if (!claim) return { ...(await write(deps.db)), replayed: false };
  return idempotent(deps.db, deps.config, claim, write);
}

/** `runOnce`, then sends its answer. */
export async function answerOnce<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  submission: Submission,
  write: (db: Db) => Promise<WriteAnswer<T>>,
) {
  return sendAnswer(reply, await runOnce(request, deps, submission, write));
}

/**
 * The stored answer of an earlier request with this key, if any: a write that does slow work before its claim
 * asks first, so that a resend is answered as it was even when the work would be refused today.
 */
export async function earlierAnswer<T>(
  request: FastifyRequest,
  deps: Deps,
  submission: Submission,
): Promise<IdempotentResult<T> | null> {
  const claim = claimOf(request, submission);
  return claim ? storedResponse<T>(deps.db, claim, requestHashOf(deps.config, claim)) : null;
}
