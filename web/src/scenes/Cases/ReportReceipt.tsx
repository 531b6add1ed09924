import { CopyOutlined } from "@ant-design/icons";
import { App, Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { copyText } from "../../components/copyText";

/**
 * What a resident sees once the report is in: the tracking number to keep, a copy button, and the way to the
 * public tracking page (they cannot read the case through the staff API; the number is how they follow it).
 */
export function ReportReceipt({ trackingNo, onAnother }: { trackingNo: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const trackPath = `/track/${trackingNo}`;
  const copy = async () => {
    if (await copyText(trackingNo)) void message.success(t("cases.report.receipt.copied"));
    else void message.warning(t("cases.report.receipt.copyFailed"));
  };
  return (
    <Result
      status="success"
      title={t("cases.report.receipt.title")}
      subTitle={t("cases.report.receipt.keep")}
      extra={
        <div className="report-receipt">
          <div className="report-receipt-label">{t("cases.report.receipt.numberLabel")}</div>
          <div className="report-receipt-number-row">
            <bdi dir="ltr" className="report-receipt-number" data-testid="receipt-tracking-no">
              {trackingNo}
            </bdi>
            <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="receipt-copy">
              {t("cases.report.receipt.copy")}
            </Button>
          </div>
          <div className="report-receipt-actions">
            {/* a real link (a new tab, a bookmark), followed inside the app when clicked */}
            <Button
              type="primary"
              size="large"
              href={trackPath}
              data-testid="receipt-track"
              onClick={(e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                void navigate(trackPath);
              }}
            >
              {t("cases.report.receipt.track")}
            </Button>
            <Button size="large" onClick={onAnother}>
              {t("cases.report.receipt.another")}
            </Button>
          </div>
        </div>
      }
    />
  );
}
