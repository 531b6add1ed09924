import { Alert, Button, Spin } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { NetworkError } from "../../api/client";
import { useErrorText } from "../../api/errorText";
import { fetchPlan, type PatrolPlanEntry } from "../../api/patrols";
import { fetchCategories } from "../../field/categories";
import { CHECKIN_RADIUS_M, distanceM } from "../../field/geo";
import { type GpsProblem, gpsProblemOf } from "../../field/gps";
import {
  clearRejected,
  enqueue,
  newKey,
  type OutboxRecord,
  objectNameOf,
  onOutboxChange,
  pending,
  type Rejected,
  rejected,
  syncOutbox,
} from "../../field/outbox";
import { shrinkPhoto } from "../../field/photo";
import { ReportCard } from "./ReportCard";
import "./field.css";

interface Position {
  lon: number;
  lat: number;
  accuracy: number | null;
  t: string;
}

const ACTIVE_KEY = "envgrid-field-active";
// Track points go to the outbox once a minute (or every 100 fixes): each request costs the server far more
// than its points, and a hidden or closed app still saves what is buffered (see below).
const BATCH_SIZE = 100;
const BATCH_MS = 60_000;
const big = { size: "large" as const, block: true, style: { height: 56, fontSize: 20 } };

const fmt = (iso: string) =>
  new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));

function useOnline() {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);
  return online;
}

function useOutbox() {
  const [state, setState] = useState<{ waiting: OutboxRecord[]; refused: Rejected[] }>({
    waiting: [],
    refused: [],
  });
  useEffect(() => {
    const load = async () => setState({ waiting: await pending(), refused: await rejected() });
    void load();
    return onOutboxChange(() => void load());
  }, []);
  return state;
}

/** The phone's field app (移动巡查): due list, start/stop, GPS track, check-in — all working offline. */
export function FieldScene() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const online = useOnline();
  const outbox = useOutbox();
  const [plan, setPlan] = useState<{ items: PatrolPlanEntry[]; offline: boolean } | null>(null);
  const [planError, setPlanError] = useState<unknown>(null);
  const recordLabel = (kind: OutboxRecord["kind"], objectName: string | null) =>
    objectName ? `${t(`patrol.outboxKinds.${kind}`)}·${objectName}` : t(`patrol.outboxKinds.${kind}`);
  // the server words its refusals in Chinese and English; the phone's own refusals are in every language
  const refusalText = (r: Rejected) =>
    r.reason
      ? t(`patrol.refusals.${r.reason}`)
      : (i18n.language === "en" && r.messageEn) || r.message || t("errors.unknown");
  const [active, setActive] = useState<{ localId: string; startedAt: string } | null>(() => {
    const raw = localStorage.getItem(ACTIVE_KEY);
    return raw ? (JSON.parse(raw) as { localId: string; startedAt: string }) : null;
  });
  const [position, setPosition] = useState<Position | null>(null);
  const [gpsError, setGpsError] = useState<GpsProblem | null>(null);
  const [points, setPoints] = useState(0);
  const [confirmingStop, setConfirmingStop] = useState(false);
  const [checkinFor, setCheckinFor] = useState<PatrolPlanEntry | null>(null);
  // the report form, open for an object (its id) or for none (null); undefined when closed
  const [reportFor, setReportFor] = useState<number | null | undefined>(undefined);
  const [localDone, setLocalDone] = useState<Set<number>>(new Set());
  const buffer = useRef<Position[]>([]);
  const lastFlush = useRef(Date.now());

  const loadPlan = useCallback(() => {
    fetchPlan()
      .then((p) => {
        setPlan(p);
        setPlanError(null);
      })
      .catch((e: unknown) => setPlanError(e));
  }, []);
  // On start and whenever the network returns: send what is waiting, then refresh the due list.
  // The report form's categories are fetched now too, so they are at hand offline.
  useEffect(() => {
    if (online) void syncOutbox().then(loadPlan).then(fetchCategories);
    else loadPlan();
  }, [online, loadPlan]);

  const flush = useCallback(async (localId: string) => {
    const batch = buffer.current.splice(0);
    lastFlush.current = Date.now();
    if (batch.length === 0) return;
    await enqueue({ kind: "points", patrolLocalId: localId, key: newKey(), body: { points: batch } });
  }, []);

  // Position: watched all the time (for check-in); recorded into the track only while patrolling.
  useEffect(() => {
    if (!("geolocation" in navigator)) {
      setGpsError("unsupported");
      return;
    }
    const id = navigator.geolocation.watchPosition(
      (p) => {
        const point = {
          lon: p.coords.longitude,
          lat: p.coords.latitude,
          accuracy: Number.isFinite(p.coords.accuracy) ? Math.round(p.coords.accuracy) : null,
          t: new Date(p.timestamp || Date.now()).toISOString(),
        };
        setPosition(point);
        setGpsError(null);
        const current = localStorage.getItem(ACTIVE_KEY);
        if (current) {
          buffer.current.push(point);
          setPoints((n) => n + 1);
          if (buffer.current.length >= BATCH_SIZE || Date.now() - lastFlush.current > BATCH_MS)
            void flush((JSON.parse(current) as { localId: string }).localId);
        }
      },
      (e) => setGpsError(gpsProblemOf(e.code)),
      { enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [flush]);

  // Points still in memory go to the outbox when the app is hidden or closed (a phone may kill it any time).
  useEffect(() => {
    const save = () => {
      const current = localStorage.getItem(ACTIVE_KEY);
      if (current && buffer.current.length > 0)
        void flush((JSON.parse(current) as { localId: string }).localId);
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") save();
    };
    window.addEventListener("pagehide", save);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", save);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [flush]);

  const start = async () => {
    const next = { localId: newKey(), startedAt: new Date().toISOString() };
    localStorage.setItem(ACTIVE_KEY, JSON.stringify(next));
    setActive(next);
    setPoints(0);
    await enqueue({
      kind: "start",
      patrolLocalId: next.localId,
      key: newKey(),
      body: { startedAt: next.startedAt },
    });
    if (position) {
      buffer.current.push({ ...position, t: new Date().toISOString() });
      setPoints(1);
    }
  };

  const stop = async () => {
    if (!active) return;
    await flush(active.localId);
    await enqueue({
      kind: "finish",
      patrolLocalId: active.localId,
      key: newKey(),
      body: { finishedAt: new Date().toISOString() },
    });
    localStorage.removeItem(ACTIVE_KEY);
    setActive(null);
  };

  const waiting = outbox.waiting.length;
  return (
    <div className="field-app">
      <header className="field-header">
        <h1>{t("patrol.title")}</h1>
        <span className="field-header-links">
          <span className={`field-status${online ? "" : " is-offline"}`}>
            {online ? t("patrol.online") : t("patrol.offline")}
          </span>
          <a href="/">{t("patrol.home")}</a>
        </span>
      </header>
      <Alert
        className="field-sync"
        style={{ margin: "12px 0" }}
        type={waiting ? "warning" : "success"}
        title={waiting ? t("patrol.waiting", { count: waiting }) : t("patrol.synced")}
        description={
          waiting ? (
            <span className="field-waiting">
              {outbox.waiting.map((r) => recordLabel(r.kind, objectNameOf(r))).join("、")}
            </span>
          ) : undefined
        }
        action={
          waiting && online ? (
            <Button onClick={() => void syncOutbox()}>{t("patrol.syncNow")}</Button>
          ) : undefined
        }
      />
      {outbox.refused.length > 0 && (
        <Alert
          className="field-refused"
          type="error"
          style={{ marginBottom: 12 }}
          title={t("patrol.rejected")}
          description={outbox.refused
            .map((r) => `${r.label ?? recordLabel(r.kind, r.objectName ?? null)}：${refusalText(r)}`)
            .join("；")}
          action={<Button onClick={() => void clearRejected()}>{t("patrol.clear")}</Button>}
        />
      )}
      {gpsError && (
        <Alert
          className="field-gps-error"
          data-problem={gpsError}
          type="warning"
          style={{ marginBottom: 12 }}
          title={t(`patrol.gps.${gpsError}`)}
        />
      )}
      {active ? (
        <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
          <Alert type="info" title={t("patrol.active", { points })} />
          {confirmingStop ? (
            // Finishing cannot be undone and the button sits right above "report a problem": ask first.
            <Alert
              className="field-stop-confirm"
              type="warning"
              title={t("patrol.stopConfirm")}
              description={
                <div style={{ display: "flex", flexDirection: "column", gap: 8, marginTop: 8 }}>
                  <Button
                    {...big}
                    danger
                    type="primary"
                    onClick={() => {
                      setConfirmingStop(false);
                      void stop();
                    }}
                  >
                    {t("patrol.stopConfirmOk")}
                  </Button>
                  <Button {...big} onClick={() => setConfirmingStop(false)}>
                    {t("patrol.stopCancel")}
                  </Button>
                </div>
              }
            />
          ) : (
            <Button {...big} danger type="primary" onClick={() => setConfirmingStop(true)}>
              {t("patrol.stop")}
            </Button>
          )}
        </div>
      ) : (
        <Button {...big} type="primary" onClick={() => void start()}>
          {t("patrol.start")}
        </Button>
      )}
      {reportFor === undefined && (
        <Button {...big} danger style={{ ...big.style, marginTop: 8 }} onClick={() => setReportFor(null)}>
          {t("patrol.report")}
        </Button>
      )}
      {reportFor !== undefined && (
        <ReportCard
          objects={plan?.items ?? []}
          initialObjectId={reportFor}
          position={position}
          patrolLocalId={active?.localId ?? null}
          onClose={() => setReportFor(undefined)}
        />
      )}
      {checkinFor && (
        <CheckinCard
          entry={checkinFor}
          position={position}
          patrolLocalId={active?.localId ?? null}
          onClose={(saved) => {
            if (saved) setLocalDone((s) => new Set(s).add(checkinFor.objectId));
            setCheckinFor(null);
          }}
          onReport={() => {
            setReportFor(checkinFor.objectId);
            setCheckinFor(null);
          }}
        />
      )}
      {plan?.offline && <Alert type="warning" style={{ marginTop: 12 }} title={t("patrol.offlineList")} />}
      {planError !== null && !plan && (
        <Alert
          className="field-plan-error"
          type="error"
          style={{ marginTop: 12 }}
          // no answer and no saved list: say so in the member's language, not the browser's "network error"
          title={planError instanceof NetworkError ? t("patrol.planOffline") : errorText(planError)}
          action={<Button onClick={loadPlan}>{t("common.retry")}</Button>}
        />
      )}
      {/* Plain markup rather than antd List: List pulls in Pagination, 25 KiB gzip a phone does not need. */}
      <div className="field-due-list" style={{ marginTop: 12 }}>
        {!plan && planError === null && <Spin />}
        {plan && plan.items.length === 0 && <span className="field-muted">{t("patrol.empty")}</span>}
        {plan?.items.map((item) => {
          const status = localDone.has(item.objectId) ? "done" : item.status;
          return (
            <div
              key={item.objectId}
              className="field-due-item"
              data-object-id={item.objectId}
              style={{
                display: "flex",
                alignItems: "center",
                gap: 12,
                padding: "12px 0",
                borderBottom: "1px solid rgba(0,0,0,0.06)",
              }}
            >
              <div style={{ flex: 1, minWidth: 0 }}>
                <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 6 }}>
                  <span style={{ fontSize: 17, fontWeight: 500 }}>{item.objectName}</span>
                  <span className={`field-tag is-${status}`}>{t(`patrol.${status}`)}</span>
                </div>
                <div className="field-muted" style={{ marginTop: 4 }}>
                  {t(`patrol.frequency.${item.frequency}` as "patrol.frequency.daily")} ·{" "}
                  {t("patrol.progress", { done: item.done, required: item.required })}
                  {item.nextDueAt ? ` · ${t("patrol.dueBy", { time: fmt(item.nextDueAt) })}` : ""}
                  {position ? ` · ${distanceM(position, item)} m` : ""}
                </div>
              </div>
              <Button
                size="large"
                autoInsertSpace={false}
                type={status === "done" ? "default" : "primary"}
                onClick={() => setCheckinFor(item)}
              >
                {t("patrol.checkin")}
              </Button>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function CheckinCard(props: {
  entry: PatrolPlanEntry;
  position: Position | null;
  patrolLocalId: string | null;
  onClose: (saved: boolean) => void;
  onReport: () => void;
}) {
  const { t } = useTranslation();
  const { entry, position, patrolLocalId } = props;
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries(entry.checklist.map((i) => [i.key, "ok"])),
  );
  const [finding, setFinding] = useState("");
  const [photo, setPhoto] = useState<Blob | null>(null);
  const [message, setMessage] = useState<{ type: "error" | "success"; text: string } | null>(null);
  const distance = position ? distanceM(position, entry) : null;

  const submit = async () => {
    if (!patrolLocalId) return setMessage({ type: "error", text: t("patrol.startFirst") });
    if (!position || distance === null) return setMessage({ type: "error", text: t("patrol.noPosition") });
    // Checked on the phone too, so the refusal shows offline; the server checks again on the spheroid.
    if (distance > CHECKIN_RADIUS_M)
      return setMessage({ type: "error", text: t("patrol.tooFar", { distance, radius: CHECKIN_RADIUS_M }) });
    await enqueue({
      kind: "checkin",
      patrolLocalId,
      key: newKey(),
      body: {
        objectId: entry.objectId,
        objectName: entry.objectName,
        at: new Date().toISOString(),
        lon: position.lon,
        lat: position.lat,
        accuracy: position.accuracy,
        answers,
        finding: finding.trim() || null,
      },
      photo,
    });
    setMessage({ type: "success", text: t("patrol.saved") });
    setTimeout(() => props.onClose(true), 800);
  };

  return (
    <section className="field-card field-checkin">
      <h2>{t("patrol.checkinTitle", { name: entry.objectName })}</h2>
      <div className="field-card-body">
        {entry.checklist.map((item) => (
          <div key={item.key}>
            <div>{item.label}</div>
            <div className="field-choices" role="radiogroup" aria-label={item.label}>
              {(["ok", "problem", "na"] as const).map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name={`answer-${item.key}`}
                    value={value}
                    checked={answers[item.key] === value}
                    onChange={() => setAnswers((a) => ({ ...a, [item.key]: value }))}
                  />
                  {t(`patrol.${value}`)}
                </label>
              ))}
            </div>
          </div>
        ))}
        <textarea
          className="field-input"
          rows={2}
          placeholder={t("patrol.finding")}
          value={finding}
          onChange={(e) => setFinding(e.target.value)}
        />
        <label>
          {t("patrol.photo")}：{" "}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void shrinkPhoto(file).then(setPhoto);
              else setPhoto(null);
            }}
          />
        </label>
        {message && <Alert className="field-checkin-message" type={message.type} title={message.text} />}
        <Button {...big} type="primary" onClick={() => void submit()}>
          {t("patrol.checkin")}
          {distance !== null ? `（${distance} m）` : ""}
        </Button>
        <Button block size="large" danger onClick={props.onReport}>
          {t("patrol.report")}
        </Button>
        <Button block size="large" onClick={() => props.onClose(false)}>
          {t("patrol.cancel")}
        </Button>
      </div>
    </section>
  );
}
