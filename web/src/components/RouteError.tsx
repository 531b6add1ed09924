import { Alert, Button, Flex } from "antd";
import { useTranslation } from "react-i18next";

/** Shown when a route fails to render, most often a chunk that vanished after a redeploy: a reload fixes that. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Alert
        type="error"
        showIcon
        title={t("errors.unknown")}
        action={
          <Button size="small" type="primary" onClick={() => window.location.reload()}>
            {t("common.retry")}
          </Button>
        }
      />
    </Flex>
  );
}
