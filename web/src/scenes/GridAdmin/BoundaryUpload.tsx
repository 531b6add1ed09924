import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Space, Typography, Upload } from "antd";
import { useTranslation } from "react-i18next";
import { readJsonFile, singleGeometry } from "./geojsonFile";

export interface ChosenBoundary {
  fileName: string;
  geometry: unknown;
}

interface Props {
  value?: ChosenBoundary;
  onChange?: (value: ChosenBoundary | undefined) => void;
  disabled?: boolean;
}

/** A form control: picks a GeoJSON file and keeps the one polygon in it. Validity is the server's to judge. */
export function BoundaryUpload({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const choose = async (file: File) => {
    const json = await readJsonFile(file);
    const geometry = json.ok ? singleGeometry(json.value) : json;
    if (!geometry.ok) {
      void message.error(
        geometry.error === "notJson"
          ? t("gridAdmin.file.notJson", { error: geometry.detail ?? "" })
          : t("gridAdmin.file.noGeometry"),
      );
      return;
    }
    onChange?.({ fileName: file.name, geometry: geometry.value });
  };
  return (
    <Space orientation="vertical" size={4}>
      <Upload
        accept=".geojson,.json,application/geo+json,application/json"
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          void choose(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} disabled={disabled}>
          {t("gridAdmin.form.boundaryUpload")}
        </Button>
      </Upload>
      <Typography.Text type="secondary">
        {value
          ? t("gridAdmin.form.boundaryChosen", { name: value.fileName })
          : t("gridAdmin.form.boundaryKeep")}
      </Typography.Text>
    </Space>
  );
}
