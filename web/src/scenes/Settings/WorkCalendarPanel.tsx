import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Form, Input, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { useErrorText } from "../../api/errorText";
import type { WorkCalendarYear, WorkCalendarYearInput } from "../../api/types";
import { useSaveWorkCalendarYear, useWorkCalendar } from "../../api/workCalendar";
import { ListTable } from "../../components/ListTable";
import { PageLoading } from "../../components/PageLoading";
import { QueryError } from "../../components/QueryError";

interface YearForm {
  source: string;
  holidays: { name: string; dates: Dayjs[] }[];
  workdays: Dayjs[];
}

/** Which year is open: a loaded one (edited from its version) or the next one, not loaded yet. */
type Editing = { year: number; version: number | null } | null;

const ISO = "YYYY-MM-DD";
const toIso = (days: Dayjs[] | undefined) => (days ?? []).map((d) => d.format(ISO)).sort();
const isWeekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;

function formOf(year: WorkCalendarYear | undefined): YearForm {
  if (!year) return { source: "", holidays: [{ name: "", dates: [] }], workdays: [] };
  return {
    source: year.source,
    holidays: Object.entries(year.holidays).map(([name, dates]) => ({
      name,
      dates: dates.map((d) => dayjs(d, ISO)),
    })),
    workdays: year.workdays.map((d) => dayjs(d, ISO)),
  };
}

/** The lines of a refused save: the server's sentence, then what its details name (422 errors, 400 fields). */
function problemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.body.details as { errors?: unknown } | { message?: string }[] | undefined;
  if (Array.isArray(details)) return details.map((d) => d.message ?? "").filter(Boolean);
  if (details && Array.isArray(details.errors)) return details.errors.map(String);
  return [];
}

/**
 * The working-day calendar (工作日历): the State Council's holiday notice of each year, which every deadline
 * counted afterwards depends on. Only the system administrator reaches it (the settings scene is guarded by
 * settings.manage, as the PUT is).
 */
export function WorkCalendarPanel() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const calendar = useWorkCalendar();
  const save = useSaveWorkCalendarYear();
  const [form] = Form.useForm<YearForm>();
  const [editing, setEditing] = useState<Editing>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const formCard = useRef<HTMLDivElement>(null);
  const openYear = editing?.year;

  const failureAlert = useRef<HTMLDivElement>(null);
  // a refused save is explained next to the save button: make sure it is seen
  useEffect(() => {
    if (failure !== null) failureAlert.current?.scrollIntoView({ block: "nearest" });
  }, [failure]);

  // the form opens below the list: bring it into view when a year is opened
  useEffect(() => {
    if (openYear !== undefined) formCard.current?.scrollIntoView({ block: "start" });
  }, [openYear]);

  if (calendar.isPending) return <PageLoading />;
  if (calendar.isError) return <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />;
  const { years, lastLoadedYear, warnDaysBeforeEnd } = calendar.data;
  const nextYear = (lastLoadedYear ?? new Date().getFullYear() - 1) + 1;

  const open = (year: number) => {
    const loaded = years.find((y) => y.year === year);
    setEditing({ year, version: loaded?.version ?? null });
    setFailure(null);
    form.setFieldsValue(formOf(loaded));
  };

  /** After a conflict: the year as the server holds it now (the other administrator's version). */
  const reload = async () => {
    if (!editing) return;
    const fresh = await calendar.refetch();
    const loaded = fresh.data?.years.find((y) => y.year === editing.year);
    setEditing({ year: editing.year, version: loaded?.version ?? null });
    setFailure(null);
    form.setFieldsValue(formOf(loaded));
  };

  const submit = (values: YearForm) => {
    if (!editing) return;
    const holidays: Record<string, string[]> = {};
    for (const row of values.holidays ?? []) holidays[row.name.trim()] = toIso(row.dates);
    const input: WorkCalendarYearInput = {
      source: values.source.trim(),
      holidays,
      workdays: toIso(values.workdays),
      ...(editing.version === null ? {} : { version: editing.version }),
    };
    modal.confirm({
      title: t("calendar.confirmTitle", { year: editing.year }),
      content: t("calendar.confirmContent"),
      okText: t("calendar.confirmOk"),
      cancelText: t("calendar.cancel"),
      onOk: () =>
        save
          .mutateAsync({ year: editing.year, input })
          .then((saved) => {
            setFailure(null);
            setEditing({ year: saved.year, version: saved.version });
            void message.success(t("calendar.saved", { year: saved.year, version: saved.version }));
          })
          // the form keeps what was typed; the problem is shown above the save button
          .catch((error: unknown) => setFailure(error)),
    });
  };

  const required = { required: true, message: t("calendar.required") };
  const inYear = (d: Dayjs) => editing !== null && d.year() !== editing.year;
  const conflict = failure instanceof ApiError && failure.status === 409;

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} className="work-calendar">
      {calendar.data.warning !== null && (
        <Alert
          type="warning"
          showIcon
          className="work-calendar-warning"
          title={
            lastLoadedYear === null
              ? t("calendar.warningNone")
              : t("calendar.warning", { last: lastLoadedYear, next: nextYear, days: warnDaysBeforeEnd })
          }
        />
      )}
      <Card
        title={t("calendar.title")}
        extra={
          <Button
            icon={<PlusOutlined />}
            className="work-calendar-add"
            onClick={() => open(nextYear)}
            disabled={editing?.year === nextYear && editing.version === null}
          >
            {t("calendar.addYear", { year: nextYear })}
          </Button>
        }
      >
        <ListTable<WorkCalendarYear>
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={years}
          className="work-calendar-years"
          rowClassName={(y) => (y.year === editing?.year ? "ant-table-row-selected" : "")}
          columns={[
            { title: t("calendar.year"), dataIndex: "year", width: 80 },
            // a long notice title: a phone keeps the figures and the edit button within reach
            { title: t("calendar.source"), dataIndex: "source", ellipsis: true, responsive: ["md"] },
            {
              title: t("calendar.version"),
              dataIndex: "version",
              width: 80,
              render: (v: number) => <span className="work-calendar-version">{v}</span>,
            },
            {
              title: t("calendar.holidayDays"),
              width: 110,
              render: (_, y) => Object.values(y.holidays).reduce((n, dates) => n + dates.length, 0),
            },
            { title: t("calendar.workdayCount"), width: 110, render: (_, y) => y.workdays.length },
            {
              title: t("calendar.updatedAt"),
              dataIndex: "updatedAt",
              width: 150,
              render: (at: string) => new Date(at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }),
            },
            {
              title: t("calendar.actions"),
              width: 90,
              render: (_, y) => (
                <Button size="small" className="work-calendar-edit" onClick={() => open(y.year)}>
                  {t("calendar.edit")}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <div ref={formCard}>
          <Card
            className="work-calendar-form"
            title={
              editing.version === null
                ? t("calendar.newTitle", { year: editing.year })
                : t("calendar.editTitle", { year: editing.year, version: editing.version })
            }
            extra={<Button onClick={() => setEditing(null)}>{t("calendar.close")}</Button>}
          >
            <Form<YearForm> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 760 }}>
              <Form.Item name="source" label={t("calendar.source")} rules={[required, { min: 2, max: 300 }]}>
                <Input name="source" placeholder={t("calendar.sourcePlaceholder", { year: editing.year })} />
              </Form.Item>
              <Form.Item label={t("calendar.holidays")} required>
                <Form.List name="holidays">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field) => (
                        <Space key={field.key} align="start" className="work-calendar-holiday" wrap>
                          <Form.Item
                            name={[field.name, "name"]}
                            rules={[
                              required,
                              { max: 30 },
                              {
                                validator: (_, name: string | undefined) => {
                                  const names =
                                    (form.getFieldValue("holidays") as YearForm["holidays"]) ?? [];
                                  const same = names.filter(
                                    (h) => h?.name?.trim() && h.name.trim() === name?.trim(),
                                  );
                                  return same.length > 1
                                    ? Promise.reject(new Error(t("calendar.duplicateName")))
                                    : Promise.resolve();
                                },
                              },
                            ]}
                            style={{ width: 160, marginBottom: 8 }}
                          >
                            <Input placeholder={t("calendar.holidayName")} className="holiday-name" />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, "dates"]}
                            rules={[
                              { required: true, message: t("calendar.datesRequired") },
                              {
                                validator: (_, dates: Dayjs[] | undefined) => {
                                  const rows = (form.getFieldValue("holidays") as YearForm["holidays"]) ?? [];
                                  const others = rows
                                    .filter((_row, i) => i !== field.name)
                                    .flatMap((row) => toIso(row?.dates));
                                  const twice = toIso(dates).filter((d) => others.includes(d));
                                  return twice.length > 0
                                    ? Promise.reject(
                                        new Error(t("calendar.dateTwice", { dates: twice.join("、") })),
                                      )
                                    : Promise.resolve();
                                },
                              },
                            ]}
                            style={{ width: 460, marginBottom: 8 }}
                          >
                            <DatePicker
                              multiple
                              className="holiday-dates"
                              style={{ width: "100%" }}
                              placeholder={t("calendar.pickDates")}
                              disabledDate={inYear}
                              defaultPickerValue={dayjs(`${editing.year}-01-01`)}
                            />
                          </Form.Item>
                          <Button
                            icon={<DeleteOutlined />}
                            aria-label={t("calendar.removeHoliday")}
                            onClick={() => remove(field.name)}
                          />
                        </Space>
                      ))}
                      <Button
                        type="dashed"
                        icon={<PlusOutlined />}
                        className="work-calendar-add-holiday"
                        onClick={() => add({ name: "", dates: [] })}
                      >
                        {t("calendar.addHoliday")}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Form.Item>
              <Form.Item
                name="workdays"
                label={t("calendar.workdays")}
                extra={t("calendar.workdaysHelp")}
                dependencies={["holidays"]}
                rules={[
                  {
                    validator: (_, days: Dayjs[] | undefined) => {
                      const rows = (form.getFieldValue("holidays") as YearForm["holidays"]) ?? [];
                      const holidays = rows.flatMap((row) => toIso(row?.dates));
                      const both = toIso(days).filter((d) => holidays.includes(d));
                      return both.length > 0
                        ? Promise.reject(
                            new Error(t("calendar.holidayAndWorkday", { dates: both.join("、") })),
                          )
                        : Promise.resolve();
                    },
                  },
                ]}
              >
                <DatePicker
                  multiple
                  className="workday-dates"
                  style={{ width: 460 }}
                  placeholder={t("calendar.pickDates")}
                  disabledDate={(d) => inYear(d) || !isWeekend(d)}
                  defaultPickerValue={dayjs(`${editing.year}-01-01`)}
                />
              </Form.Item>
              {failure !== null && (
                <Alert
                  type="error"
                  showIcon
                  className="work-calendar-error"
                  style={{ marginBottom: 16 }}
                  title={conflict ? t("calendar.conflict") : errorText(failure)}
                  description={
                    conflict ? (
                      errorText(failure)
                    ) : problemsOf(failure).length > 0 ? (
                      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                        {problemsOf(failure).map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    ) : undefined
                  }
                  action={
                    conflict ? (
                      <Button size="small" className="work-calendar-reload" onClick={() => void reload()}>
                        {t("calendar.reload")}
                      </Button>
                    ) : undefined
                  }
                />
              )}
              <Space>
                <Button
                  type="primary"
                  htmlType="submit"
                  className="work-calendar-save"
                  loading={save.isPending}
                >
                  {t("calendar.save")}
                </Button>
              </Space>
            </Form>
          </Card>
        </div>
      )}
    </Space>
  );
}
