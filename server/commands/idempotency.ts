import { type SQL, sql } from "drizzle-orm";
import type { Config } from "../config.ts";
import { type Db, preparedRows, rows } from "../db/client.ts";
import { AppError, badRequest } from "../errors.ts";
import { keyedHash, keyedHashMatches } from "../security/reporter-crypto.ts";

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

export function checkIdempotencyKey(key: string | undefined, required: boolean): string | null {
  if (key === undefined || key === "") {
    if (!required) return null;
    throw badRequest(
      "idempotency_key_required",
      "缺少 Idempotency-Key 请求头（每次提交生成一个唯一值，重试时沿用）",
      "The Idempotency-Key header is required",
    );
  }
  if (!KEY_PATTERN.test(key))
    throw badRequest(
      "invalid_idempotency_key",
      "Idempotency-Key 须为 8–200 个可见 ASCII 字符",
      "Idempotency-Key must be 8–200 visible ASCII characters",
    );
  return key;
}

/** Canonical JSON (sorted keys) so that the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

/**
 * The scopes of what the field app's outbox sends (a report and its photos; a patrol's start, check-ins and
 * finish): the deadline sweep keeps their keys as long as a phone may be out of coverage, so the names are
 * defined once, here. A route's scope is its method and path (`answerOnce`).
 */
export const INTAKE_SCOPE = "POST /api/cases";
export const evidenceScope = (caseId: number | string) => `POST /api/cases/${caseId}/evidence`;
/** LIKE patterns of every field scope. */
export const FIELD_SCOPE_PATTERNS = [
  INTAKE_SCOPE,
  evidenceScope("%"),
  "POST /api/patrols",
  "POST /api/patrols/%/checkins",
  "POST /api/patrols/%/finish",
];

/** Keys moved from the patrol table by migration 0016 were stored without their body: any body matches. */
const BODY_NOT_RECORDED = "body-not-recorded";

export interface IdempotencyClaim {
  userId: number;
  scope: string;
  key: string;
  body: unknown;
}

/** A submission's keyed hash (what is stored), and whether a stored hash is of the same submission. */
export interface RequestHash {
  value: string;
  /** Also true for a hash stored under a key since rotated out of use but still in the ring. */
  matches(stored: string): boolean;
}

/** The keyed hash of a submission: the same key with another body is refused, not replayed. */
export function requestHashOf(config: Pick<Config, "reporterKeys">, claim: IdempotencyClaim): RequestHash {
  const ring = config.reporterKeys;
  const text = `${claim.scope}\n${canonical(claim.body)}`;
  const value = keyedHash(ring, "idempotency", text);
  return {
    value,
    matches: (stored) =>
      stored === value || stored === BODY_NOT_RECORDED || keyedHashMatches(ring, "idempotency", text, stored),
  };
}

const keyReused = () =>
  new AppError(
    "idempotency_key_reused",
    422,
    "该 Idempotency-Key 已用于另一份不同的提交",
    "This Idempotency-Key was already used for a different request",
  );

/**
 * What an earlier submission with this key answered: its stored response, null when the key is unknown, or
 * 422 when that submission had another body.
 */
export async function storedResponse<T>(
  db: Db,
  claim: IdempotencyClaim,
  requestHash: RequestHash,
): Promise<IdempotentResult<T> | null> {
  const [prior] = await rows<{ requestHash: string; statusCode: number | null; response: T }>(
    db,
    sql`select request_hash as "requestHash", status_code as "statusCode", response from idempotency_keys
         where user_id = ${claim.userId} and scope = ${claim.scope} and key = ${claim.key}`,
  );
  if (!prior) return null;
  if (!requestHash.matches(prior.requestHash)) throw keyReused();
  return { status: prior.statusCode ?? 200, body: prior.response, replayed: true };
}

/** The stored answer for a claim that found its key taken (after waiting for the claimant to commit). */
export async function priorResponse<T>(
  db: Db,
  claim: IdempotencyClaim,
  requestHash: RequestHash,
): Promise<IdempotentResult<T>> {
  const prior = await storedResponse<T>(db, claim, requestHash);
  if (!prior) throw keyReused();
  return prior;
}

/**
 * The claim of a command that is a single statement, as its first data-modifying CTE (`claim`): the key goes
 * in with the answer already in it, and the command's inserts read `from claim`, so a taken key writes nothing
 * and the statement returns no row (then `priorResponse` answers). A concurrent statement with the same key
 * waits on the key's unique index until the first commits. One statement, no BEGIN/COMMIT round trips, and the
 * audit chain's lock is held for that statement alone.
 */
export function claimCte(
  claim: IdempotencyClaim,
  requestHash: RequestHash,
  status: number,
  response: SQL,
): SQL {
  return sql`claim as (
      insert into idempotency_keys (user_id, scope, key, request_hash, status_code, response)
      select ${claim.userId}, ${claim.scope}, ${claim.key}, ${requestHash.value}, ${status}::int, (${response})
      on conflict do nothing
      returning response)`;
}

/**
 * Runs a client submission once per (user, scope, key). The key is claimed in the same transaction as the
 * work; a concurrent request with the same key waits on the claim and then answers the stored response. The
 * same key with a different body is refused (422). Failures are not stored: the client may retry them.
 */
export async function idempotent<T>(
  db: Db,
  config: Pick<Config, "reporterKeys">,
  claim: IdempotencyClaim,
  run: (tx: Db) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  const requestHash = requestHashOf(config, claim);
  return db.transaction(async (tx) => {
    const claimed = await preparedRows<{ key: string }>(
      tx,
      sql`insert into idempotency_keys (user_id, scope, key, request_hash)
          values (${claim.userId}, ${claim.scope}, ${claim.key}, ${requestHash.value})
          on conflict do nothing returning key`,
    );
    if (claimed.length === 0) return priorResponse<T>(tx, claim, requestHash);
    const result = await run(tx);
    await preparedRows(
      tx,
      sql`update idempotency_keys set status_code = ${result.status}, response = ${JSON.stringify(result.body)}::jsonb
           where user_id = ${claim.userId} and scope = ${claim.scope} and key = ${claim.key}`,
    );
    return { ...result, replayed: false };
  });
}
