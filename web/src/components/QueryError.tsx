import { Alert, Button } from "antd";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../api/errorText";

interface Props {
  error: unknown;
  onRetry?: () => void;
}

export function QueryError({ error, onRetry }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )
      }
    />
  );
}
