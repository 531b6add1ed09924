import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Spin } from "antd";
import type { TFunction } from "i18next";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, NetworkError } from "../../api/client";
import { useErrorText } from "../../api/errorText";
import {
  isTrackingNo,
  normalizeTrackingNo,
  type PublicCaseProgress,
  type PublicProgress,
  usePublicProgress,
} from "../../api/publicCases";
import { LanguageLinks } from "../../components/LanguageLinks";
import { categoryLabel } from "../../i18n/domain-labels";
import type { zhCN } from "../../i18n/zh-CN";
import { formatTime } from "../../time/formatTime";
import "./track.css";

type ProgressKey = keyof typeof zhCN.track.progress;

/** The server's plain-word stage, in the visitor's language (a new server text fails to compile here). */
const PROGRESS_KEYS: Record<PublicProgress, ProgressKey> = {
  "已收到，待受理": "received",
  已受理: "accepted",
  不予受理: "rejected",
  已与同一问题的其他举报合并办理: "merged",
  已立案: "registered",
  已移交主管部门: "transferred",
  多部门联合办理中: "joint",
  办理中: "handling",
  "已办理，待反馈": "handled",
  "已反馈，待核查": "feedbackGiven",
  现场核查中: "verifying",
  "核查通过，待办结": "verified",
  已办结: "closed",
};

function progressLabel(t: TFunction, progress: PublicProgress): string {
  const key = PROGRESS_KEYS[progress];
  return key ? t(`track.progress.${key}`) : progress;
}

/** closed: done; rejected or merged: ended without a result of its own; anything else: still open. */
function toneOf(progress: PublicProgress): "done" | "ended" | "open" {
  const key = PROGRESS_KEYS[progress];
  if (key === "closed") return "done";
  if (key === "rejected" || key === "merged") return "ended";
  return "open";
}

/** Beijing time, kept left-to-right inside a Uyghur (right-to-left) line so date and time do not swap. */
function Time({ at }: { at: string }) {
  return (
    <time dateTime={at} dir="ltr">
      {formatTime(at)}
    </time>
  );
}

function ProgressCard({ p }: { p: PublicCaseProgress }) {
  const { t } = useTranslation();
  const label = progressLabel(t, p.progress);
  const steps: { key: string; label: string; at: string | null }[] = [
    { key: "reported", label: t("track.reported"), at: p.reportedAt },
  ];
  if (p.repliedAt) steps.push({ key: "replied", label: t("track.replied"), at: p.repliedAt });
  if (p.closedAt) steps.push({ key: "closed", label: t("track.closed"), at: p.closedAt });
  else steps.push({ key: "now", label, at: null });
  return (
    <section className={`track-result track-${toneOf(p.progress)}`} data-testid="track-result">
      <p className="track-result-number">
        <span className="track-caption">{t("track.numberLabel")}</span>
        <bdi dir="ltr" className="track-number" data-testid="track-number">
          {p.trackingNo}
        </bdi>
      </p>
      <p className="track-caption">{t("track.stage")}</p>
      <p className="track-stage" data-testid="track-stage">
        {label}
      </p>
      <p className="track-fact">
        <span className="track-caption">{t("track.category")}</span>
        <span>{categoryLabel(t, p.category, p.categoryName)}</span>
      </p>
      <h2 className="track-subtitle">{t("track.timeline")}</h2>
      <ol className="track-timeline" data-testid="track-timeline">
        {steps.map((s) => (
          <li key={s.key} className={s.at ? "is-done" : "is-now"}>
            {s.at ? (
              <>
                <span className="track-step">{s.label}</span>
                <Time at={s.at} />
              </>
            ) : (
              <span className="track-step">
                <span className="track-now">{t("track.now")}</span>
                {s.label}
              </span>
            )}
          </li>
        ))}
      </ol>
      <p className="track-note">{t("track.beijingTime")}</p>
      {p.result && (
        <section className="track-disclosure" data-testid="track-disclosure">
          <h2 className="track-subtitle">{t("track.result")}</h2>
          <p>{p.result}</p>
        </section>
      )}
    </section>
  );
}

function LookupOutcome({ trackingNo }: { trackingNo: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const progress = usePublicProgress(trackingNo);
  if (progress.isPending)
    return (
      <div className="track-loading">
        <Spin aria-label={t("common.loading")} />
      </div>
    );
  if (progress.isError) {
    const { error } = progress;
    const status = error instanceof ApiError ? error.status : 0;
    const text =
      status === 404
        ? t("track.notFound")
        : status === 429
          ? t("track.rateLimited")
          : status === 400
            ? t("track.invalid")
            : errorText(error);
    const retry = status === 429 || status >= 500 || error instanceof NetworkError;
    return (
      <Alert
        className="track-alert"
        type={status === 404 || status === 429 ? "warning" : "error"}
        showIcon
        title={text}
        data-testid="track-error"
        action={
          retry && (
            <Button size="small" onClick={() => void progress.refetch()}>
              {t("common.retry")}
            </Button>
          )
        }
      />
    );
  }
  return <ProgressCard p={progress.data} />;
}

/**
 * 举报办理进度查询: anyone with a tracking number follows the report, no login (DOMAIN.md §7). It shows only
 * what GET /api/public/cases/:trackingNo answers — never the reporter, the place or the people handling it.
 * Plain markup and antd's Button, Alert and Spin (which the entry already carries): a cheap phone loads it fast.
 */
export function TrackScene() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { trackingNo: fromUrl } = useParams();
  const asked = fromUrl ? normalizeTrackingNo(fromUrl) : null;
  const [typed, setTyped] = useState(asked ?? "");
  const [badInput, setBadInput] = useState(false);
  // another number opened (the back button, a link): the field shows it
  useEffect(() => {
    setTyped(asked ?? "");
    setBadInput(false);
  }, [asked]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const no = normalizeTrackingNo(typed);
    // a malformed number is pointed out here and never sent
    if (!isTrackingNo(no)) return setBadInput(true);
    setBadInput(false);
    setTyped(no);
    if (no !== asked) void navigate(`/track/${no}`);
    else void queryClient.invalidateQueries({ queryKey: ["public-progress", no] });
  };

  const invalid = badInput || (asked !== null && !isTrackingNo(asked));
  return (
    <div className="track-page">
      <header className="track-top">
        <span className="track-brand">{t("app.title")}</span>
        <LanguageLinks />
      </header>
      <main className="track-main">
        <h1 className="track-title">{t("track.title")}</h1>
        <p className="track-intro">{t("track.intro")}</p>
        <form className="track-form" onSubmit={submit} noValidate>
          <label htmlFor="track-no" className="track-label">
            {t("track.numberLabel")}
          </label>
          <div className="track-row">
            <input
              id="track-no"
              name="trackingNo"
              dir="ltr"
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
                setBadInput(false);
              }}
              placeholder="GC20261130NRSPJ8"
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              maxLength={40}
              aria-invalid={invalid}
              aria-describedby={invalid ? "track-no-hint" : undefined}
              // biome-ignore lint/a11y/noAutofocus: the page has one job; its field is where the visitor starts
              autoFocus={asked === null}
            />
            <Button type="primary" htmlType="submit" size="large" data-testid="track-submit">
              {t("track.submit")}
            </Button>
          </div>
          {invalid && (
            <p id="track-no-hint" className="track-hint" role="alert" data-testid="track-invalid">
              {t("track.invalid")}
            </p>
          )}
        </form>
        {asked !== null && !invalid && <LookupOutcome key={asked} trackingNo={asked} />}
        <p className="track-privacy">{t("track.privacy")}</p>
        <p className="track-footer">
          <Link to="/">{t("track.toApp")}</Link>
        </p>
      </main>
    </div>
  );
}
