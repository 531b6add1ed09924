import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditVerification } from "../../api/types";
import { zhCN } from "../../i18n/zh-CN";

type ReasonKey = keyof typeof zhCN.audit.reasons;

export function AuditVerifyResult({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  if (result.ok) {
    return <Alert type="success" showIcon title={t("audit.verifyOk", { checked: result.checked })} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t("audit.verifyBad", { checked: result.checked, id: result.firstBadId ?? "?" })}
      description={
        result.reason &&
        t("audit.verifyReason", {
          reason:
            result.reason in zhCN.audit.reasons
              ? t(`audit.reasons.${result.reason as ReasonKey}`)
              : result.reason,
        })
      }
    />
  );
}
