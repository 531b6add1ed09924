import { Navigate, Outlet } from "react-router";
import { useSession } from "../api/auth";
import { MeContext } from "./MeContext";
import { PageLoading } from "./PageLoading";
import { QueryError } from "./QueryError";

export function RequireAuth() {
  const session = useSession();
  if (session.isPending) return <PageLoading />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  if (session.data.status === "signedOut") return <Navigate to="/login" replace />;
  return (
    <MeContext.Provider value={session.data.me}>
      <Outlet />
    </MeContext.Provider>
  );
}
