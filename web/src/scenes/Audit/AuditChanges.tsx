import { Col, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../api/types";

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <pre className="audit-json" dir="ltr">
        {value === null || value === undefined ? t("audit.empty") : JSON.stringify(value, null, 2)}
      </pre>
    </>
  );
}

/** The expanded row: the entity as it was before and after the change. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <JsonBlock label={t("audit.before")} value={entry.before} />
      </Col>
      <Col xs={24} md={12}>
        <JsonBlock label={t("audit.after")} value={entry.after} />
      </Col>
    </Row>
  );
}
