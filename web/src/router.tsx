import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter } from "react-router";
import { PageLoading } from "./components/PageLoading";
import { RequireAuth } from "./components/RequireAuth";
import { RequirePermission } from "./components/RequirePermission";
import { RouteError } from "./components/RouteError";
import { DASHBOARD_PERMISSIONS } from "./scenes/Dashboard/permissions";

// Every scene is its own chunk: the login page must not download Leaflet, tables or forms it never shows.
const LoginScene = lazy(() => import("./scenes/Login/LoginScene").then((m) => ({ default: m.LoginScene })));
const AppLayout = lazy(() => import("./scenes/Layout/AppLayout").then((m) => ({ default: m.AppLayout })));
const HomeRedirect = lazy(() =>
  import("./scenes/Layout/HomeRedirect").then((m) => ({ default: m.HomeRedirect })),
);
const GridMapScene = lazy(() =>
  import("./scenes/GridMap/GridMapScene").then((m) => ({ default: m.GridMapScene })),
);
const GridAdminScene = lazy(() =>
  import("./scenes/GridAdmin/GridAdminScene").then((m) => ({ default: m.GridAdminScene })),
);
const UsersScene = lazy(() => import("./scenes/Users/UsersScene").then((m) => ({ default: m.UsersScene })));
const SettingsScene = lazy(() =>
  import("./scenes/Settings/SettingsScene").then((m) => ({ default: m.SettingsScene })),
);
const AuditScene = lazy(() => import("./scenes/Audit/AuditScene").then((m) => ({ default: m.AuditScene })));
const CaseListScene = lazy(() =>
  import("./scenes/Cases/CaseListScene").then((m) => ({ default: m.CaseListScene })),
);
const CaseDetailScene = lazy(() =>
  import("./scenes/Cases/CaseDetailScene").then((m) => ({ default: m.CaseDetailScene })),
);
const ReportScene = lazy(() =>
  import("./scenes/Cases/ReportScene").then((m) => ({ default: m.ReportScene })),
);
const SupervisionScene = lazy(() =>
  import("./scenes/Cases/SupervisionScene").then((m) => ({ default: m.SupervisionScene })),
);
const DashboardScene = lazy(() =>
  import("./scenes/Dashboard/DashboardScene").then((m) => ({ default: m.DashboardScene })),
);
const NotificationsScene = lazy(() =>
  import("./scenes/Cases/NotificationsScene").then((m) => ({ default: m.NotificationsScene })),
);
const ObjectsScene = lazy(() =>
  import("./scenes/Objects/ObjectsScene").then((m) => ({ default: m.ObjectsScene })),
);
const ObjectArchiveScene = lazy(() =>
  import("./scenes/Objects/ObjectArchiveScene").then((m) => ({ default: m.ObjectArchiveScene })),
);
const WudingScene = lazy(() =>
  import("./scenes/Wuding/WudingScene").then((m) => ({ default: m.WudingScene })),
);
const WudingCardScene = lazy(() =>
  import("./scenes/Wuding/WudingCardScene").then((m) => ({ default: m.WudingCardScene })),
);
const ContractsScene = lazy(() =>
  import("./scenes/Contracts/ContractsScene").then((m) => ({ default: m.ContractsScene })),
);
const ContractScene = lazy(() =>
  import("./scenes/Contracts/ContractScene").then((m) => ({ default: m.ContractScene })),
);
const FieldScene = lazy(() => import("./scenes/Field/FieldScene").then((m) => ({ default: m.FieldScene })));
const PatrolLedgerScene = lazy(() =>
  import("./scenes/Patrols/PatrolLedgerScene").then((m) => ({ default: m.PatrolLedgerScene })),
);
// The public tracking page: no login, no layout, no map — its own small chunk.
const TrackScene = lazy(() => import("./scenes/Track/TrackScene").then((m) => ({ default: m.TrackScene })));
const NotFoundScene = lazy(() =>
  import("./scenes/NotFoundScene").then((m) => ({ default: m.NotFoundScene })),
);

function page(element: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{element}</Suspense>;
}

function guarded(permission: string | readonly string[], element: ReactNode) {
  return <RequirePermission permission={permission}>{element}</RequirePermission>;
}

export const router = createBrowserRouter([
  { path: "/login", element: page(<LoginScene />), errorElement: <RouteError /> },
  // 举报办理进度查询 (DOMAIN.md §7): anyone with a tracking number, signed in or not
  { path: "/track/:trackingNo?", element: page(<TrackScene />), errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      // The phone's field app: no side menu, no map — the least JavaScript a cheap phone must load.
      { path: "field", element: page(guarded("patrol.perform", <FieldScene />)) },
      {
        element: page(<AppLayout />),
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: "grids", element: guarded("grid.read", <GridMapScene />) },
          { path: "admin/grids", element: guarded("grid.manage", <GridAdminScene />) },
          { path: "objects", element: guarded("object.read", <ObjectsScene />) },
          { path: "objects/:id", element: guarded("object.read", <ObjectArchiveScene />) },
          { path: "admin/users", element: guarded("user.manage", <UsersScene />) },
          { path: "admin/settings", element: guarded("settings.manage", <SettingsScene />) },
          { path: "audit", element: guarded("audit.read", <AuditScene />) },
          { path: "cases/inbox", element: guarded("case.read", <CaseListScene key="inbox" mode="inbox" />) },
          { path: "cases/new", element: guarded("case.report", <ReportScene />) },
          { path: "cases/:id", element: guarded("case.read", <CaseDetailScene />) },
          { path: "cases", element: guarded("case.read", <CaseListScene key="all" mode="all" />) },
          { path: "supervision", element: guarded("supervision.read", <SupervisionScene />) },
          { path: "dashboard", element: guarded(DASHBOARD_PERMISSIONS, <DashboardScene />) },
          { path: "notifications", element: guarded("case.read", <NotificationsScene />) },
          { path: "wuding", element: guarded("wuding.read", <WudingScene />) },
          { path: "grids/:id/wuding/card", element: guarded("wuding.read", <WudingCardScene />) },
          { path: "contracts", element: guarded("contract.read", <ContractsScene />) },
          { path: "contracts/:id", element: guarded("contract.read", <ContractScene />) },
          { path: "patrols", element: guarded("patrol.read", <PatrolLedgerScene />) },
          { path: "*", element: <NotFoundScene /> },
        ],
      },
    ],
  },
]);
