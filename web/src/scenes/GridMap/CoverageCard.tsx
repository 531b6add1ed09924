import { Alert, Card, Descriptions, Skeleton, Space, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { GridCoverage } from "../../api/gridAdmin";
import { QueryError } from "../../components/QueryError";
import { type CoverageKind, coverageColours } from "../../map/CoverageLayers";

interface Props {
  enabled: boolean;
  onToggle: (enabled: boolean) => void;
  coverage: {
    data?: GridCoverage;
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
  };
}

/** 横向到边: the numbers of a grid's coverage by its children, with the map legend. */
export function CoverageCard({ enabled, onToggle, coverage }: Props) {
  const { t, i18n } = useTranslation();
  const area = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 4 });
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 3 });
  const data = coverage.data;

  return (
    <Card
      size="small"
      className="coverage-card"
      title={t("gridAdmin.coverage.title")}
      extra={
        <Switch
          size="small"
          checked={enabled}
          onChange={onToggle}
          aria-label={t("gridAdmin.coverage.show")}
          className="coverage-toggle"
        />
      }
    >
      {!enabled && <Typography.Text type="secondary">{t("gridAdmin.coverage.hint")}</Typography.Text>}
      {enabled && coverage.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
      {enabled && coverage.isError && (
        <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />
      )}
      {enabled && data && data.coveredRatio === null && (
        <Typography.Text type="secondary">{t("gridAdmin.coverage.noChildren")}</Typography.Text>
      )}
      {enabled && data && data.coveredRatio !== null && (
        <Space orientation="vertical" size={8} style={{ width: "100%" }}>
          <Descriptions
            size="small"
            column={1}
            className="coverage-numbers"
            items={[
              {
                key: "ratio",
                label: t("gridAdmin.coverage.ratio"),
                children: <span data-testid="coverage-ratio">{percent.format(data.coveredRatio)}</span>,
              },
              {
                key: "gap",
                label: t("gridAdmin.coverage.gapArea"),
                children: <span data-testid="coverage-gap-area">{area.format(data.gapAreaKm2)}</span>,
              },
              {
                key: "overlap",
                label: t("gridAdmin.coverage.overlapArea"),
                children: <span data-testid="coverage-overlap-area">{area.format(data.overlapAreaKm2)}</span>,
              },
              {
                key: "outside",
                label: t("gridAdmin.coverage.outsideArea"),
                children: <span data-testid="coverage-outside-area">{area.format(data.outsideAreaKm2)}</span>,
              },
            ]}
          />
          {data.gaps.features.length + data.overlaps.features.length + data.outside.features.length === 0 ? (
            <Alert type="success" showIcon title={t("gridAdmin.coverage.allCovered")} />
          ) : (
            <Legend />
          )}
          {data.childrenWithoutBoundary > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t("gridAdmin.coverage.withoutBoundary", { count: data.childrenWithoutBoundary })}
            />
          )}
          <Typography.Text type="secondary" className="coverage-note">
            {t("gridAdmin.coverage.sliverNote", { m2: data.sliverAreaM2 })}
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}

function Legend() {
  const { t } = useTranslation();
  const kinds: CoverageKind[] = ["gap", "overlap", "outside"];
  return (
    <ul className="coverage-legend">
      {kinds.map((kind) => (
        <li key={kind}>
          <span className="coverage-swatch" style={{ background: coverageColours[kind] }} />
          {t(`gridAdmin.coverage.${kind}`)}
        </li>
      ))}
    </ul>
  );
}
