import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ContractStatus } from "../../api/wudingTypes";

const COLORS: Record<ContractStatus, string> = { draft: "orange", signed: "green", superseded: "default" };

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-status={status}>
      {t(`wuding.contracts.statuses.${status}`)}
    </Tag>
  );
}

/** The current year in Beijing time: contracts are yearly. */
export function currentYear(): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format());
}
