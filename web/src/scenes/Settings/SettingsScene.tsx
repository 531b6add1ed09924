import { App, Button, Card, Form, Input, InputNumber, Tabs } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiError } from "../../api/client";
import { useErrorText } from "../../api/errorText";
import { useReloadSettings, useSaveSettings, useSettings } from "../../api/settings";
import type { Settings } from "../../api/types";
import { PageLoading } from "../../components/PageLoading";
import { QueryError } from "../../components/QueryError";
import { WorkCalendarPanel } from "./WorkCalendarPanel";

type SettingsForm = Omit<Settings, "version">;

/** The system administrator's settings: system parameters, and the work calendar deadlines are counted on. */
export function SettingsScene() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "calendar" ? "calendar" : "system";
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setParams(key === "calendar" ? { tab: key } : {}, { replace: true })}
      destroyOnHidden
      items={[
        { key: "system", label: t("settings.systemTab"), children: <SystemSettings /> },
        { key: "calendar", label: t("calendar.tab"), children: <WorkCalendarPanel /> },
      ]}
    />
  );
}

function SystemSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<SettingsForm>();
  const settings = useSettings();
  const save = useSaveSettings();
  const reload = useReloadSettings();

  // Whatever the server holds now (first load, after a save, after a conflict) replaces the form's contents.
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [form, settings.data]);

  if (settings.isPending) return <PageLoading />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  const { version } = settings.data;

  const submit = (values: SettingsForm) =>
    save.mutate(
      { ...values, version },
      {
        onSuccess: () => void message.success(t("settings.savedDone")),
        onError: (error) => {
          void message.error(errorText(error));
          // 409: someone saved in between; show their version instead of silently overwriting it.
          if (error instanceof ApiError && error.status === 409) void reload();
        },
      },
    );

  const required = { required: true, message: t("settings.required") };

  return (
    <Form<SettingsForm> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 640 }}>
      <Card title={t("settings.map")} style={{ marginBottom: 16 }}>
        <Form.Item name="tileUrl" label={t("settings.tileUrl")} extra={t("settings.tileUrlHelp")}>
          <Input name="tileUrl" dir="ltr" />
        </Form.Item>
        <Form.Item name="tileAttribution" label={t("settings.tileAttribution")}>
          <Input name="tileAttribution" />
        </Form.Item>
      </Card>
      <Card title={t("settings.session")} style={{ marginBottom: 16 }}>
        <Form.Item name="sessionIdleMinutes" label={t("settings.sessionIdleMinutes")} rules={[required]}>
          <InputNumber name="sessionIdleMinutes" min={1} max={1440} precision={0} />
        </Form.Item>
        <Form.Item name="sessionAbsoluteHours" label={t("settings.sessionAbsoluteHours")} rules={[required]}>
          <InputNumber name="sessionAbsoluteHours" min={1} max={168} precision={0} />
        </Form.Item>
      </Card>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t("settings.save")}
      </Button>
    </Form>
  );
}
