import { describe, expect, it } from "vitest";
import type { OutboxRecord } from "./outbox";
import { pointsRun } from "./track-batches";

const points = (patrolLocalId: string, n: number, key = `k${n}`): OutboxRecord => ({
  kind: "points",
  patrolLocalId,
  key,
  body: {
    points: Array.from({ length: n }, (_, i) => ({
      t: new Date(i * 1000).toISOString(),
      lon: 89,
      lat: 42,
      accuracy: 5,
    })),
  },
});

describe("pointsRun", () => {
  it("takes the consecutive track records of the head's patrol, up to 1,000 points", () => {
    const waiting = [
      points("a", 400, "1"),
      points("a", 500, "2"),
      points("a", 200, "3"),
      points("a", 10, "4"),
    ];
    expect(pointsRun(waiting).map((r) => r.key)).toEqual(["1", "2"]);
  });

  it("stops at another patrol's record or at any other kind of record", () => {
    const finish: OutboxRecord = { kind: "finish", patrolLocalId: "a", key: "f", body: { finishedAt: "x" } };
    expect(pointsRun([points("a", 10, "1"), points("b", 10, "2")]).map((r) => r.key)).toEqual(["1"]);
    expect(pointsRun([points("a", 10, "1"), finish, points("a", 10, "3")]).map((r) => r.key)).toEqual(["1"]);
    expect(pointsRun([finish, points("a", 10, "2")])).toEqual([]);
  });
});
