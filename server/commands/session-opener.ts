import { eq, sql } from "drizzle-orm";
import { sessions, users } from "../db/schema/index.ts";
import { afterFailedLogin, isLocked } from "../domain/session-rules.ts";
import { accountLocked, invalidCredentials } from "../errors.ts";
import { getSettings } from "../queries/settings.ts";
import { verifyAgainstDummy, verifyPassword } from "../security/passwords.ts";
import { newSessionToken, sha256Hex } from "../security/tokens.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";

export interface LoginInput {
  username: string;
  password: string;
  userAgent: string | null;
}

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

/**
 * Logs a user in: checks the lockout, the password and the account state, and opens a fresh session
 * (a new token every time, so a planted session id is useless). Failures are counted and audited and
 * committed before the error is thrown.
 */
export async function openSession(ctx: CommandContext, input: LoginInput, lockout: LockoutPolicy) {
  const now = new Date();
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`);
  if (!user || user.disabledAt) {
    await verifyAgainstDummy(input.password);
    await recordAudit(ctx.db, ctx, {
      action: "auth.login_failed",
      entityType: "user",
      entityId: user?.id ?? null,
      actorName: input.username.slice(0, 64),
      after: { reason: user ? "disabled" : "unknown_user" },
    });
    throw invalidCredentials();
  }
  if (isLocked(user, now)) {
    await recordAudit(ctx.db, ctx, {
      action: "auth.login_refused_locked",
      entityType: "user",
      entityId: user.id,
      actorName: user.username,
    });
    throw accountLocked(user.lockedUntil as Date);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const next = afterFailedLogin(user, now, lockout.maxFailures, lockout.lockMinutes);
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set(next).where(eq(users.id, user.id));
      await recordAudit(tx, ctx, {
        action: next.lockedUntil && !user.lockedUntil ? "auth.account_locked" : "auth.login_failed",
        entityType: "user",
        entityId: user.id,
        actorName: user.username,
        after: { failedLoginCount: next.failedLoginCount, lockedUntil: next.lockedUntil },
      });
    });
    if (next.lockedUntil && isLocked(next, now)) throw accountLocked(next.lockedUntil);
    throw invalidCredentials();
  }

  const settings = await getSettings(ctx.db);
  const token = newSessionToken();
  const session = await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const [created] = await tx
      .insert(sessions)
      .values({
        tokenHash: sha256Hex(token),
        userId: user.id,
        absoluteExpiresAt: new Date(now.getTime() + settings.sessionAbsoluteHours * 3_600_000),
        ip: ctx.ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      })
      .returning();
    await recordAudit(
      tx,
      { actor: null, ip: ctx.ip },
      {
        action: "auth.login",
        entityType: "session",
        entityId: created.id,
        actorId: user.id,
        actorName: user.username,
        after: { userId: user.id },
      },
    );
    return created;
  });
  return { token, session, user: { id: user.id, username: user.username, displayName: user.displayName } };
}
