import { Menu, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { NavItem } from "./navigation";

interface Props {
  items: NavItem[];
  selectedPath: string | undefined;
  onNavigate?: () => void;
}

export function NavMenu({ items, selectedPath, onNavigate }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <nav className="app-nav">
      <div className="app-brand">
        <Typography.Text strong>{t("app.title")}</Typography.Text>
        <Typography.Text type="secondary">{t("app.subtitle")}</Typography.Text>
      </div>
      <Menu
        mode="inline"
        selectedKeys={selectedPath ? [selectedPath] : []}
        items={items.map((item) => ({ key: item.path, icon: item.icon, label: t(item.labelKey) }))}
        onClick={({ key }) => {
          void navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}
