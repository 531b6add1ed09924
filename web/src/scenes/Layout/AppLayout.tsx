import { MenuOutlined } from "@ant-design/icons";
import { App as AntApp, Button, Drawer, Grid, Layout, Typography } from "antd";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";
import { LanguageSwitcher } from "../../components/LanguageSwitcher";
import { useMe } from "../../components/MeContext";
import { PageLoading } from "../../components/PageLoading";
import { NavMenu } from "./NavMenu";
import { allowedNavItems } from "./navigation";
import { UserMenu } from "./UserMenu";
import "./layout.css";

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const items = allowedNavItems(useMe().permissions);
  // On narrow screens the sider collapses away and the menu opens as a drawer from the header button.
  const narrow = Grid.useBreakpoint().lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const selected = items.find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
  // antd's date pickers take month and weekday names from dayjs, which stays English unless told; Uyghur
  // keeps antd's Chinese calendar (i18n/antd-ug.ts), so Chinese dates too. Set here, with the desktop
  // scenes that have pickers, to keep dayjs out of the first load of /login and /field.
  dayjs.locale(i18n.language === "en" ? "en" : "zh-cn");

  // antd's App (message, modal, notification for App.useApp) lives here, not at the root: only the desktop
  // scenes use it, and at the root it would put ~20 KiB gzip into the phone's first load of /field.
  return (
    <AntApp>
      <Layout className="app-layout">
        {!narrow && (
          <Layout.Sider className="app-sider" theme="light" width={208}>
            <NavMenu items={items} selectedPath={selected?.path} />
          </Layout.Sider>
        )}
        {narrow && (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement={i18n.dir() === "rtl" ? "right" : "left"}
            size={240}
            closable={false}
            styles={{ body: { padding: 0 } }}
          >
            <NavMenu items={items} selectedPath={selected?.path} onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        )}
        <Layout>
          <Layout.Header className="app-header">
            {narrow && (
              <Button
                type="text"
                aria-label={t("header.toggleMenu")}
                icon={<MenuOutlined />}
                onClick={() => setDrawerOpen(true)}
              />
            )}
            <Typography.Text strong className="app-header-title">
              {selected ? t(selected.labelKey) : ""}
            </Typography.Text>
            <div className="app-header-tools">
              <LanguageSwitcher />
              <UserMenu />
            </div>
          </Layout.Header>
          <Layout.Content className="app-content">
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
