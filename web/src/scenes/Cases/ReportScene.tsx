import { UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Typography,
  Upload,
  type UploadFile,
} from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { createCase, uploadEvidence, useCaseMeta } from "../../api/cases";
import { newIdempotencyKey } from "../../api/client";
import { useErrorText } from "../../api/errorText";
import { useCan, useMe } from "../../components/MeContext";
import { draftClock, loadReportDraft, removeReportDraft, saveReportDraft } from "../../drafts/reportDraft";
import {
  categoryLabel,
  petitionChannelLabel,
  priorityLabel,
  sourceLabel,
  supervisionLevelLabel,
} from "../../i18n/domain-labels";
import { LocationPicker, type PickedPoint } from "./LocationPicker";
import { ReportReceipt } from "./ReportReceipt";
import "./cases.css";

interface ReportValues {
  source: string;
  petitionChannel?: string;
  partyA?: string;
  partyB?: string;
  category: string;
  priority?: string;
  title: string;
  description: string;
  address?: string;
  lng?: number;
  lat?: number;
  reporterName?: string;
  reporterContact?: string;
  anonymous?: boolean;
}

const RESIDENT_SOURCES = new Set(["public_report", "petition", "dispute"]);

/** 发现/上报: source, category, location by map click, description and photos; routing happens on the server. */
export function ReportScene() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const meta = useCaseMeta();
  const staff = useCan("case.read");
  const canSeeGrids = useCan("grid.read");
  const userId = useMe().user.id;
  const [form] = Form.useForm<ReportValues>();
  const source = Form.useWatch("source", form);
  const lng = Form.useWatch("lng", form);
  const lat = Form.useWatch("lat", form);
  const anonymous = Form.useWatch("anonymous", form);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  // one key per filled-in form: pressing submit again after a lost answer never files twice
  const key = useRef(newIdempotencyKey());
  // A draft left by an expired session is offered, and not overwritten, until the user restores or discards
  // it; a first edit before that counts as discarding it (they chose to start afresh).
  const [offered, setOffered] = useState(() => loadReportDraft(sessionStorage, userId));
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(saveTimer.current), []);

  const edited = () => {
    setOffered(null);
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => saveReportDraft(sessionStorage, userId, form.getFieldsValue()), 500);
  };
  const restore = () => {
    if (offered) form.setFieldsValue(offered.values);
    setOffered(null);
  };
  const discard = () => {
    removeReportDraft(sessionStorage, userId);
    setOffered(null);
  };

  const sources = (meta.data?.sources ?? []).filter((s) => s.allowed);
  const picked = lng !== undefined && lat !== undefined && lng !== null && lat !== null ? { lng, lat } : null;

  const submit = async (v: ReportValues) => {
    setError(null);
    setBusy(true);
    // the submit itself may be the request that finds the session expired
    clearTimeout(saveTimer.current);
    saveReportDraft(sessionStorage, userId, v);
    try {
      const resident = RESIDENT_SOURCES.has(v.source);
      const created = await createCase(
        {
          source: v.source,
          ...(v.source === "petition" ? { petitionChannel: v.petitionChannel } : {}),
          ...(v.source === "dispute"
            ? {
                disputeParties: [
                  { name: v.partyA, role: t("cases.report.partyA") },
                  { name: v.partyB, role: t("cases.report.partyB") },
                ],
              }
            : {}),
          category: v.category,
          ...(staff && v.priority ? { priority: v.priority } : {}),
          title: v.title,
          description: v.description,
          ...(v.address ? { address: v.address } : {}),
          location: { lng: v.lng, lat: v.lat },
          ...(resident
            ? {
                reporter: v.anonymous
                  ? { anonymous: true }
                  : {
                      ...(v.reporterName ? { name: v.reporterName } : {}),
                      ...(v.reporterContact ? { contact: v.reporterContact } : {}),
                    },
              }
            : {}),
        },
        key.current,
      );
      // each photo's key follows from the form's, so a resubmit after a failure stores none twice
      for (const [i, f] of files.entries())
        if (f.originFileObj)
          await uploadEvidence(created.id, f.originFileObj, `${key.current}-photo-${i + 1}`);
      // a resident gets the receipt screen instead, with the number to keep
      if (staff) void message.success(t("cases.report.submitted", { trackingNo: created.trackingNo }));
      if (created.possibleDuplicates?.length)
        void message.warning(t("cases.report.duplicatesFound", { count: created.possibleDuplicates.length }));
      key.current = newIdempotencyKey();
      removeReportDraft(sessionStorage, userId);
      if (staff) void navigate(`/cases/${created.id}`);
      else setReceipt(created.trackingNo);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (receipt) return <ReportReceipt trackingNo={receipt} onAnother={() => setReceipt(null)} />;

  const required = { required: true, message: t("cases.form.required") };
  return (
    <Card>
      {offered && (
        <Alert
          type="info"
          showIcon
          className="report-draft"
          style={{ marginBottom: 16 }}
          title={t("cases.report.draft.found", { time: draftClock(offered.savedAt) })}
          description={t("cases.report.draft.notKept")}
          action={
            <Flex gap={8}>
              <Button type="primary" size="small" onClick={restore} data-testid="draft-restore">
                {t("cases.report.draft.restore")}
              </Button>
              <Button size="small" onClick={discard} data-testid="draft-discard">
                {t("cases.report.draft.discard")}
              </Button>
            </Flex>
          }
        />
      )}
      {error !== null && (
        <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />
      )}
      <Form<ReportValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onValuesChange={edited}
        initialValues={{ source: staff ? "patrol_finding" : "public_report" }}
        className="report-form"
      >
        <Flex gap={16} wrap>
          <Form.Item
            name="source"
            label={t("cases.report.source")}
            rules={[required]}
            style={{ minWidth: 200 }}
          >
            <Select
              options={sources.map((s) => ({ value: s.code, label: sourceLabel(t, s.code, s.name) }))}
              data-testid="source-select"
            />
          </Form.Item>
          {source === "petition" && (
            <Form.Item name="petitionChannel" label={t("cases.report.petitionChannel")} rules={[required]}>
              <Select
                style={{ minWidth: 200 }}
                options={meta.data?.petitionChannels.map((c) => ({
                  value: c.code,
                  label: petitionChannelLabel(t, c.code, c.name),
                }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="category"
            label={t("cases.report.category")}
            rules={[required]}
            style={{ minWidth: 240 }}
          >
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="category-select"
              options={meta.data?.categories.map((c) => ({
                value: c.code,
                label: categoryLabel(t, c.code, c.name),
              }))}
            />
          </Form.Item>
          {staff && (
            <Form.Item name="priority" label={t("cases.report.priority")} style={{ minWidth: 160 }}>
              <Select
                allowClear
                options={meta.data?.priorities.map((p) => ({
                  value: p.code,
                  label: `${priorityLabel(t, p.code)}（${supervisionLevelLabel(t, p.supervision.code, p.supervision.name)}）`,
                }))}
              />
            </Form.Item>
          )}
        </Flex>
        {source === "dispute" && (
          <Flex gap={16} wrap>
            <Form.Item name="partyA" label={t("cases.report.partyA")} rules={[required]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="partyB" label={t("cases.report.partyB")} rules={[required]}>
              <Input maxLength={100} />
            </Form.Item>
          </Flex>
        )}
        <Form.Item name="title" label={t("cases.report.title")} rules={[{ ...required, min: 2 }]}>
          <Input name="title" maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t("cases.report.description")} rules={[{ ...required, min: 2 }]}>
          <Input.TextArea name="description" rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t("cases.report.location")} required extra={t("cases.report.locationHelp")}>
          <LocationPicker
            value={picked}
            showGrids={canSeeGrids}
            onChange={(p: PickedPoint) => {
              form.setFieldsValue({ lng: Number(p.lng.toFixed(6)), lat: Number(p.lat.toFixed(6)) });
              edited();
            }}
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="lng"
            label={t("cases.report.lng")}
            rules={[{ required: true, message: t("cases.report.locationRequired") }]}
          >
            <InputNumber name="lng" min={73} max={136} step={0.0001} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="lat"
            label={t("cases.report.lat")}
            rules={[{ required: true, message: t("cases.report.locationRequired") }]}
          >
            <InputNumber name="lat" min={3} max={54} step={0.0001} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="address" label={t("cases.report.address")} style={{ flex: 1, minWidth: 240 }}>
            <Input name="address" maxLength={200} />
          </Form.Item>
        </Flex>
        {source !== undefined && RESIDENT_SOURCES.has(source) && (
          <Flex gap={16} wrap align="end">
            <Form.Item name="anonymous" valuePropName="checked">
              <Checkbox>{t("cases.report.anonymous")}</Checkbox>
            </Form.Item>
            {!anonymous && staff && (
              <>
                <Form.Item name="reporterName" label={t("cases.report.reporterName")}>
                  <Input name="reporterName" maxLength={50} autoComplete="off" />
                </Form.Item>
                <Form.Item name="reporterContact" label={t("cases.report.reporterContact")}>
                  <Input name="reporterContact" maxLength={100} autoComplete="off" />
                </Form.Item>
              </>
            )}
          </Flex>
        )}
        <Form.Item label={t("cases.report.photos")}>
          <Upload
            accept="image/jpeg,image/png,image/webp,application/pdf"
            listType="picture"
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />}>{t("cases.report.photos")}</Button>
          </Upload>
        </Form.Item>
        <Typography.Paragraph type="secondary">{meta.data ? "" : t("common.loading")}</Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="report-submit">
          {t("cases.report.submit")}
        </Button>
      </Form>
    </Card>
  );
}
