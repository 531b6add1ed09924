import { Form, Input, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useWudingMeta } from "../../api/wuding";
import type { Frequency, PatrolRule, Wuding } from "../../api/wudingTypes";
import { LineTab } from "./LineTab";
import { frequencyText, objectFlagLabel, objectTypeLabel, patrolTarget } from "./wudingLabels";

interface Values {
  objectType: string | null;
  objectFlag: string | null;
  frequency: Frequency;
  timesPerPeriod: number;
  description: string;
}

export function TasksTab({ wuding }: { wuding: Wuding }) {
  const { t } = useTranslation();
  const meta = useWudingMeta();

  return (
    <LineTab<PatrolRule, Values>
      wuding={wuding}
      resource="patrol-rules"
      items={wuding.tasks}
      columns={[
        { key: "target", title: t("wuding.task.objectType"), render: (_, r) => patrolTarget(t, r) },
        {
          key: "frequency",
          title: t("wuding.task.frequency"),
          onCell: () => ({ style: { whiteSpace: "nowrap" } }),
          render: (_, r) => frequencyText(t, r),
        },
        { key: "description", title: t("wuding.task.description"), dataIndex: "description" },
      ]}
      defaults={{
        objectType: null,
        objectFlag: null,
        frequency: "weekly",
        timesPerPeriod: 1,
        description: "",
      }}
      toValues={(r) => ({
        objectType: r.objectType,
        objectFlag: r.objectFlag,
        frequency: r.frequency,
        timesPerPeriod: r.timesPerPeriod,
        description: r.description,
      })}
      toBody={(v) => ({
        objectType: v.objectType ?? null,
        objectFlag: v.objectFlag ?? null,
        frequency: v.frequency,
        timesPerPeriod: v.timesPerPeriod,
        description: v.description ?? "",
      })}
      fields={() => (
        <>
          <Form.Item name="objectType" label={t("wuding.task.objectType")}>
            <Select<string | null>
              allowClear
              placeholder={t("wuding.task.anyType")}
              options={meta.data?.objectTypes.map((code) => ({
                value: code,
                label: objectTypeLabel(t, code),
              }))}
            />
          </Form.Item>
          <Form.Item name="objectFlag" label={t("wuding.task.objectFlag")}>
            <Select<string | null>
              allowClear
              placeholder={t("wuding.task.noFlag")}
              options={meta.data?.objectFlags.map((code) => ({
                value: code,
                label: objectFlagLabel(t, code),
              }))}
            />
          </Form.Item>
          <Form.Item name="frequency" label={t("wuding.task.frequency")}>
            <Select<Frequency>
              options={(meta.data?.frequencies ?? []).map((f) => ({
                value: f,
                label: t(`wuding.frequencies.${f}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="timesPerPeriod" label={t("wuding.task.times")} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
          <Form.Item name="description" label={t("wuding.task.description")}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      )}
    />
  );
}
