import { Alert, Button, Descriptions, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ReporterView, useRevealReporter } from "../../api/cases";
import { useErrorText } from "../../api/errorText";

/**
 * What the caller may know of the reporter. Only the roles allowed to (the server says `canReveal`) see a masked
 * form and may reveal it (with a dispute's complainant), giving a reason; the server audits each reveal. The
 * clear values live in this component's state only while the dialog is open.
 */
export function ReporterBox({ caseId, reporter }: { caseId: number; reporter: ReporterView }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reveal = useRevealReporter(caseId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");

  if (reporter.kind === "official") return <Typography.Text>{reporter.displayName ?? ""}</Typography.Text>;
  if (reporter.kind === "anonymous")
    return <Typography.Text>{t("cases.detail.reporterAnonymous")}</Typography.Text>;
  if (reporter.kind === "none") return <Typography.Text>{t("cases.detail.reporterNone")}</Typography.Text>;
  if (!reporter.canReveal)
    return <Typography.Text type="secondary">{t("cases.detail.reporterConfidential")}</Typography.Text>;
  return (
    <>
      {/* an anonymous reporter of a dispute leaves only the complainant to reveal: nothing masked to show */}
      <Typography.Text className="reporter-masked">
        {[reporter.maskedName, reporter.maskedContact].filter(Boolean).join(" · ") ||
          t("cases.detail.reporterConfidential")}
      </Typography.Text>{" "}
      <Button size="small" data-testid="reveal-reporter" onClick={() => setOpen(true)}>
        {t("cases.detail.reveal")}
      </Button>
      <Modal
        open={open}
        title={t("cases.detail.reveal")}
        okText={t("common.ok")}
        cancelText={t("common.close")}
        okButtonProps={{ disabled: reason.trim().length < 2 || reveal.isSuccess, loading: reveal.isPending }}
        onOk={() => reveal.mutate(reason.trim())}
        onCancel={() => {
          setOpen(false);
          setReason("");
          reveal.reset();
        }}
        destroyOnHidden
      >
        {reveal.isError && <Alert type="error" showIcon title={errorText(reveal.error)} />}
        {reveal.data ? (
          <Descriptions column={1} title={t("cases.detail.revealed")} size="small">
            <Descriptions.Item label={t("cases.detail.name")}>{reveal.data.name ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("cases.detail.contact")}>
              {reveal.data.contact ?? "—"}
            </Descriptions.Item>
            {reveal.data.complainant && (
              <Descriptions.Item label={t("cases.report.partyA")}>
                {reveal.data.complainant.name}
                {reveal.data.complainant.role ? `（${reveal.data.complainant.role}）` : ""}
              </Descriptions.Item>
            )}
          </Descriptions>
        ) : (
          <Form layout="vertical">
            <Form.Item label={t("cases.detail.revealReason")} required>
              <Input
                name="revealReason"
                value={reason}
                maxLength={200}
                onChange={(e) => setReason(e.target.value)}
              />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
