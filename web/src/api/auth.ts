import { type QueryClient, useQuery } from "@tanstack/react-query";
import { clearReportDrafts } from "../drafts/reportDraft";
import { request } from "./client";
import { queryClient } from "./queryClient";
import type { Me, SessionUser } from "./types";

/** Why nobody is signed in: not yet, the session expired (or was revoked), or the user signed out. */
export type SignedOutReason = "notYet" | "expired" | "left";
export type Session = { status: "signedIn"; me: Me } | { status: "signedOut"; reason: SignedOutReason };

export const sessionQueryKey = ["session"] as const;

function wasSignedIn(client: QueryClient): boolean {
  return client.getQueryData<Session>(sessionQueryKey)?.status === "signedIn";
}

async function fetchSession(): Promise<Session> {
  const previous = queryClient.getQueryData<Session>(sessionQueryKey);
  // The reason sticks until the next login, so a refetch on the login page does not hide the notice.
  const reason: SignedOutReason =
    previous?.status === "signedIn"
      ? "expired"
      : previous?.status === "signedOut"
        ? previous.reason
        : "notYet";
  // /api/session answers a visitor without a session with `me: null`, not a 401 the browser would log
  const { me } = await request<{ me: Me | null }>("GET", "/api/session");
  if (me) return { status: "signedIn", me };
  // the session ended since the last answer: nothing of that user may stay cached, as after any 401
  if (previous?.status === "signedIn") dropUserData(queryClient);
  return { status: "signedOut", reason };
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
}

function dropUserData(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}

/** Drops everything cached for the previous user; the session entry is updated in place so its observers see it. */
export function endSession(client: QueryClient, reason: SignedOutReason): void {
  dropUserData(client);
  const signedOut: Session = { status: "signedOut", reason };
  client.setQueryData<Session>(sessionQueryKey, signedOut);
}

/** A 401 from any request means the cookie session is gone; tell the user only if they had one. */
export function handleUnauthorized(): void {
  if (wasSignedIn(queryClient)) endSession(queryClient, "expired");
}

export async function login(username: string, password: string): Promise<void> {
  const { user } = await request<{ user: SessionUser }>("POST", "/api/auth/login", { username, password });
  // another person signing in on this tab after an expiry must not find the last one's draft
  clearReportDrafts(sessionStorage, user.id);
  endSession(queryClient, "notYet");
  await queryClient.refetchQueries({ queryKey: sessionQueryKey });
}

export async function logout(): Promise<void> {
  try {
    await request<void>("POST", "/api/auth/logout");
  } finally {
    // only an explicit sign-out: a draft exists to outlive an expired session (handleUnauthorized)
    clearReportDrafts(sessionStorage);
    endSession(queryClient, "left");
  }
}
