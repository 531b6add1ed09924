import { lazy, type ReactNode } from "react";
import { canAny, useMe } from "./MeContext";

// Lazy so that the entry chunk does not carry antd's Result illustrations.
const ForbiddenScene = lazy(() =>
  import("../scenes/ForbiddenScene").then((m) => ({ default: m.ForbiddenScene })),
);

interface Props {
  /** One permission, or a list of which any one will do. */
  permission: string | readonly string[];
  children: ReactNode;
}

export function RequirePermission({ permission, children }: Props) {
  return canAny(useMe().permissions, permission) ? children : <ForbiddenScene />;
}
