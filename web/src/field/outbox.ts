/**
 * The field app's outbox: every record the phone makes (start, track points, check-in, report, finish) goes into
 * IndexedDB first, with its own Idempotency-Key, and is sent from there in creation order, one at a time,
 * when the network allows. A record leaves the outbox only when the server has answered it, so a crash or a
 * lost answer means a resend with the same key — the server returns the first answer (exactly once).
 */

import { newIdempotencyKey } from "../api/client";
import { POINTS_PER_REQUEST, type PointsRecord, pointsRun } from "./track-batches";

export type OutboxRecord =
  | { seq?: number; kind: "start"; patrolLocalId: string; key: string; body: { startedAt: string } }
  | {
      seq?: number;
      kind: "points";
      patrolLocalId: string;
      key: string;
      body: { points: { t: string; lon: number; lat: number; accuracy: number | null }[] };
    }
  | {
      seq?: number;
      kind: "checkin";
      patrolLocalId: string;
      key: string;
      body: {
        objectId: number;
        objectName: string;
        at: string;
        lon: number;
        lat: number;
        accuracy: number | null;
        answers: Record<string, string>;
        finding: string | null;
      };
      photo: Blob | null;
    }
  | { seq?: number; kind: "finish"; patrolLocalId: string; key: string; body: { finishedAt: string } }
  | ReportRecord;

/**
 * "Report a problem": becomes a case (POST /api/cases with `key`), then each photo is uploaded to the case's
 * evidence with the key `${key}-photo-N`. `caseId` and `photosSent` record progress in IndexedDB, and both
 * requests are idempotent on the server, so a crash between them neither opens a second case nor stores a
 * photo twice.
 */
export interface ReportRecord {
  seq?: number;
  kind: "report";
  /** The patrol under way when the problem was found, if any. */
  patrolLocalId: string | null;
  key: string;
  body: {
    category: string;
    title: string;
    description: string;
    location: { lng: number; lat: number };
    objectId: number | null;
    objectName: string | null;
  };
  photos: Blob[];
  caseId?: number;
  photosSent?: number;
}

/** A record the server refused for good (or the phone could not send at all), kept to show the member. */
export interface Rejected {
  seq?: number;
  kind: OutboxRecord["kind"];
  /** The check-in's or report's supervised object, if any. */
  objectName?: string | null;
  /** The server's refusal, in Chinese and (when it gave one) English; absent when `reason` says why. */
  message?: string;
  messageEn?: string | null;
  /** A refusal the phone made itself, as an i18n key under `patrol.refusals`. */
  reason?: "patrolNotStarted";
  at: string;
  /** Records refused by earlier versions carry a ready-made Chinese label instead of `objectName`. */
  label?: string;
}

const DB_NAME = "envgrid-field";
const STORES = { outbox: "outbox", patrols: "patrols", rejected: "rejected" } as const;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore(STORES.outbox, { keyPath: "seq", autoIncrement: true });
      db.createObjectStore(STORES.patrols); // local id → server id
      db.createObjectStore(STORES.rejected, { keyPath: "seq", autoIncrement: true });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let dbPromise: Promise<IDBDatabase> | null = null;
const db = () => {
  dbPromise ??= open();
  return dbPromise;
};

async function run<T>(store: string, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>) {
  const database = await db();
  return new Promise<T>((resolve, reject) => {
    const tx = database.transaction(store, mode);
    const req = fn(tx.objectStore(store));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** A record's key (and a patrol's local id): the same random form as the desk's keys. */
export const newKey = newIdempotencyKey;

const listeners = new Set<() => void>();
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => {
  for (const l of listeners) l();
};

export async function enqueue(record: OutboxRecord): Promise<void> {
  await run(STORES.outbox, "readwrite", (s) => s.add(record));
  changed();
  void syncOutbox();
}

export const pending = () => run<OutboxRecord[]>(STORES.outbox, "readonly", (s) => s.getAll());
export const rejected = () => run<Rejected[]>(STORES.rejected, "readonly", (s) => s.getAll());
export async function clearRejected() {
  await run(STORES.rejected, "readwrite", (s) => s.clear());
  changed();
}
const serverIdOf = (localId: string) =>
  run<number | undefined>(STORES.patrols, "readonly", (s) => s.get(localId));

function toDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

async function post(url: string, key: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });
}

let syncing: Promise<void> | null = null;
let retryDelay = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * A send failed with the phone online (a lost answer, a server error): try again by itself, backing off from 3 s
 * to a minute, so a flaky link drains the outbox without the member tapping "sync now".
 */
function scheduleRetry() {
  if (retryTimer) return;
  retryDelay = Math.min(retryDelay ? retryDelay * 2 : 3_000, 60_000);
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void syncOutbox();
  }, retryDelay);
}

/**
 * Several track records in one request (points are idempotent by time on the server, so a resend of any mix is
 * safe). "single": refused for good or not sendable together — fall back to the head record alone, so one bad
 * record (e.g. too old) is rejected by itself and does not take its neighbours with it.
 */
async function sendPoints(group: PointsRecord[]): Promise<"sent" | "retry" | "single"> {
  const id = await serverIdOf(group[0].patrolLocalId);
  if (id === undefined) return "single";
  try {
    const response = await post(`/api/patrols/${id}/track`, group[0].key, {
      points: group.flatMap((record) => record.body.points),
    });
    if (response.ok) return "sent";
    return transient(response) ? "retry" : "single";
  } catch {
    return "retry"; // offline or the server is unreachable
  }
}

/** Sends what is waiting, oldest first; stops at the first failure (tried again later). */
export function syncOutbox(): Promise<void> {
  syncing ??= (async () => {
    try {
      for (;;) {
        const waiting = await run<OutboxRecord[]>(STORES.outbox, "readonly", (s) =>
          s.getAll(undefined, POINTS_PER_REQUEST),
        );
        const [next] = waiting;
        if (!next || !navigator.onLine) return;
        const group = pointsRun(waiting);
        const sent = group.length > 1 ? await sendPoints(group) : "single";
        const done = sent === "sent" ? group : [next];
        if (sent === "retry" || (sent === "single" && !(await send(next)))) {
          scheduleRetry();
          return;
        }
        retryDelay = 0;
        await run(STORES.outbox, "readwrite", (s) => {
          for (const record of done) s.delete(record.seq as number);
          return s.count();
        });
        changed();
      }
    } finally {
      syncing = null;
    }
  })();
  return syncing;
}

/** true: done with this record (sent, or refused for good and moved to `rejected`); false: retry later. */
async function send(record: OutboxRecord): Promise<boolean> {
  if (record.kind === "report") return sendReport(record);
  let response: Response;
  try {
    if (record.kind === "start") {
      response = await post("/api/patrols", record.key, record.body);
      if (response.ok) {
        const { id } = (await response.json()) as { id: number };
        await run(STORES.patrols, "readwrite", (s) => s.put(id, record.patrolLocalId));
        return true;
      }
    } else {
      const id = await serverIdOf(record.patrolLocalId);
      if (id === undefined) return reject(record, { reason: "patrolNotStarted" });
      if (record.kind === "points")
        response = await post(`/api/patrols/${id}/track`, record.key, record.body);
      else if (record.kind === "finish")
        response = await post(`/api/patrols/${id}/finish`, record.key, record.body);
      else {
        const { objectName: _name, ...body } = record.body;
        const photo = record.photo ? await toDataUrl(record.photo) : null;
        response = await post(`/api/patrols/${id}/checkins`, record.key, { ...body, photo });
      }
    }
  } catch {
    return false; // offline or the server is unreachable: keep it and try again
  }
  if (response.ok) return true;
  return refused(record, response);
}

/** A transient failure (session, rate limit, server) is retried later; any other refusal is final. */
const transient = (response: Response) =>
  response.status === 401 || response.status === 429 || response.status >= 500;

async function refused(record: OutboxRecord, response: Response): Promise<boolean> {
  if (transient(response)) return false;
  return reject(record, await messageOf(response));
}

type Refusal = Pick<Rejected, "message" | "messageEn" | "reason">;

async function messageOf(response: Response): Promise<Refusal> {
  try {
    const body = (await response.json()) as { message?: string; messageEn?: string };
    return { message: body.message ?? response.statusText, messageEn: body.messageEn ?? null };
  } catch {
    return { message: response.statusText }; // not JSON
  }
}

const save = (record: OutboxRecord) => run(STORES.outbox, "readwrite", (s) => s.put(record));

/** The case first (once), then the photos one by one, keeping the progress so a resend skips what is done. */
async function sendReport(record: ReportRecord): Promise<boolean> {
  try {
    if (record.caseId === undefined) {
      // A refused start leaves no server patrol: the finding still goes in, without the link.
      const patrolId = record.patrolLocalId ? await serverIdOf(record.patrolLocalId) : undefined;
      const { objectId, objectName: _name, ...fields } = record.body;
      const response = await post("/api/cases", record.key, {
        source: "patrol_finding",
        ...fields,
        ...(patrolId !== undefined ? { patrolId } : {}),
        ...(objectId !== null ? { objectId } : {}),
      });
      if (!response.ok) return refused(record, response);
      record.caseId = ((await response.json()) as { id: number }).id;
      record.photosSent = 0;
      await save(record);
    }
    for (let i = record.photosSent ?? 0; i < record.photos.length; i++) {
      const form = new FormData();
      form.append("file", record.photos[i], `finding-${i + 1}.jpg`);
      const response = await fetch(`/api/cases/${record.caseId}/evidence`, {
        method: "POST",
        credentials: "same-origin",
        headers: { accept: "application/json", "idempotency-key": `${record.key}-photo-${i + 1}` },
        body: form,
      });
      if (!response.ok) {
        if (transient(response)) return false;
        // the case stands; only this photo is refused (e.g. not an image): say so and go on
        await reject(record, await messageOf(response));
      }
      record.photosSent = i + 1;
      await save(record);
    }
    return true;
  } catch {
    return false; // offline or unreachable: the progress so far is saved, the rest is sent later
  }
}

/** The supervised object a record concerns, shown beside its kind. */
export function objectNameOf(record: OutboxRecord): string | null {
  return record.kind === "checkin" || record.kind === "report" ? record.body.objectName : null;
}

async function reject(record: OutboxRecord, refusal: Refusal): Promise<boolean> {
  const entry: Rejected = {
    kind: record.kind,
    objectName: objectNameOf(record),
    ...refusal,
    at: new Date().toISOString(),
  };
  await run(STORES.rejected, "readwrite", (s) => s.add(entry));
  return true;
}

if (typeof window !== "undefined") window.addEventListener("online", () => void syncOutbox());
