import type { OutboxRecord } from "./outbox";

/** The track endpoint's largest batch: queued track records are sent together up to this many points. */
export const POINTS_PER_REQUEST = 1000;

export type PointsRecord = Extract<OutboxRecord, { kind: "points" }>;

/**
 * The track records at the head of the outbox that can go in one request: consecutive, of the same patrol,
 * together at most POINTS_PER_REQUEST points. After a stretch offline the phone then sends one request per
 * ~1,000 points instead of one per batch of a few (the server's cost is mostly per request).
 */
export function pointsRun(waiting: OutboxRecord[]): PointsRecord[] {
  const group: PointsRecord[] = [];
  let count = 0;
  for (const record of waiting) {
    if (record.kind !== "points" || record.patrolLocalId !== waiting[0].patrolLocalId) break;
    if (count + record.body.points.length > POINTS_PER_REQUEST) break;
    count += record.body.points.length;
    group.push(record);
  }
  return group;
}
