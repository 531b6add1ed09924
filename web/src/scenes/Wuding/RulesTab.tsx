import { Form, type FormInstance, Input, InputNumber, Radio, Switch, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { RewardPenaltyRule, Wuding } from "../../api/wudingTypes";
import { LineTab } from "./LineTab";
import { pointsText } from "./wudingLabels";

interface Values {
  kind: "reward" | "penalty";
  ruleText: string;
  points: number | null;
  veto: boolean;
}

export function RulesTab({ wuding }: { wuding: Wuding }) {
  const { t } = useTranslation();

  return (
    <LineTab<RewardPenaltyRule, Values>
      wuding={wuding}
      resource="reward-penalty-rules"
      items={wuding.rules}
      columns={[
        {
          key: "kind",
          title: t("wuding.rule.kind"),
          render: (_, r) =>
            r.veto ? (
              <Tag color="red">{t("wuding.rule.veto")}</Tag>
            ) : (
              <Tag color={r.kind === "reward" ? "green" : "orange"}>{t(`wuding.rule.${r.kind}`)}</Tag>
            ),
        },
        { key: "text", title: t("wuding.rule.text"), dataIndex: "ruleText" },
        { key: "points", title: t("wuding.rule.points"), render: (_, r) => pointsText(r) },
      ]}
      defaults={{ kind: "reward", ruleText: "", points: 1, veto: false }}
      toValues={(r) => ({ kind: r.kind, ruleText: r.ruleText, points: r.points, veto: r.veto })}
      toBody={(v) => ({
        kind: v.veto ? "penalty" : v.kind,
        ruleText: v.ruleText,
        points: v.veto ? null : (v.points ?? null),
        veto: Boolean(v.veto),
      })}
      fields={(form) => <RuleFields form={form} />}
    />
  );
}

function RuleFields({ form }: { form: FormInstance<Values> }) {
  const { t } = useTranslation();
  const veto = Form.useWatch("veto", form);
  return (
    <>
      <Form.Item name="veto" label={t("wuding.rule.veto")} valuePropName="checked">
        <Switch />
      </Form.Item>
      {!veto && (
        <Form.Item name="kind" label={t("wuding.rule.kind")}>
          <Radio.Group
            options={[
              { value: "reward", label: t("wuding.rule.reward") },
              { value: "penalty", label: t("wuding.rule.penalty") },
            ]}
          />
        </Form.Item>
      )}
      <Form.Item
        name="ruleText"
        label={t("wuding.rule.text")}
        rules={[{ required: true, whitespace: true, message: t("wuding.rule.textRequired") }]}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {!veto && (
        <Form.Item
          name="points"
          label={t("wuding.rule.points")}
          extra={t("wuding.rule.pointsHint")}
          rules={[{ required: true, message: t("wuding.rule.pointsRequired") }]}
        >
          <InputNumber min={-1000} max={1000} step={0.5} precision={1} />
        </Form.Item>
      )}
    </>
  );
}
