import { lazy, type ReactNode } from "react";
import { useCan } from "./MeContext";

// Lazy so that the entry chunk does not carry antd's Result illustrations.
const ForbiddenScene = lazy(() =>
  import("../scenes/ForbiddenScene").then((m) => ({ default: m.ForbiddenScene })),
);

interface Props {
  permission: string;
  children: ReactNode;
}

export function RequirePermission({ permission, children }: Props) {
  return useCan(permission) ? children : <ForbiddenScene />;
}
