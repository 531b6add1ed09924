import { pruneAuditLog } from "../commands/audit-pruner.ts";
import type { Db } from "../db/client.ts";

const DAY_MS = 24 * 3_600_000;

/** Prunes the audit log once at start and then daily; returns a stop function for shutdown. */
export function scheduleAuditRetention(
  db: Db,
  retentionDays: number,
  log: (line: string) => void,
): () => void {
  const run = () =>
    pruneAuditLog(db, retentionDays).then(
      (deleted) =>
        deleted > 0 && log(`audit retention: pruned ${deleted} rows older than ${retentionDays} days`),
      (error: Error) => log(`audit retention failed: ${error.message}`),
    );
  void run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
