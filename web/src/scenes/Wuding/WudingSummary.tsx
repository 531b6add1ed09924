import { FileTextOutlined, PrinterOutlined } from "@ant-design/icons";
import { Button, Divider, Flex, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useGridWuding } from "../../api/wuding";
import { useCan } from "../../components/MeContext";

/** The 五定 in brief, for the grid map's details panel, with the way to the full view and the card. */
export function WudingSummary({ gridId }: { gridId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const allowed = useCan("wuding.read");
  const wuding = useGridWuding(allowed ? gridId : null);
  if (!allowed) return null;
  if (wuding.isError) return null;

  const head = wuding.data?.personnel.find((p) => p.dutyRole === "head" && p.inForce);
  const members = wuding.data?.personnel.filter((p) => p.dutyRole === "member" && p.inForce).length ?? 0;
  return (
    <div className="wuding-summary">
      <Divider size="small" titlePlacement="start">
        {t("wuding.title")}
      </Divider>
      {wuding.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      ) : (
        <Flex vertical gap={4}>
          <Typography.Text>
            {head
              ? `${t("wuding.summaryHead", { name: head.displayName })}${head.phone ? ` · ${head.phone}` : ""}`
              : t("wuding.summaryNoHead")}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t("wuding.summaryCounts", {
              members,
              duties: wuding.data.duties.length,
              tasks: wuding.data.tasks.length,
              rules: wuding.data.rules.length,
            })}
          </Typography.Text>
          <Flex gap={8} wrap>
            <Button
              size="small"
              icon={<FileTextOutlined />}
              onClick={() => void navigate(`/wuding?grid=${gridId}`)}
            >
              {t("wuding.open")}
            </Button>
            <Button
              size="small"
              icon={<PrinterOutlined />}
              onClick={() => void navigate(`/grids/${gridId}/wuding/card`)}
            >
              {t("wuding.printCard")}
            </Button>
          </Flex>
        </Flex>
      )}
    </div>
  );
}
