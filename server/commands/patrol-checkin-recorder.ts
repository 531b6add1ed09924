import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { isPhoto, type PhotoType, sniffEvidenceType } from "../domain/evidence/file-type.ts";
import { checklistError } from "../domain/patrol/checklist.ts";
import { badRequest, notFound, undecodableImage, unprocessable } from "../errors.ts";
import { assertAllowed } from "../policies/allow.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { cleanPhoto, UndecodableImage } from "../storage/evidence-store.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { lockOwnPatrol, patrolFinished } from "./patrol-access.ts";
import { checkClientTime } from "./patrol-starter.ts";

export interface CheckinInput {
  objectId: number;
  at?: string;
  lon: number;
  lat: number;
  accuracy?: number | null;
  answers?: Record<string, string>;
  finding?: string | null;
  /** A photo as a data URL (data:image/jpeg;base64,…), taken on the phone, possibly offline. */
  photo?: string | null;
}

export interface RecordedCheckin {
  id: number;
  patrolId: number;
  objectId: number;
  at: string;
  distanceM: number;
  hasPhoto: boolean;
}

export const PHOTO_MAX_BYTES = 3 * 1024 * 1024;

/**
 * The data URL's photo, by its bytes (not the type it declares), re-encoded upright without metadata: it is
 * shown to the township and departments, who need the picture, not the phone's EXIF.
 */
async function checkinPhoto(dataUrl: string): Promise<{ type: PhotoType; bytes: Buffer }> {
  const match = /^data:image\/(?:jpeg|png|webp);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!match) throw badRequest("photo_invalid", "照片格式无效（需要 JPEG、PNG 或 WebP）", "Invalid photo");
  const bytes = Buffer.from(match[1], "base64");
  if (bytes.length > PHOTO_MAX_BYTES)
    throw unprocessable("photo_too_large", "照片不能超过 3 MB", "Photo larger than 3 MB");
  const type = sniffEvidenceType(bytes);
  if (!type || !isPhoto(type)) throw undecodableImage();
  try {
    return { type, bytes: (await cleanPhoto(bytes, type)).data };
  } catch (error) {
    if (error instanceof UndecodableImage) throw undecodableImage();
    throw error;
  }
}

/**
 * Checks in at a supervised object (打卡): the phone's position must lie within the configured radius of the
 * object (distance on the spheroid to the point or to the nearest edge of an area, 0 inside it); farther away
 * it is refused with the distance in metres. Answers follow the object type's checklist.
 */
export async function recordCheckin(
  ctx: CommandContext & { actor: NonNullable<CommandContext["actor"]> },
  patrolId: number,
  input: CheckinInput,
  options: { radiusM: number },
): Promise<RecordedCheckin> {
  assertAllowed(ctx.actor, "patrol.perform");
  const at = input.at ? new Date(input.at) : new Date();
  checkClientTime(at);
  const photo = input.photo ? await checkinPhoto(input.photo) : null;
  return ctx.db.transaction(async (tx) => {
    const patrol = await lockOwnPatrol(tx, ctx.actor, patrolId, { inScope: true });
    if (patrol.finishedAt && at > new Date(patrol.finishedAt)) throw patrolFinished();
    const [object] = await rows<{ id: number; type: string; distance: number }>(
      tx,
      sql`select o.id, o.type,
                 ST_Distance(o.location::geography,
                             ST_SetSRID(ST_MakePoint(${input.lon}::float8, ${input.lat}::float8), 4326)::geography) as distance
            from supervised_objects o join grids g on g.id = o.grid_id
           where o.id = ${input.objectId} and o.status <> 'retired'
             and ${gridWithinScope(sql`g.path`, ctx.actor.scope)}`,
    );
    if (!object) throw notFound();
    const distanceM = Math.round(Number(object.distance));
    if (distanceM > options.radiusM) {
      throw unprocessable(
        "checkin_too_far",
        `您距离该监管对象 ${distanceM} 米，超出 ${options.radiusM} 米的签到范围，请靠近后再签到`,
        `You are ${distanceM} m from the object, beyond the ${options.radiusM} m check-in radius`,
        { distanceM, radiusM: options.radiusM },
      );
    }
    const answers = input.answers ?? {};
    const wrong = checklistError(object.type, answers);
    if (wrong) throw badRequest("checklist_invalid", wrong, "Answers do not fit the checklist");
    const [row] = await rows<{ id: number }>(
      tx,
      sql`insert into patrol_checkins (patrol_id, object_id, at, lon, lat, accuracy, distance_m, answers, finding,
                                       photo, photo_type)
          values (${patrolId}, ${object.id}, ${at.toISOString()}, ${input.lon}, ${input.lat},
                  ${input.accuracy ?? null}, ${distanceM}, ${JSON.stringify(answers)}::jsonb,
                  ${input.finding?.trim() || null}, ${photo ? photo.bytes : null}, ${photo?.type ?? null})
          returning id`,
    );
    const result: RecordedCheckin = {
      id: row.id,
      patrolId,
      objectId: object.id,
      at: at.toISOString(),
      distanceM,
      hasPhoto: photo !== null,
    };
    await recordAudit(tx, ctx, {
      action: "patrol.checkin",
      entityType: "patrol",
      entityId: patrolId,
      after: { ...result, answers, finding: input.finding ?? null },
    });
    return result;
  });
}
