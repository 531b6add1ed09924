import {
  AuditOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  ProfileOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { zhCN } from "../../i18n/zh-CN";

export interface NavItem {
  path: string;
  permission: string;
  labelKey: `nav.${keyof typeof zhCN.nav}` | `wuding.nav.${keyof typeof zhCN.wuding.nav}`;
  icon: ReactNode;
}

/** The side menu in display order; the first item the user may open is their start page. */
export const navItems: readonly NavItem[] = [
  { path: "/grids", permission: "grid.read", labelKey: "nav.grids", icon: <EnvironmentOutlined /> },
  { path: "/wuding", permission: "wuding.read", labelKey: "wuding.nav.wuding", icon: <ProfileOutlined /> },
  {
    path: "/contracts",
    permission: "contract.read",
    labelKey: "wuding.nav.contracts",
    icon: <FileProtectOutlined />,
  },
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
  return navItems.filter((item) => permissions.includes(item.permission));
}
