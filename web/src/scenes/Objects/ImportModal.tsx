import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../../api/errorText";
import { type ImportRowError, importErrorsOf, templateUrl, useImportObjects } from "../../api/objects";

/**
 * Upload a spreadsheet; the server checks every row first. A rejected file shows each problem with its row
 * and column, so the person can fix the sheet and try again; a good file reports how many objects landed
 * in which grid. Mounted only while open.
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportObjects();
  const rowErrors = importErrorsOf(upload.error);

  return (
    <Modal
      open
      width={760}
      title={t("objects.import.title")}
      okText={t("objects.import.submit")}
      cancelText={t("common.close")}
      // After a success the same file would only be refused as duplicates: choose another first.
      okButtonProps={{ disabled: !file || upload.isSuccess, className: "import-submit" }}
      confirmLoading={upload.isPending}
      onOk={() => file && upload.mutate(file)}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t("objects.import.hint")}</Typography.Paragraph>
      <Typography.Paragraph>
        <Button type="link" icon={<DownloadOutlined />} href={templateUrl} style={{ paddingInline: 0 }}>
          {t("objects.list.template")}
        </Button>
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        maxCount={1}
        multiple={false}
        // The file is sent on "开始导入", not on selection, so a person can change their mind.
        beforeUpload={(chosen) => {
          setFile(chosen);
          upload.reset();
          return false;
        }}
        onRemove={() => {
          setFile(null);
          upload.reset();
        }}
        fileList={
          file
            ? [{ uid: "chosen", name: file.name, size: file.size, status: "done", originFileObj: undefined }]
            : []
        }
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t("objects.import.drop")}</p>
      </Upload.Dragger>

      {upload.isSuccess && (
        <Alert
          className="import-result"
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          title={t("objects.import.success", { count: upload.data.created })}
          description={upload.data.byGrid
            .map((g) => t("objects.import.byGrid", { grid: g.gridName, count: g.count }))
            .join("；")}
        />
      )}
      {upload.isError && (
        <Alert
          className="import-result"
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={errorText(upload.error)}
        />
      )}
      {rowErrors.length > 0 && (
        <Table<ImportRowError & { key: number }>
          className="import-errors"
          size="small"
          style={{ marginTop: 12 }}
          pagination={rowErrors.length > 10 ? { pageSize: 10, size: "small" } : false}
          dataSource={rowErrors.map((e, key) => ({ ...e, key }))}
          columns={[
            {
              key: "row",
              title: t("objects.import.row"),
              width: 72,
              render: (_, e) => (e.row > 0 ? e.row : t("objects.import.wholeFile")),
            },
            { key: "field", title: t("objects.import.field"), dataIndex: "field", width: 160 },
            { key: "message", title: t("objects.import.message"), dataIndex: "message" },
          ]}
        />
      )}
    </Modal>
  );
}
