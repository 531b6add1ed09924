import { createContext, useContext } from "react";
import type { Me } from "../api/types";

export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only for components rendered below RequireAuth. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe used outside RequireAuth");
  return me;
}

export function useCan(permission: string): boolean {
  return useMe().permissions.includes(permission);
}

/** Whether the permissions include `needed`, or any one of a list of them. */
export function canAny(permissions: readonly string[], needed: string | readonly string[]): boolean {
  return typeof needed === "string"
    ? permissions.includes(needed)
    : needed.some((p) => permissions.includes(p));
}
