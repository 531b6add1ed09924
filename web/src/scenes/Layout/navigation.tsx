import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CompassOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FormOutlined,
  InboxOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { ParseKeys } from "i18next";
import type { ReactNode } from "react";
import { canAny } from "../../components/MeContext";
import { DASHBOARD_PERMISSIONS } from "../Dashboard/permissions";

export interface NavItem {
  path: string;
  /** The permission the page needs; a list: any one of them. */
  permission: string | readonly string[];
  /** Any translation key: features keep their strings in their own section (e.g. `gridAdmin.nav`). */
  labelKey: ParseKeys;
  icon: ReactNode;
}

/** The side menu in display order; the first item the user may open is their start page. */
export const navItems: readonly NavItem[] = [
  { path: "/grids", permission: "grid.read", labelKey: "nav.grids", icon: <EnvironmentOutlined /> },
  { path: "/cases/inbox", permission: "case.read", labelKey: "cases.nav.inbox", icon: <InboxOutlined /> },
  // before the list: /cases/new must not be taken for a case of the list
  { path: "/cases/new", permission: "case.report", labelKey: "cases.nav.report", icon: <FormOutlined /> },
  { path: "/cases", permission: "case.read", labelKey: "cases.nav.list", icon: <FileSearchOutlined /> },
  {
    path: "/supervision",
    permission: "supervision.read",
    labelKey: "cases.nav.supervision",
    icon: <AlertOutlined />,
  },
  {
    path: "/dashboard",
    permission: DASHBOARD_PERMISSIONS,
    labelKey: "dashboard.nav",
    icon: <BarChartOutlined />,
  },
  {
    path: "/notifications",
    permission: "case.read",
    labelKey: "cases.nav.notifications",
    icon: <BellOutlined />,
  },
  { path: "/wuding", permission: "wuding.read", labelKey: "wuding.nav.wuding", icon: <ProfileOutlined /> },
  {
    path: "/contracts",
    permission: "contract.read",
    labelKey: "wuding.nav.contracts",
    icon: <FileProtectOutlined />,
  },
  {
    path: "/admin/grids",
    permission: "grid.manage",
    labelKey: "gridAdmin.nav",
    icon: <ApartmentOutlined />,
  },
  { path: "/field", permission: "patrol.perform", labelKey: "patrol.nav", icon: <CompassOutlined /> },
  { path: "/patrols", permission: "patrol.read", labelKey: "patrol.ledger.nav", icon: <ScheduleOutlined /> },
  { path: "/objects", permission: "object.read", labelKey: "objects.menu", icon: <ShopOutlined /> },
  { path: "/admin/users", permission: "user.manage", labelKey: "nav.users", icon: <TeamOutlined /> },
  {
    path: "/admin/settings",
    permission: "settings.manage",
    labelKey: "nav.settings",
    icon: <SettingOutlined />,
  },
  { path: "/audit", permission: "audit.read", labelKey: "nav.audit", icon: <AuditOutlined /> },
];

export function allowedNavItems(permissions: readonly string[]): NavItem[] {
  return navItems.filter((item) => canAny(permissions, item.permission));
}
