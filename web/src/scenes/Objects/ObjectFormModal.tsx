import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from "antd";
import type { Rule } from "antd/es/form";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../../api/errorText";
import { useGridGeoJson } from "../../api/grids";
import {
  type EmissionFigure,
  fieldErrorsOf,
  type ObjectDetail,
  type ObjectGeometry,
  type ObjectInput,
  type ObjectType,
  objectTypes,
  useCreateObject,
  useUpdateObject,
} from "../../api/objects";
import { ObjectMiniMap } from "../../map/ObjectMiniMap";
import { typeLabel } from "../../objects/labels";
import { checkPermitNumber, checkUscc, parseGeometryText, toWkt } from "../../objects/shared";

interface FormValues {
  type: ObjectType;
  name: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  category?: string;
  status: "active" | "suspended";
  mode: "point" | "polygon";
  lon?: number;
  lat?: number;
  boundary?: string;
  uscc?: string;
  permitNumber?: string;
  pollutants?: string[];
  keyUnit?: boolean;
  emissions?: EmissionFigure[];
  waterZoneLevel?: 1 | 2;
  riskLevel?: ObjectInput["riskLevel"];
  eiaStatus?: ObjectInput["eiaStatus"];
  remediationStatus?: ObjectInput["remediationStatus"];
}

function initialValues(object: ObjectDetail | undefined): Partial<FormValues> {
  if (!object) return { status: "active", mode: "point", keyUnit: false, emissions: [], pollutants: [] };
  const location = object.location;
  const point = location.type === "Point" ? location.coordinates : null;
  return {
    type: object.type,
    name: object.name,
    address: object.address ?? undefined,
    contactName: object.contactName ?? undefined,
    contactPhone: object.contactPhone ?? undefined,
    category: object.category ?? undefined,
    status: object.status === "suspended" ? "suspended" : "active",
    mode: point ? "point" : "polygon",
    lon: point?.[0],
    lat: point?.[1],
    boundary: point ? undefined : toWkt(location),
    uscc: object.uscc ?? undefined,
    permitNumber: object.permitNumber ?? undefined,
    pollutants: object.pollutants,
    keyUnit: object.keyUnit,
    emissions: object.emissions,
    waterZoneLevel: object.waterZoneLevel ?? undefined,
    riskLevel: object.riskLevel ?? undefined,
    eiaStatus: object.eiaStatus ?? undefined,
    remediationStatus: object.remediationStatus ?? undefined,
  };
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/**
 * Register or edit a supervised object. The type decides the fields; the same rules the server applies
 * (USCC check digit, permit shape, WKT) run here first, and a 422 from the server lands on its field.
 * Mounted only while open.
 */
export function ObjectFormModal({ object, onClose }: { object?: ObjectDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateObject();
  const update = useUpdateObject(object?.id ?? 0);
  const mutation = object ? update : create;
  const grids = useGridGeoJson();
  const type = Form.useWatch("type", form) ?? object?.type;
  const mode = Form.useWatch("mode", form);
  const lon = Form.useWatch("lon", form);
  const lat = Form.useWatch("lat", form);
  const polygonOnly = type === "water_source";
  // The villages (grids without children) give the picking map its context.
  const leafGrids = useMemo(() => {
    const features = grids.data?.features ?? [];
    const parents = new Set(features.map((f) => f.properties.parentId));
    return features.filter((f) => !parents.has(f.properties.id));
  }, [grids.data]);
  const locationMode = polygonOnly ? "polygon" : mode;

  const usccRule: Rule = {
    validator: (_, value: string | undefined) => {
      const result = checkUscc(value ?? "");
      return result.ok
        ? Promise.resolve()
        : Promise.reject(new Error(t(`objects.usccProblems.${result.problem}`)));
    },
  };
  const permitRule: Rule = {
    validator: (_, value: string | undefined) =>
      !value?.trim() || checkPermitNumber(value).ok
        ? Promise.resolve()
        : Promise.reject(new Error(t("objects.form.permitPattern"))),
  };
  const boundaryRule: Rule = {
    validator: (_, value: string | undefined) => {
      if (!value?.trim()) return Promise.reject(new Error(t("objects.form.boundaryRequired")));
      const parsed = parseGeometryText(value);
      return parsed.ok ? Promise.resolve() : Promise.reject(new Error(parsed.messageZh));
    },
  };

  const submit = (values: FormValues) => {
    let location: ObjectGeometry;
    if (locationMode === "polygon") {
      const parsed = parseGeometryText(values.boundary ?? "");
      if (!parsed.ok) return;
      location = parsed.geometry;
    } else {
      location = { type: "Point", coordinates: [values.lon as number, values.lat as number] };
    }
    const input: ObjectInput = {
      type: values.type ?? object?.type,
      name: values.name,
      address: blankToNull(values.address),
      contactName: blankToNull(values.contactName),
      contactPhone: blankToNull(values.contactPhone),
      category: blankToNull(values.category),
      status: values.status,
      location,
      uscc: blankToNull(values.uscc),
      permitNumber: blankToNull(values.permitNumber),
      pollutants: values.pollutants ?? [],
      keyUnit: values.keyUnit ?? false,
      emissions: (values.emissions ?? []).map((e) => ({
        ...e,
        year: e.year ?? null,
        disclosed: e.disclosed ?? false,
      })),
      waterZoneLevel: values.waterZoneLevel ?? null,
      riskLevel: values.riskLevel ?? null,
      eiaStatus: values.eiaStatus ?? null,
      remediationStatus: values.remediationStatus ?? null,
    };
    const onError = (error: unknown) => {
      // Put each of the server's field problems under its field; "location" under whichever input was used.
      const fields = fieldErrorsOf(error).map((e) => ({
        name: (e.field === "location"
          ? locationMode === "polygon"
            ? "boundary"
            : "lon"
          : e.field) as keyof FormValues,
        errors: [e.message],
      }));
      if (fields.length > 0) form.setFields(fields);
    };
    if (object) {
      const { type: _type, ...changes } = input;
      update.mutate(
        { ...changes, version: object.version },
        {
          onSuccess: () => {
            void message.success(t("objects.form.savedDone"));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(input, {
        onSuccess: (created) => {
          void message.success(t("objects.form.createdDone", { grid: created.gridName }));
          onClose();
        },
        onError,
      });
    }
  };

  return (
    <Modal
      open
      width={880}
      title={object ? t("objects.form.editTitle") : t("objects.form.createTitle")}
      okText={t("common.ok")}
      cancelText={t("common.cancel")}
      okButtonProps={{ className: "object-form-submit" }}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {mutation.isError && (
        <Alert type="error" showIcon title={errorText(mutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(object)}
        onFinish={submit}
        autoComplete="off"
        className="object-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="type"
              label={t("objects.fields.type")}
              rules={[{ required: true, message: t("objects.form.typeRequired") }]}
            >
              <Select<ObjectType>
                disabled={Boolean(object)}
                options={objectTypes.map((value) => ({ value, label: typeLabel(t, value) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="name"
              label={t("objects.fields.name")}
              rules={[{ required: true, whitespace: true, message: t("objects.form.nameRequired") }]}
            >
              <Input name="name" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="address" label={t("objects.fields.address")}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="category"
              label={type === "enterprise" ? t("objects.fields.industry") : t("objects.fields.category")}
            >
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="contactName" label={t("objects.fields.contactName")}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="contactPhone"
              label={t("objects.fields.contactPhone")}
              rules={[{ pattern: /^[0-9+\- ]*$/, message: t("objects.form.phonePattern") }]}
            >
              <Input inputMode="tel" maxLength={32} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={t("objects.fields.status")}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: "active", label: t("objects.statuses.active") },
                  { value: "suspended", label: t("objects.statuses.suspended") },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>

        {type === "enterprise" && (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="uscc"
                label={t("objects.fields.uscc")}
                rules={[usccRule]}
                required
                validateFirst
              >
                <Input name="uscc" maxLength={18} style={{ fontFamily: "monospace" }} dir="ltr" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="permitNumber" label={t("objects.fields.permitNumber")} rules={[permitRule]}>
                <Input name="permitNumber" maxLength={22} style={{ fontFamily: "monospace" }} dir="ltr" />
              </Form.Item>
            </Col>
            <Col xs={24} md={18}>
              <Form.Item name="pollutants" label={t("objects.fields.pollutants")}>
                <Select
                  mode="tags"
                  tokenSeparators={["、", ",", "，"]}
                  placeholder={t("objects.form.pollutantsPlaceholder")}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="keyUnit" label={t("objects.fields.keyUnit")} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Typography.Text strong>{t("objects.fields.emissions")}</Typography.Text>
              <Form.List name="emissions">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map(({ key, name }) => (
                      <Space key={key} align="baseline" wrap className="emission-row">
                        <Form.Item
                          name={[name, "pollutant"]}
                          rules={[{ required: true, message: t("objects.form.required") }]}
                        >
                          <Input placeholder={t("objects.form.emissionPollutant")} maxLength={50} />
                        </Form.Item>
                        <Form.Item
                          name={[name, "amount"]}
                          rules={[{ required: true, message: t("objects.form.required") }]}
                        >
                          <InputNumber min={0} placeholder={t("objects.form.emissionAmount")} />
                        </Form.Item>
                        <Form.Item
                          name={[name, "unit"]}
                          rules={[{ required: true, message: t("objects.form.required") }]}
                        >
                          <Input
                            placeholder={t("objects.form.emissionUnit")}
                            maxLength={16}
                            style={{ width: 90 }}
                          />
                        </Form.Item>
                        <Form.Item name={[name, "year"]}>
                          <InputNumber min={1990} max={2100} placeholder={t("objects.form.emissionYear")} />
                        </Form.Item>
                        <Form.Item name={[name, "disclosed"]} valuePropName="checked">
                          <Checkbox>{t("objects.form.emissionDisclosed")}</Checkbox>
                        </Form.Item>
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          aria-label={t("objects.form.remove")}
                          onClick={() => remove(name)}
                        />
                      </Space>
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() =>
                        add({ unit: "t/a", year: new Date().getFullYear() - 1, disclosed: false })
                      }
                      style={{ marginBlock: 8 }}
                    >
                      {t("objects.form.addEmission")}
                    </Button>
                  </>
                )}
              </Form.List>
            </Col>
          </Row>
        )}
        {type === "water_source" && (
          <Form.Item
            name="waterZoneLevel"
            label={t("objects.fields.waterZoneLevel")}
            rules={[{ required: true, message: t("objects.form.required") }]}
          >
            <Radio.Group
              options={[1, 2].map((v) => ({ value: v, label: t(`objects.zoneLevels.${v as 1 | 2}`) }))}
            />
          </Form.Item>
        )}
        {type === "hazard" && (
          <Form.Item
            name="riskLevel"
            label={t("objects.fields.riskLevel")}
            rules={[{ required: true, message: t("objects.form.required") }]}
          >
            <Radio.Group
              options={(["major", "large", "general"] as const).map((v) => ({
                value: v,
                label: t(`objects.riskLevels.${v}`),
              }))}
            />
          </Form.Item>
        )}
        {type === "construction_project" && (
          <Form.Item
            name="eiaStatus"
            label={t("objects.fields.eiaStatus")}
            rules={[{ required: true, message: t("objects.form.required") }]}
          >
            <Select
              options={(["approved", "pending", "not_submitted", "built_before_approval"] as const).map(
                (v) => ({
                  value: v,
                  label: t(`objects.eiaStatuses.${v}`),
                }),
              )}
            />
          </Form.Item>
        )}
        {type === "rural_site" && (
          <Form.Item
            name="remediationStatus"
            label={t("objects.fields.remediationStatus")}
            rules={[{ required: true, message: t("objects.form.required") }]}
          >
            <Radio.Group
              options={(["planned", "in_progress", "completed"] as const).map((v) => ({
                value: v,
                label: t(`objects.remediationStatuses.${v}`),
              }))}
            />
          </Form.Item>
        )}

        <Typography.Text strong>{t("objects.fields.location")}</Typography.Text>
        <Row gutter={16} style={{ marginTop: 8 }}>
          <Col xs={24} md={10}>
            {!polygonOnly && (
              <Form.Item name="mode" label={t("objects.form.locationMode")}>
                <Radio.Group
                  options={[
                    { value: "point", label: t("objects.form.point") },
                    { value: "polygon", label: t("objects.form.polygon") },
                  ]}
                />
              </Form.Item>
            )}
            {locationMode === "polygon" ? (
              <Form.Item
                name="boundary"
                label={t("objects.fields.boundary")}
                extra={t("objects.form.boundaryHelp")}
                rules={[boundaryRule]}
              >
                <Input.TextArea rows={5} dir="ltr" style={{ fontFamily: "monospace" }} />
              </Form.Item>
            ) : (
              <>
                <Form.Item
                  name="lon"
                  label={t("objects.fields.longitude")}
                  rules={[
                    { required: true, message: t("objects.form.required") },
                    { type: "number", min: -180, max: 180, message: t("objects.form.lonRange") },
                  ]}
                >
                  <InputNumber name="lon" step={0.0001} style={{ width: "100%" }} />
                </Form.Item>
                <Form.Item
                  name="lat"
                  label={t("objects.fields.latitude")}
                  rules={[
                    { required: true, message: t("objects.form.required") },
                    { type: "number", min: -90, max: 90, message: t("objects.form.latRange") },
                  ]}
                  extra={t("objects.form.pickOnMap")}
                >
                  <InputNumber name="lat" step={0.0001} style={{ width: "100%" }} />
                </Form.Item>
              </>
            )}
          </Col>
          <Col xs={24} md={14}>
            <ObjectMiniMap
              className="object-form-map"
              type={type ?? "enterprise"}
              grids={leafGrids}
              geometry={
                locationMode !== "polygon" && typeof lon === "number" && typeof lat === "number"
                  ? { type: "Point", coordinates: [lon, lat] }
                  : null
              }
              onPick={
                locationMode === "polygon"
                  ? undefined
                  : (x, y) => form.setFieldsValue({ lon: x, lat: y, mode: "point" })
              }
            />
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
