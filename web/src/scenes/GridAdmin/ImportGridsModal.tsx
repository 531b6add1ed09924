import { InboxOutlined } from "@ant-design/icons";
import { Alert, App, Form, Modal, TreeSelect, Typography, Upload } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { useErrorText } from "../../api/errorText";
import { type AdminGridSummary, type FeatureProblem, useImportGrids } from "../../api/gridAdmin";
import { featureCount, readJsonFile } from "./geojsonFile";
import { parentOptions } from "./gridAdminTree";

interface Props {
  grids: readonly AdminGridSummary[];
  defaultParentId: number | null;
  onClose: () => void;
}

/** GeoJSON import: the file is read in the browser, sent whole, and either all of it is saved or none. */
export function ImportGridsModal({ grids, defaultParentId, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const importGrids = useImportGrids();
  const [parentId, setParentId] = useState<number | null>(defaultParentId);
  const [file, setFile] = useState<{ name: string; doc: unknown } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const options = useMemo(() => parentOptions(grids, i18n.language), [grids, i18n.language]);
  const problems =
    importGrids.error instanceof ApiError && Array.isArray(importGrids.error.body.details)
      ? (importGrids.error.body.details as FeatureProblem[])
      : [];

  const choose = async (picked: File) => {
    importGrids.reset();
    const json = await readJsonFile(picked);
    if (!json.ok) {
      setFile(null);
      setFileError(t("gridAdmin.file.notJson", { error: json.detail ?? "" }));
      return;
    }
    setFileError(null);
    setFile({ name: picked.name, doc: json.value });
  };

  const submit = () => {
    if (!file) {
      setFileError(t("gridAdmin.import.noFile"));
      return;
    }
    importGrids.mutate(
      { parentId, geojson: file.doc },
      {
        onSuccess: (outcome) => {
          void message.success(
            t("gridAdmin.import.done", {
              created: outcome.created,
              updated: outcome.updated,
              unchanged: outcome.unchanged,
            }),
            6,
          );
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      width={640}
      title={t("gridAdmin.import.title")}
      okText={t("gridAdmin.import.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={importGrids.isPending}
      onOk={submit}
      onCancel={onClose}
      className="grid-import"
    >
      <Typography.Paragraph type="secondary">{t("gridAdmin.import.hint")}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t("gridAdmin.import.parent")} extra={t("gridAdmin.import.parentHelp")}>
          <TreeSelect<number>
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeData={options}
            value={parentId ?? undefined}
            onChange={(value) => setParentId(value ?? null)}
          />
        </Form.Item>
      </Form>
      <Upload.Dragger
        accept=".geojson,.json,application/geo+json,application/json"
        multiple={false}
        showUploadList={false}
        beforeUpload={(picked) => {
          void choose(picked);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t("gridAdmin.import.drop")}</p>
        {file && (
          <p className="ant-upload-hint grid-import-chosen">
            {t("gridAdmin.import.chosen", { name: file.name, count: featureCount(file.doc) })}
          </p>
        )}
      </Upload.Dragger>
      {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 12 }} />}
      {importGrids.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          className="grid-import-error"
          title={errorText(importGrids.error)}
          description={
            problems.length > 1 && (
              <>
                <Typography.Text strong>{t("gridAdmin.import.problems")}</Typography.Text>
                <ul className="grid-admin-problems">
                  {problems.map((p) => (
                    <li key={`${p.feature}-${p.field}-${p.message ?? p.reason}`}>{p.message ?? p.reason}</li>
                  ))}
                </ul>
              </>
            )
          }
        />
      )}
    </Modal>
  );
}
