import { describe, expect, it } from "vitest";
import { afterFailedLogin, isLocked, sessionState, shouldTouch } from "./session-rules.ts";

const t0 = new Date("2026-03-01T08:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe("session rules", () => {
  const session = { lastSeenAt: t0, absoluteExpiresAt: minutes(12 * 60), revokedAt: null };
  it("is active until 30 idle minutes pass", () => {
    expect(sessionState(session, minutes(29), 30)).toBe("active");
    expect(sessionState(session, minutes(30), 30)).toBe("idle_expired");
  });
  it("ends at the absolute limit however busy", () => {
    expect(sessionState({ ...session, lastSeenAt: minutes(12 * 60 - 1) }, minutes(12 * 60), 30)).toBe(
      "absolute_expired",
    );
  });
  it("stays ended once revoked", () => {
    expect(sessionState({ ...session, revokedAt: minutes(1) }, minutes(2), 30)).toBe("revoked");
  });
  it("touches last_seen_at at most once a minute", () => {
    expect(shouldTouch(t0, new Date(t0.getTime() + 59_000))).toBe(false);
    expect(shouldTouch(t0, minutes(1))).toBe(true);
  });
});

describe("lockout", () => {
  it("locks for the configured minutes on the fifth failure and resets the counter", () => {
    let state = { failedLoginCount: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= 4; i++) {
      state = afterFailedLogin(state, t0, 5, 30);
      expect(state).toEqual({ failedLoginCount: i, lockedUntil: null });
    }
    state = afterFailedLogin(state, t0, 5, 30);
    expect(state).toEqual({ failedLoginCount: 0, lockedUntil: minutes(30) });
    expect(isLocked(state, minutes(29))).toBe(true);
    expect(isLocked(state, minutes(30))).toBe(false);
  });
});
