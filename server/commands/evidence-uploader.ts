import { sql } from "drizzle-orm";
import type { Config } from "../config.ts";
import { rows } from "../db/client.ts";
import { isTerminal } from "../domain/cases/case-state.ts";
import { sniffEvidenceType } from "../domain/evidence/file-type.ts";
import type { Role } from "../domain/roles.ts";
import { AppError, forbidden, undecodableImage } from "../errors.ts";
import { loadVisibleCase } from "../queries/cases.ts";
import { storeEvidence, UndecodableImage } from "../storage/evidence-store.ts";
import { recordAudit } from "./audit-recorder.ts";
import { refusalError } from "./case-transitioner.ts";
import type { CommandContext } from "./context.ts";

/** Roles that add material to a case: the grid, the departments, the district office. Overseers only read. */
const UPLOADING_ROLES: readonly Role[] = [
  "grid_member",
  "grid_head",
  "township_officer",
  "department_officer",
  "department_head",
  "district_office",
];

export const unsupportedEvidence = () =>
  new AppError(
    "unsupported_media_type",
    415,
    "文件类型不支持：仅接受 JPEG、PNG、WebP 照片和 PDF 文件（按文件内容识别，与文件名无关）",
    "Only JPEG, PNG, WebP and PDF are accepted (recognized by content, not by name)",
  );

export const evidenceTooLarge = (maxBytes: number) =>
  new AppError(
    "payload_too_large",
    413,
    `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB 上限，请压缩后重新上传`,
    `The file exceeds the ${maxBytes} byte limit`,
  );

/** A checked file, stored on disk, waiting for its rows (`recordEvidence`). */
export interface PreparedEvidence {
  caseId: number;
  type: NonNullable<ReturnType<typeof sniffEvidenceType>>;
  sizeBytes: number;
  note: string | null;
  stored: Awaited<ReturnType<typeof storeEvidence>>;
}

/**
 * Adding a photo or document to a case, first half: may the caller add to this case; the type from the content,
 * never the name; a photo must decode. Stores it (content-addressed, outside the web root, with a
 * metadata-free public copy) before any transaction, so the slow image work holds no database connection and
 * a failed transaction leaves at most an unreferenced file, never a row without its file.
 */
export async function prepareEvidence(
  ctx: CommandContext,
  config: Config,
  caseId: number,
  file: { bytes: Buffer; note?: string },
): Promise<PreparedEvidence> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const row = await loadVisibleCase(ctx.db, actor, caseId);
  const mayUpload =
    actor.roles.some((r) => UPLOADING_ROLES.includes(r.role as Role)) || row.createdBy === actor.userId;
  if (!mayUpload) throw forbidden();
  if (isTerminal(row.stage)) throw refusalError("invalid_stage");
  if (file.bytes.length > config.maxUploadBytes) throw evidenceTooLarge(config.maxUploadBytes);
  const type = sniffEvidenceType(file.bytes);
  if (!type) throw unsupportedEvidence();
  try {
    const stored = await storeEvidence(config.uploadDir, file.bytes, type);
    return { caseId, type, sizeBytes: file.bytes.length, note: file.note?.trim() || null, stored };
  } catch (error) {
    if (error instanceof UndecodableImage) throw undecodableImage();
    throw error;
  }
}

/** Second half: the evidence row, a timeline entry and the audit event, in one transaction. */
export async function recordEvidence(
  ctx: CommandContext,
  evidence: PreparedEvidence,
  now: Date,
): Promise<{ id: number; sha256: string; mime: string; sizeBytes: number }> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const { caseId, type, sizeBytes, stored } = evidence;
  return ctx.db.transaction(async (tx) => {
    const [created] = await rows<{ id: number }>(
      tx,
      sql`insert into case_evidence (case_id, uploaded_by, mime, size_bytes, sha256, storage_path, public_path,
            public_size, width, height, note)
          values (${caseId}, ${actor.userId}, ${type}, ${sizeBytes}, ${stored.sha256}, ${stored.storagePath},
            ${stored.publicPath}, ${stored.publicSize}::int, ${stored.width}::int, ${stored.height}::int,
            ${evidence.note})
          returning id`,
    );
    const [{ version }] = await rows<{ version: number }>(
      tx,
      sql`select version from cases where id = ${caseId}`,
    );
    await tx.execute(
      sql`insert into case_events (case_id, kind, actor_id, at, version, data)
          values (${caseId}, 'evidence_added', ${actor.userId}, ${now.toISOString()}::timestamptz, ${version},
                  ${JSON.stringify({ evidenceId: created.id, mime: type, sizeBytes, sha256: stored.sha256 })}::jsonb)`,
    );
    await recordAudit(tx, ctx, {
      action: "case.evidence_add",
      entityType: "case",
      entityId: caseId,
      after: { evidenceId: created.id, mime: type, sizeBytes, sha256: stored.sha256 },
    });
    return { id: created.id, sha256: stored.sha256, mime: type, sizeBytes };
  });
}
