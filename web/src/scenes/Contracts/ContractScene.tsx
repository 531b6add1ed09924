import {
  ArrowLeftOutlined,
  CheckCircleTwoTone,
  EditOutlined,
  PrinterOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import { Alert, App, Button, Descriptions, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useContract, useSignContract } from "../../api/contracts";
import { useErrorText } from "../../api/errorText";
import type { ContractDetail } from "../../api/wudingTypes";
import { PageLoading } from "../../components/PageLoading";
import { QueryError } from "../../components/QueryError";
import { formatTime } from "../../time/formatTime";
import { ContractStatusTag } from "./contractStatus";
import "../../print.css";
import "./contracts.css";

/** One responsibility contract: its text, who signs, the signature record and SHA-256; printable. */
export function ContractScene() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const contract = useContract(id);
  if (contract.isError) return <QueryError error={contract.error} onRetry={() => void contract.refetch()} />;
  if (contract.isPending) return <PageLoading />;
  const c = contract.data;
  // The text's first line is its title: shown as the heading, still part of the signed (hashed) text.
  const [heading, ...rest] = c.body.split("\n");

  return (
    <>
      <Flex gap={8} wrap className="no-print" style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate("/contracts")}>
          {t("wuding.contracts.back")}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("wuding.print")}
        </Button>
        {c.policies.sign && <SignButton contract={c} />}
      </Flex>
      <article className="contract-sheet print-sheet">
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {heading}
          </Typography.Title>
          <ContractStatusTag status={c.status} />
        </Flex>
        <pre className="contract-body">{rest.join("\n")}</pre>
        <SignatureRecord contract={c} />
      </article>
    </>
  );
}

function SignButton({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const sign = useSignContract();
  return (
    <Button
      type="primary"
      icon={<EditOutlined />}
      loading={sign.isPending}
      onClick={() =>
        modal.confirm({
          title: t("wuding.contracts.confirmSignTitle"),
          content: t("wuding.contracts.confirmSign", { name: contract.signerName ?? "" }),
          okText: t("wuding.contracts.sign"),
          cancelText: t("common.cancel"),
          onOk: () =>
            sign.mutateAsync({ id: contract.id, version: contract.version }).then(
              () => void message.success(t("wuding.contracts.signedDone")),
              (error: unknown) => void message.error(errorText(error)),
            ),
        })
      }
    >
      {t("wuding.contracts.sign")}
    </Button>
  );
}

function SignatureRecord({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const previous = c.revisions.find((r) => r.id === c.supersedesId);
  return (
    <div className="contract-record">
      {c.hashVerified === false && (
        <Alert type="error" showIcon icon={<WarningOutlined />} title={t("wuding.contracts.hashBroken")} />
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: "revision",
            label: t("wuding.contracts.revision"),
            children: (
              <>
                {t("wuding.contracts.revisionN", { n: c.revision })}
                {previous && `（${t("wuding.contracts.supersedes", { n: previous.revision })}）`}
              </>
            ),
          },
          { key: "partyA", label: t("wuding.contracts.upper"), children: c.partyA },
          { key: "partyB", label: t("wuding.contracts.lower"), children: c.partyB },
          {
            key: "signer",
            label: t("wuding.contracts.signer"),
            children: c.signerName ?? t("wuding.contracts.noSigner"),
          },
          {
            key: "signedBy",
            label: t("wuding.contracts.signedBy"),
            children: c.signedByName ?? t("wuding.contracts.notYetSigned"),
          },
          {
            key: "signedAt",
            label: t("wuding.contracts.signedAt"),
            children: c.signedAt ? formatTime(c.signedAt) : "—",
          },
          {
            key: "sha256",
            label: t("wuding.contracts.sha256"),
            children: c.bodySha256 ? (
              <Flex vertical gap={4}>
                <Typography.Text className="contract-hash" data-testid="contract-sha256" copyable>
                  {c.bodySha256}
                </Typography.Text>
                {c.hashVerified && (
                  <Typography.Text type="success">
                    <CheckCircleTwoTone twoToneColor="#52c41a" /> {t("wuding.contracts.hashVerified")}
                  </Typography.Text>
                )}
              </Flex>
            ) : (
              "—"
            ),
          },
        ]}
      />
      {c.revisions.length > 1 && (
        <Flex gap={8} wrap className="no-print" style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t("wuding.contracts.revisions")}：</Typography.Text>
          {c.revisions.map((r) =>
            r.id === c.id ? (
              <Typography.Text key={r.id} strong>
                {t("wuding.contracts.revisionN", { n: r.revision })}
              </Typography.Text>
            ) : (
              <Link key={r.id} to={`/contracts/${r.id}`}>
                {t("wuding.contracts.revisionN", { n: r.revision })}（
                {t(`wuding.contracts.statuses.${r.status}`)}）
              </Link>
            ),
          )}
        </Flex>
      )}
    </div>
  );
}
