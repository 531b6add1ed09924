import { FileAddOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Input, Select, type TableColumnsType, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import {
  type ContractListParams,
  useAwaitingContracts,
  useContracts,
  useGenerateContracts,
} from "../../api/contracts";
import { useErrorText } from "../../api/errorText";
import type { ContractStatus, ContractSummary } from "../../api/wudingTypes";
import { ListTable } from "../../components/ListTable";
import { useCan } from "../../components/MeContext";
import { QueryError } from "../../components/QueryError";
import { formatTime } from "../../time/formatTime";
import { ContractStatusTag, currentYear } from "./contractStatus";

type Tab = "all" | "mine" | "awaiting";

export function ContractsScene() {
  const { t } = useTranslation();
  const canSign = useCan("contract.sign");
  const canGenerate = useCan("contract.generate");
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs: Tab[] = [
    ...(canSign ? ["mine" as const] : []),
    ...(canGenerate || canSign ? ["awaiting" as const] : []),
    "all",
  ];
  const requested = searchParams.get("tab") as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : tabs[0];
  const [year, setYear] = useState(currentYear());

  return (
    <Card>
      <Flex gap={8} wrap justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Select<number>
          aria-label={t("wuding.contracts.year")}
          value={year}
          style={{ width: 120 }}
          onChange={setYear}
          options={[year - 1, currentYear() - 1, currentYear(), currentYear() + 1]
            .filter((y, i, all) => all.indexOf(y) === i)
            .sort()
            .map((y) => ({ value: y, label: `${y}` }))}
        />
        {canGenerate && <GenerateButton year={year} />}
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearchParams({ tab: key })}
        items={tabs.map((key) => ({
          key,
          label: t(`wuding.contracts.tabs.${key}`),
          children:
            key === "awaiting" ? (
              <AwaitingList year={year} />
            ) : (
              <ContractList year={year} mine={key === "mine"} key={`${key}-${year}`} />
            ),
        }))}
      />
    </Card>
  );
}

function GenerateButton({ year }: { year: number }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const generate = useGenerateContracts();
  return (
    <Button
      type="primary"
      icon={<FileAddOutlined />}
      loading={generate.isPending}
      onClick={() =>
        modal.confirm({
          title: t("wuding.contracts.generate"),
          content: t("wuding.contracts.confirmGenerate", { year }),
          okText: t("common.ok"),
          cancelText: t("common.cancel"),
          onOk: () =>
            generate.mutateAsync(year).then(
              (r) =>
                void message.success(
                  t("wuding.contracts.generated", {
                    created: r.created.length,
                    redrafted: r.redrafted.length,
                    revised: r.revised.length,
                    unchanged: r.unchanged,
                  }),
                ),
              (error: unknown) => void message.error(errorText(error)),
            ),
        })
      }
    >
      {t("wuding.contracts.generate")}
    </Button>
  );
}

function useColumns(): TableColumnsType<ContractSummary> {
  const { t } = useTranslation();
  return [
    { key: "year", title: t("wuding.contracts.year"), dataIndex: "year", width: 80 },
    { key: "upper", title: t("wuding.contracts.upper"), dataIndex: "upperGridName" },
    { key: "lower", title: t("wuding.contracts.lower"), dataIndex: "lowerGridName" },
    {
      key: "signer",
      title: t("wuding.contracts.signer"),
      render: (_, c) => c.signerName ?? t("wuding.contracts.noSigner"),
    },
    {
      key: "revision",
      title: t("wuding.contracts.revision"),
      render: (_, c) => t("wuding.contracts.revisionN", { n: c.revision }),
    },
    {
      key: "status",
      title: t("wuding.contracts.status"),
      render: (_, c) => <ContractStatusTag status={c.status} />,
    },
    {
      key: "signedAt",
      title: t("wuding.contracts.signedAt"),
      responsive: ["md"],
      render: (_, c) => (c.signedAt ? formatTime(c.signedAt) : "—"),
    },
  ];
}

function ContractTable({
  items,
  loading,
  pagination,
  emptyText,
}: {
  items: ContractSummary[] | undefined;
  loading: boolean;
  emptyText?: string;
  pagination:
    | false
    | { current: number; pageSize: number; total: number; onChange: (page: number, size: number) => void };
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns = useColumns();
  return (
    <ListTable<ContractSummary>
      rowKey="id"
      size="middle"
      className="contract-table"
      columns={[
        ...columns,
        {
          key: "open",
          title: "",
          render: (_, c) => (
            <Button type="link" size="small" onClick={() => void navigate(`/contracts/${c.id}`)}>
              {t("wuding.contracts.open")}
            </Button>
          ),
        },
      ]}
      dataSource={items}
      loading={loading}
      locale={emptyText ? { emptyText } : undefined}
      scroll={{ x: "max-content" }}
      onRow={(c) => ({ onDoubleClick: () => void navigate(`/contracts/${c.id}`) })}
      pagination={
        pagination && {
          ...pagination,
          showSizeChanger: true,
          showTotal: (total) => t("common.total", { total }),
        }
      }
    />
  );
}

function ContractList({ year, mine }: { year: number; mine: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useState<ContractListParams>({ year, mine, page: 1, pageSize: 20 });
  const contracts = useContracts({ ...params, year, mine });
  return (
    <>
      {!mine && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select<ContractStatus | "unsigned" | "current">
            aria-label={t("wuding.contracts.status")}
            style={{ width: 200 }}
            value={params.status ?? "current"}
            onChange={(status) =>
              setParams((p) => ({ ...p, page: 1, status: status === "current" ? undefined : status }))
            }
            options={[
              { value: "current", label: t("wuding.contracts.current") },
              { value: "draft", label: t("wuding.contracts.statuses.draft") },
              { value: "signed", label: t("wuding.contracts.statuses.signed") },
              { value: "superseded", label: t("wuding.contracts.statuses.superseded") },
            ]}
          />
          <Select<number | undefined>
            aria-label={t("wuding.contracts.level")}
            allowClear
            placeholder={t("wuding.contracts.level")}
            style={{ width: 200 }}
            value={params.level}
            onChange={(level) => setParams((p) => ({ ...p, page: 1, level }))}
            options={[
              { value: 2, label: t("wuding.contracts.levels.2") },
              { value: 3, label: t("wuding.contracts.levels.3") },
            ]}
          />
          <Input.Search
            allowClear
            placeholder={t("wuding.contracts.search")}
            style={{ maxWidth: 240 }}
            onSearch={(q) => setParams((p) => ({ ...p, page: 1, q: q.trim() || undefined }))}
          />
        </Flex>
      )}
      {contracts.isError && <QueryError error={contracts.error} onRetry={() => void contracts.refetch()} />}
      <ContractTable
        items={contracts.data?.items}
        loading={contracts.isFetching}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: contracts.data?.total ?? 0,
          onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
        }}
      />
    </>
  );
}

function AwaitingList({ year }: { year: number }) {
  const { t } = useTranslation();
  const awaiting = useAwaitingContracts(year);
  if (awaiting.isError) return <QueryError error={awaiting.error} onRetry={() => void awaiting.refetch()} />;
  return (
    <ContractTable
      items={awaiting.data?.items}
      loading={awaiting.isFetching}
      pagination={false}
      emptyText={t("wuding.contracts.noneAwaiting")}
    />
  );
}
