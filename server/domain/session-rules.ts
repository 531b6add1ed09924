export interface SessionTimes {
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
  revokedAt: Date | null;
}

export type SessionState = "active" | "revoked" | "idle_expired" | "absolute_expired";

/** 等保三级 session rules: ends on logout/disable, after the idle limit, and at the absolute limit. */
export function sessionState(s: SessionTimes, now: Date, idleMinutes: number): SessionState {
  if (s.revokedAt) return "revoked";
  if (now.getTime() >= s.absoluteExpiresAt.getTime()) return "absolute_expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= idleMinutes * 60_000) return "idle_expired";
  return "active";
}

/** Touching last_seen_at on every request would make each read a write; once a minute is enough. */
export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= 60_000;
}

export interface LockoutState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export function isLocked(user: LockoutState, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
}

/** After a wrong password: count it, and lock for `lockMinutes` when the count reaches `maxFailures`. */
export function afterFailedLogin(
  user: LockoutState,
  now: Date,
  maxFailures: number,
  lockMinutes: number,
): LockoutState {
  const count = user.failedLoginCount + 1;
  if (count >= maxFailures)
    return { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + lockMinutes * 60_000) };
  return { failedLoginCount: count, lockedUntil: user.lockedUntil };
}
