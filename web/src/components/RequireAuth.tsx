import { Navigate, Outlet, useLocation } from "react-router";
import { useSession } from "../api/auth";
import { MeContext } from "./MeContext";
import { PageLoading } from "./PageLoading";
import { QueryError } from "./QueryError";

/**
 * Sends a signed-out visitor to the login page, which brings them back here afterwards (LoginScene's
 * `returnPath`): after an expired session, or a link opened before signing in.
 */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoading />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  if (session.data.status === "signedOut") {
    // after an explicit sign-out the next person starts at home, not on the page the last one left
    const from = session.data.reason === "left" ? null : `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={from ? { from } : null} />;
  }
  return (
    <MeContext.Provider value={session.data.me}>
      <Outlet />
    </MeContext.Provider>
  );
}
