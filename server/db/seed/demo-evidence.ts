import { sql } from "drizzle-orm";
import { storeEvidence } from "../../storage/evidence-store.ts";
import { type Db, rows } from "../client.ts";

/**
 * Site photos behind the demo's handling records and re-checks, so a handled case shows its 材料 as a real one
 * does. The photos go through the app's own store (content-addressed under the upload directory, a cleaned
 * public copy beside each), and each row is tied to the step that used it, uploaded by whoever took that step.
 */
export async function seedDemoEvidence(
  db: Db,
  uploadDir: string,
  photos: readonly Buffer[],
): Promise<number> {
  const files = await Promise.all(
    photos.map(async (bytes) => ({
      bytes,
      stored: await storeEvidence(uploadDir, bytes, "image/jpeg"),
    })),
  );
  const values = files.map(
    ({ bytes, stored }, i) =>
      sql`(${i}::int, ${bytes.length}::int, ${stored.sha256}, ${stored.storagePath}, ${stored.publicPath},
           ${stored.publicSize}::int, ${stored.width}::int, ${stored.height}::int)`,
  );
  const inserted = await rows<{ id: number }>(
    db,
    sql`insert into case_evidence (case_id, event_id, uploaded_by, mime, size_bytes, sha256, storage_path,
                                   public_path, public_size, width, height, note, created_at)
        select e.case_id, e.id, e.actor_id, 'image/jpeg', p.size, p.sha256, p.storage_path, p.public_path,
               p.public_size, p.width, p.height,
               case e.action when 'record_handling' then '整改现场照片' else '复查现场照片' end, e.at
          from case_events e
          join (values ${sql.join(values, sql`, `)})
               as p(n, size, sha256, storage_path, public_path, public_size, width, height)
            on p.n = e.id % ${files.length}::int
         where e.action in ('record_handling', 'record_verification')
        returning id`,
  );
  return inserted.length;
}
