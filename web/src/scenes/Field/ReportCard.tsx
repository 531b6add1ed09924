import { Alert, Button } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PatrolPlanEntry } from "../../api/patrols";
import { type FieldCategory, fetchCategories } from "../../field/categories";
import { enqueue, newKey } from "../../field/outbox";
import { shrinkPhoto } from "../../field/photo";
import { categoryLabel } from "../../i18n/domain-labels";

const big = { size: "large" as const, block: true, style: { height: 56, fontSize: 20 } };
// Native selects: the phone's own picker is large and familiar, and antd's Select would add weight.

/**
 * "Report a problem" (上报问题): category, description, photos, the object concerned and the position from GPS
 * (the object's own location when there is no fix). Saved to the outbox; a case is opened when it syncs.
 */
export function ReportCard(props: {
  objects: PatrolPlanEntry[];
  initialObjectId: number | null;
  position: { lon: number; lat: number } | null;
  patrolLocalId: string | null;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [categories, setCategories] = useState<FieldCategory[] | null>(null);
  const [category, setCategory] = useState("");
  const [objectId, setObjectId] = useState<number | null>(props.initialObjectId);
  const [description, setDescription] = useState("");
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [message, setMessage] = useState<{ type: "error" | "success"; text: string } | null>(null);

  useEffect(() => {
    void fetchCategories().then(setCategories);
  }, []);

  const object = props.objects.find((o) => o.objectId === objectId) ?? null;

  const submit = async () => {
    const chosen = categories?.find((c) => c.code === category);
    if (!chosen) return setMessage({ type: "error", text: t("patrol.chooseCategory") });
    if (description.trim().length < 2)
      return setMessage({ type: "error", text: t("patrol.describeRequired") });
    const at = props.position ?? object;
    if (!at) return setMessage({ type: "error", text: t("patrol.noPosition") });
    await enqueue({
      kind: "report",
      patrolLocalId: props.patrolLocalId,
      key: newKey(),
      body: {
        category: chosen.code,
        // the stored title is a Chinese record like the rest of the case file, whatever language the member reads
        title: (object ? `${chosen.name}：${object.objectName}` : chosen.name).slice(0, 100),
        description: description.trim().slice(0, 2000),
        location: { lng: at.lon, lat: at.lat },
        objectId: object?.objectId ?? null,
        objectName: object?.objectName ?? null,
      },
      photos,
    });
    setMessage({ type: "success", text: t("patrol.reportSaved") });
    setTimeout(() => props.onClose(true), 800);
  };

  return (
    <section className="field-card field-report">
      <h2>{t("patrol.reportTitle")}</h2>
      <div className="field-card-body">
        <label>
          {t("patrol.reportObject")}
          <select
            className="field-select field-report-object"
            value={objectId ?? ""}
            onChange={(e) => setObjectId(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{t("patrol.noObject")}</option>
            {props.objects.map((o) => (
              <option key={o.objectId} value={o.objectId}>
                {o.objectName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("patrol.category")}
          <select
            className="field-select field-report-category"
            value={category}
            onChange={(e) => setCategory(e.target.value)}
          >
            <option value="">{t("patrol.chooseCategory")}</option>
            {categories?.map((c) => (
              <option key={c.code} value={c.code}>
                {categoryLabel(t, c.code, c.name)}
              </option>
            ))}
          </select>
        </label>
        {categories?.length === 0 && <Alert type="warning" title={t("patrol.noCategories")} />}
        <textarea
          className="field-input"
          rows={3}
          placeholder={t("patrol.describe")}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <label>
          {t("patrol.photos")}：{" "}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              void Promise.all(files.map((f) => shrinkPhoto(f))).then((shrunk) =>
                setPhotos((p) => [...p, ...shrunk]),
              );
            }}
          />
        </label>
        {photos.length > 0 && <span>{t("patrol.photoCount", { count: photos.length })}</span>}
        {message && <Alert className="field-report-message" type={message.type} title={message.text} />}
        <Button {...big} type="primary" danger onClick={() => void submit()}>
          {t("patrol.report")}
        </Button>
        <Button block size="large" onClick={() => props.onClose(false)}>
          {t("patrol.cancel")}
        </Button>
      </div>
    </section>
  );
}
