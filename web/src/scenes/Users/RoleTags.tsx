import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { RoleAssignment } from "../../api/types";
import { roleLabel } from "../../i18n/labels";

export function RoleTags({ roles }: { roles: readonly RoleAssignment[] }) {
  const { t } = useTranslation();
  return roles.map((r) => {
    const where = r.gridName ?? r.departmentName;
    return (
      <Tag key={`${r.role}-${r.gridId ?? ""}-${r.departmentId ?? ""}`} variant="outlined">
        {roleLabel(t, r.role)}
        {where && ` · ${where}`}
      </Tag>
    );
  });
}
