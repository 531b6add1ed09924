import type { ApiErrorBody } from "./types";

/** An error response from the server, carrying its `{ error, message, messageEn }` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.body = body;
  }
}

/** The request never got an HTTP answer (offline, server down, connection reset). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super("network error", { cause });
    this.name = "NetworkError";
  }
}

const loginPath = "/api/auth/login";

let unauthorizedHandler: () => void = () => {};

/** Called on any 401 except from login itself, where 401 just means a wrong password. */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

// crypto.randomUUID exists only in secure contexts; a plain-http intranet deployment still needs a key.
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The keys of writes still waiting for an answer, by a hash of what they send (the bodies themselves, a
 * password say, are not kept). The same write sent again before any answer came (a double tap, or a retry
 * after the network lost the answer) goes with the same key, so the server writes it once and replays the
 * first answer. Once the server has answered, or after ten minutes, the next identical write is a new one.
 */
const unansweredWrites = new Map<number, { key: string; at: number }>();
const REUSE_FOR_MS = 10 * 60_000;

/** A 53-bit hash of a string (cyrb53): a collision would only make the server refuse a write (422). */
function hashOf(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The key of a write: the unanswered identical one's, or a new one. */
function keyForWrite(signature: number): string {
  const now = Date.now();
  for (const [s, entry] of unansweredWrites) if (now - entry.at > REUSE_FOR_MS) unansweredWrites.delete(s);
  const entry = unansweredWrites.get(signature) ?? { key: newIdempotencyKey(), at: now };
  unansweredWrites.set(signature, entry);
  return entry.key;
}

async function errorBody(response: Response): Promise<ApiErrorBody> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    if (typeof body.error === "string" && typeof body.message === "string") return body as ApiErrorBody;
  } catch {
    // Not JSON (a proxy error page, say): fall through to a generic body.
  }
  return { error: `http_${response.status}`, message: response.statusText };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What a multipart form sends, without reading its files: a file by its name, size, type and date. */
function formSignature(form: FormData): string {
  return JSON.stringify(
    [...form.entries()].map(([field, value]) =>
      typeof value === "string"
        ? [field, value]
        : [field, value.name, value.size, value.type, (value as File).lastModified],
    ),
  );
}

export interface RequestOptions {
  /** A key the caller keeps itself (a form's, an outbox record's); otherwise one per unanswered write. */
  idempotencyKey?: string;
}

/** Sends JSON (or a multipart form) and answers the parsed body; throws ApiError or NetworkError. */
export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  const isForm = body instanceof FormData;
  const payload = body === undefined || isForm ? body : JSON.stringify(body);
  if (payload !== undefined && !isForm) headers["content-type"] = "application/json";
  // a caller's own key needs no remembering; reads carry none
  const signature =
    method === "GET" || options.idempotencyKey
      ? null
      : hashOf(`${method} ${path}\n${isForm ? formSignature(body) : (payload ?? "")}`);
  if (method !== "GET")
    headers["idempotency-key"] = options.idempotencyKey ?? keyForWrite(signature as number);

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers,
      body: payload as BodyInit | undefined,
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  // a 5xx wrote nothing the server keeps: a retry may go with the same key
  if (signature !== null && response.status < 500) unansweredWrites.delete(signature);

  if (response.status === 401 && path !== loginPath) unauthorizedHandler();
  if (!response.ok) throw new ApiError(response.status, await errorBody(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A file answer (an export), with the name the server gives it; errors as `request` throws them. */
export async function requestFile(path: string): Promise<{ blob: Blob; filename: string | null }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin" });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (response.status === 401) unauthorizedHandler();
  if (!response.ok) throw new ApiError(response.status, await errorBody(response));
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  return { blob: await response.blob(), filename: encoded ? decodeURIComponent(encoded) : null };
}

export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
