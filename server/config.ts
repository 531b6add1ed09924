import path from "node:path";
import { parseReporterKeys, type ReporterKeyRing } from "./security/reporter-crypto.ts";

/** Typed configuration read once from the environment; invalid values stop the process at start. */
export interface Config {
  port: number;
  host: string;
  /** When set, PostgreSQL (production); otherwise embedded PGlite in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  demoPassword: string;
  /** Seed demo data automatically on the first start of an empty embedded database. */
  autoSeedDemo: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Login attempts per client address per minute, before the per-account lockout even applies. */
  loginRateLimitPerMinute: number;
  /** API requests per client address per minute (behind a proxy, set ENVGRID_TRUST_PROXY so it is per user). */
  apiRateLimitPerMinute: number;
  /** Force the Secure cookie flag; otherwise it follows the request protocol (behind TLS). */
  cookieSecure: boolean;
  trustProxy: boolean;
  tileUrl: string;
  /** Audit rows older than this are pruned daily (never below 180 days). */
  auditRetentionDays: number;
  tileAttribution: string;
  logLevel: string;
  webDistDir: string;
  /** Evidence files, outside the web root. */
  uploadDir: string;
  /** Largest evidence file accepted, in bytes. */
  maxUploadBytes: number;
  /** Keys for reporters' names and contacts (AES-256-GCM); `demo` when no key was configured. */
  reporterKeys: ReporterKeyRing;
  /** Possible duplicates at intake: same category within this distance and this many days. */
  duplicateRadiusMeters: number;
  duplicateDays: number;
  /** How often the deadline sweep (overdue → notify, escalate) runs. */
  deadlineSweepMinutes: number;
  /** A patrol check-in farther than this from its object is refused (metres). */
  patrolCheckinRadiusM: number;
  /** The case list's Excel export refuses (422) a filter matching more cases than this. */
  caseExportMaxRows: number;
}

export const DEFAULT_DEMO_PASSWORD = "Envgrid@2026";

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function boolFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no", "off"].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env, "PORT", 3000, 0, 65535),
    host: env.HOST || "0.0.0.0",
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.ENVGRID_DATA_DIR || "data"),
    demoPassword: env.ENVGRID_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    autoSeedDemo: boolFrom(env, "ENVGRID_AUTO_SEED", true),
    sessionIdleMinutes: intFrom(env, "ENVGRID_SESSION_IDLE_MINUTES", 30, 1, 24 * 60),
    sessionAbsoluteHours: intFrom(env, "ENVGRID_SESSION_ABSOLUTE_HOURS", 12, 1, 24 * 7),
    loginMaxFailures: intFrom(env, "ENVGRID_LOGIN_MAX_FAILURES", 5, 1, 100),
    loginLockMinutes: intFrom(env, "ENVGRID_LOGIN_LOCK_MINUTES", 30, 1, 24 * 60),
    loginRateLimitPerMinute: intFrom(env, "ENVGRID_LOGIN_RATE_LIMIT", 30, 1, 100000),
    apiRateLimitPerMinute: intFrom(env, "ENVGRID_API_RATE_LIMIT", 1200, 10, 10_000_000),
    cookieSecure: boolFrom(env, "ENVGRID_COOKIE_SECURE", false),
    trustProxy: boolFrom(env, "ENVGRID_TRUST_PROXY", false),
    tileUrl: env.ENVGRID_TILE_URL ?? "",
    auditRetentionDays: intFrom(env, "ENVGRID_AUDIT_RETENTION_DAYS", 365, 180, 36500),
    tileAttribution: env.ENVGRID_TILE_ATTRIBUTION ?? "",
    logLevel: env.LOG_LEVEL || "info",
    webDistDir: path.resolve(env.ENVGRID_WEB_DIST || "web/dist"),
    uploadDir: path.resolve(env.ENVGRID_UPLOAD_DIR || "data/uploads"),
    maxUploadBytes: intFrom(env, "ENVGRID_MAX_UPLOAD_MB", 10, 1, 200) * 1024 * 1024,
    reporterKeys: parseReporterKeys(env.ENVGRID_REPORTER_KEY, env.ENVGRID_REPORTER_OLD_KEYS, {
      production: env.NODE_ENV === "production",
    }),
    duplicateRadiusMeters: intFrom(env, "ENVGRID_DUPLICATE_RADIUS_M", 200, 1, 100_000),
    duplicateDays: intFrom(env, "ENVGRID_DUPLICATE_DAYS", 7, 1, 365),
    deadlineSweepMinutes: intFrom(env, "ENVGRID_DEADLINE_SWEEP_MINUTES", 5, 1, 24 * 60),
    patrolCheckinRadiusM: intFrom(env, "ENVGRID_PATROL_CHECKIN_RADIUS_M", 200, 10, 100000),
    caseExportMaxRows: intFrom(env, "ENVGRID_CASE_EXPORT_MAX_ROWS", 10_000, 1, 50_000),
  };
}
