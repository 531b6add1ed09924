import { App, Button, Popconfirm } from "antd";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../../api/errorText";
import type { UserRow } from "../../api/types";
import { useSetUserDisabled } from "../../api/users";

/** Disables or re-enables an account, after a confirmation. */
export function UserToggleButton({ user }: { user: UserRow }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const toggle = useSetUserDisabled();
  const disabling = !user.disabled;

  const confirm = () =>
    toggle.mutateAsync({ id: user.id, disabled: disabling }).then(
      () => void message.success(disabling ? t("users.disabledDone") : t("users.enabledDone")),
      (error: unknown) => void message.error(errorText(error)),
    );

  return (
    <Popconfirm
      title={
        disabling
          ? t("users.confirmDisable", { name: user.displayName })
          : t("users.confirmEnable", { name: user.displayName })
      }
      okText={t("common.ok")}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: disabling }}
      onConfirm={confirm}
    >
      <Button type="link" size="small" danger={disabling} loading={toggle.isPending}>
        {disabling ? t("users.disable") : t("users.enable")}
      </Button>
    </Popconfirm>
  );
}
