import { Navigate } from "react-router";
import { useMe } from "../../components/MeContext";
import { ForbiddenScene } from "../ForbiddenScene";
import { allowedNavItems } from "./navigation";

export function HomeRedirect() {
  const [first] = allowedNavItems(useMe().permissions);
  return first ? <Navigate to={first.path} replace /> : <ForbiddenScene noFeatures />;
}
