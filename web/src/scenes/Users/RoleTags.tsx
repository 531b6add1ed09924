import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { RoleAssignment } from "../../api/types";
import { useDepartmentNames } from "../../departments/useDepartmentNames";
import { useGridNames } from "../../grids/useGridNames";
import { roleLabel } from "../../i18n/labels";

export function RoleTags({ roles }: { roles: readonly RoleAssignment[] }) {
  const { t } = useTranslation();
  const gridNames = useGridNames();
  const departmentNames = useDepartmentNames();
  return roles.map((r) => {
    const where = r.gridName
      ? gridNames.name(r.gridId, r.gridName)
      : r.departmentName && departmentNames.name(r.departmentId, r.departmentName);
    return (
      <Tag key={`${r.role}-${r.gridId ?? ""}-${r.departmentId ?? ""}`} variant="outlined">
        {roleLabel(t, r.role)}
        {where && ` · ${where}`}
      </Tag>
    );
  });
}
