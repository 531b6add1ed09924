import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { sessions } from "../db/schema/index.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";

export type SessionEndReason = "logout" | "idle_timeout" | "absolute_timeout" | "user_disabled";

/** Ends one session server-side; the cookie alone can never bring it back. */
export async function closeSession(ctx: CommandContext, sessionId: number, reason: SessionEndReason) {
  await ctx.db.transaction(async (tx) => {
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id, userId: sessions.userId });
    if (ended.length === 0) return;
    await recordAudit(tx, ctx, {
      action: reason === "logout" ? "auth.logout" : "auth.session_expired",
      entityType: "session",
      entityId: sessionId,
      actorId: ended[0].userId,
      after: { reason },
    });
  });
}

/** Ends every live session of a user inside the caller's transaction (disabling, password reset). */
export async function closeAllSessionsOf(tx: Db, userId: number, reason: SessionEndReason): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}
