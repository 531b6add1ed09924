import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { users } from "../db/schema/index.ts";
import { badRequest, notFound } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { assertAllowed } from "../policies/allow.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { closeAllSessionsOf } from "./session-closer.ts";

/** Disables an account and ends all its sessions in the same transaction. */
export async function disableUser(ctx: CommandContext & { actor: Actor }, userId: number) {
  assertAllowed(ctx.actor, "user.manage");
  if (userId === ctx.actor.userId) {
    throw badRequest("cannot_disable_self", "不能停用自己的账户", "You cannot disable your own account");
  }
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ disabledAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.id, userId), isNull(users.disabledAt)))
      .returning({ id: users.id, username: users.username });
    if (!user) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!exists) throw notFound();
      return { id: userId, alreadyInState: true, sessionsEnded: 0 };
    }
    const sessionsEnded = await closeAllSessionsOf(tx, userId, "user_disabled");
    await recordAudit(tx, ctx, {
      action: "user.disable",
      entityType: "user",
      entityId: userId,
      before: { disabled: false },
      after: { disabled: true, sessionsEnded },
    });
    return { id: userId, alreadyInState: false, sessionsEnded };
  });
}

export async function enableUser(ctx: CommandContext & { actor: Actor }, userId: number) {
  assertAllowed(ctx.actor, "user.manage");
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ disabledAt: null, failedLoginCount: 0, lockedUntil: null, updatedAt: new Date() })
      .where(and(eq(users.id, userId), isNotNull(users.disabledAt)))
      .returning({ id: users.id });
    if (!user) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!exists) throw notFound();
      return { id: userId, alreadyInState: true };
    }
    await recordAudit(tx, ctx, {
      action: "user.enable",
      entityType: "user",
      entityId: userId,
      before: { disabled: true },
      after: { disabled: false },
    });
    return { id: userId, alreadyInState: false };
  });
}
