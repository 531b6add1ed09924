import { Alert, Button, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { ApiError } from "../api/client";
import { useErrorText } from "../api/errorText";

interface Props {
  error: unknown;
  onRetry?: () => void;
}

/** A 404/403 ("记录不存在或无权访问") answers the same however often it is asked: nothing to retry. */
const isFinal = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 403);

export function QueryError({ error, onRetry }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const location = useLocation();
  const final = isFinal(error);
  // opened from a link or typed in, there is no page of ours to go back to: go up one level (/cases/9 → /cases)
  const back = () => (location.key === "default" ? navigate("..", { relative: "path" }) : navigate(-1));
  return (
    <Alert
      type="error"
      showIcon
      className={final ? "query-error query-error-final" : "query-error"}
      title={errorText(error)}
      action={
        final ? (
          <Space wrap>
            <Button size="small" onClick={() => void back()}>
              {t("common.back")}
            </Button>
            <Button size="small" type="primary" onClick={() => void navigate("/")}>
              {t("notFound.back")}
            </Button>
          </Space>
        ) : (
          onRetry && (
            <Button size="small" onClick={onRetry}>
              {t("common.retry")}
            </Button>
          )
        )
      }
    />
  );
}
