import { LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { App, Button, Flex, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { logout } from "../../api/auth";
import { useErrorText } from "../../api/errorText";
import { useMe } from "../../components/MeContext";
import { roleLabel } from "../../i18n/labels";

export function UserMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const me = useMe();
  const [leaving, setLeaving] = useState(false);
  const roleCodes = [...new Set(me.roles.map((r) => r.role))];

  const signOut = async () => {
    setLeaving(true);
    try {
      await logout();
    } catch (error) {
      // The local session is dropped anyway; the server one times out on its own.
      void message.error(errorText(error));
    }
    void navigate("/login", { replace: true });
  };

  return (
    <Flex align="center" gap={8} className="user-menu">
      <UserOutlined />
      <Typography.Text strong className="user-name">
        {me.user.displayName}
      </Typography.Text>
      <span className="user-roles">
        {roleCodes.map((code) => (
          <Tag key={code} color="green" variant="outlined">
            {roleLabel(t, code)}
          </Tag>
        ))}
      </span>
      <Button type="text" icon={<LogoutOutlined />} loading={leaving} onClick={() => void signOut()}>
        <span className="logout-label">{t("header.logout")}</span>
      </Button>
    </Flex>
  );
}
