import { Form, Input, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useDepartments } from "../../api/users";
import { useWudingMeta } from "../../api/wuding";
import type { DutyLine, Wuding } from "../../api/wudingTypes";
import { useDepartmentNames } from "../../departments/useDepartmentNames";
import { categoryLabel } from "../../i18n/domain-labels";
import { LineTab } from "./LineTab";

interface Values {
  matterCategory: string | null;
  departmentId: number | null;
  responsibility: "lead" | "assist";
  dutyText: string;
}

export function DutiesTab({ wuding }: { wuding: Wuding }) {
  const { t } = useTranslation();
  const editing = wuding.policies.manageGridLines || wuding.policies.manageLevelLines;
  const meta = useWudingMeta();
  const departments = useDepartments(editing);
  const departmentNames = useDepartmentNames();

  return (
    <LineTab<DutyLine, Values>
      wuding={wuding}
      resource="duty-lines"
      items={wuding.duties}
      columns={[
        {
          key: "category",
          title: t("wuding.duty.category"),
          render: (_, d) =>
            d.matterCategory
              ? categoryLabel(t, d.matterCategory, d.matterCategoryName)
              : t("wuding.duty.general"),
        },
        {
          key: "department",
          title: t("wuding.duty.department"),
          render: (_, d) => {
            const who = d.departmentName
              ? departmentNames.name(d.departmentId, d.departmentName)
              : t("wuding.duty.local");
            return `${who}（${t(`wuding.duty.${d.responsibility}`)}）`;
          },
        },
        { key: "text", title: t("wuding.duty.text"), dataIndex: "dutyText" },
      ]}
      defaults={{ matterCategory: null, departmentId: null, responsibility: "lead", dutyText: "" }}
      toValues={(d) => ({
        matterCategory: d.matterCategory,
        departmentId: d.departmentId,
        responsibility: d.responsibility,
        dutyText: d.dutyText,
      })}
      toBody={(v) => ({
        matterCategory: v.matterCategory ?? null,
        departmentId: v.departmentId ?? null,
        responsibility: v.responsibility,
        dutyText: v.dutyText,
      })}
      fields={() => (
        <>
          <Form.Item name="matterCategory" label={t("wuding.duty.category")}>
            <Select<string | null>
              allowClear
              placeholder={t("wuding.duty.general")}
              loading={meta.isPending}
              showSearch={{ optionFilterProp: "label" }}
              options={meta.data?.categories.map((c) => ({
                value: c.code,
                label: categoryLabel(t, c.code, c.name),
              }))}
            />
          </Form.Item>
          <Form.Item name="departmentId" label={t("wuding.duty.department")}>
            <Select<number | null>
              allowClear
              placeholder={t("wuding.duty.local")}
              loading={departments.isPending}
              showSearch={{ optionFilterProp: "label" }}
              options={departments.data?.items
                .filter((d) => d.kind === "department")
                .map((d) => ({ value: d.id, label: departmentNames.label(d) }))}
            />
          </Form.Item>
          <Form.Item name="responsibility" label={t("wuding.duty.responsibility")}>
            <Radio.Group
              options={[
                { value: "lead", label: t("wuding.duty.lead") },
                { value: "assist", label: t("wuding.duty.assist") },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="dutyText"
            label={t("wuding.duty.text")}
            rules={[{ required: true, whitespace: true, message: t("wuding.duty.textRequired") }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
    />
  );
}
