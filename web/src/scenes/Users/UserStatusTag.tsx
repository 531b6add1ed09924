import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { UserRow } from "../../api/types";
import { formatTime } from "../../time/formatTime";

export function UserStatusTag({ user }: { user: UserRow }) {
  const { t } = useTranslation();
  if (user.disabled) return <Tag color="red">{t("users.disabled")}</Tag>;
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) {
    return <Tag color="orange">{t("users.lockedUntil", { time: formatTime(user.lockedUntil) })}</Tag>;
  }
  return <Tag color="green">{t("users.active")}</Tag>;
}
