import type { FastifyReply, FastifyRequest } from "fastify";
import { checkIdempotencyKey, type IdempotentResult, idempotent } from "../commands/idempotency.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { actorOf } from "../plugins/auth.ts";

/** What a write answers: its status and body. */
export interface WriteAnswer<T> {
  status: number;
  body: T;
}

/** A write's submission: its scope (default: method and path) and what identifies its content (default: the body). */
export interface Submission {
  scope?: string;
  body?: unknown;
}

/** Sends a write's answer, marking a replayed one (`Idempotent-Replayed: true`). */
export function sendAnswer<T>(reply: FastifyReply, result: IdempotentResult<T>) {
  if (result.replayed) reply.header("Idempotent-Replayed", "true");
  return reply.status(result.status as 200).send(result.body);
}

/**
 * Runs a write once per Idempotency-Key when the client sends one: a double tap, or a resend after the network
 * lost the answer, gets the first answer instead of a second row. Without a key the write runs as asked.
 * `write` must use the `db` it is given (the claim's transaction). Its answer is stored for replay, so it must
 * not carry secrets (an account's first password, a revealed reporter).
 */
export async function answerOnce<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { db: Db; config: Pick<Config, "reporterKeys"> },
  submission: Submission,
  write: (db: Db) => Promise<WriteAnswer<T>>,
) {
  const key = checkIdempotencyKey(request.headers["idempotency-key"] as string | undefined, false);
  const result = key
    ? await idempotent(
        deps.db,
        deps.config,
        {
          userId: actorOf(request).userId,
          scope: submission.scope ?? `${request.method} ${request.url.split("?")[0]}`,
          key,
          body: submission.body ?? request.body ?? null,
        },
        write,
      )
    : { ...(await write(deps.db)), replayed: false };
  return sendAnswer(reply, result);
}
