import { Result } from "antd";
import { useTranslation } from "react-i18next";

interface Props {
  /** Set when the account has no feature at all, rather than lacking one page. */
  noFeatures?: boolean;
}

export function ForbiddenScene({ noFeatures = false }: Props) {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t("forbidden.title")}
      subTitle={noFeatures ? t("forbidden.noFeatures") : t("forbidden.description")}
    />
  );
}
