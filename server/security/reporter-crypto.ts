import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";

/**
 * Reporter protection (DOMAIN.md §4): a reporter's name and contact are stored as AES-256-GCM ciphertexts.
 * Each ciphertext names the key it was made with, so keys can rotate: the current key encrypts, older keys
 * stay configured to decrypt until `rotate-reporter-key` has re-encrypted every row (docs/security.md).
 * The additional authenticated data binds a ciphertext to its case and field, so one cannot be moved to
 * another case or swapped between name and contact.
 */

export interface ReporterKey {
  /** Derived from the key itself: configuration needs no separate id, and two keys never share one. */
  id: string;
  key: Buffer;
}

export interface ReporterKeyRing {
  current: ReporterKey;
  /** Current first, then older keys still accepted for decryption. */
  all: ReporterKey[];
  /** True when no key was configured and the fixed demo key is in use. */
  demo: boolean;
}

const FORMAT = "v1";
const DEMO_SEED = "envgrid demo reporter key — not a secret, never use in production";

export function reporterKeyId(key: Buffer): string {
  return createHash("sha256").update("envgrid-reporter-key-id:").update(key).digest("hex").slice(0, 12);
}

function keyFrom(base64: string, name: string): ReporterKey {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes in base64 (openssl rand -base64 32)`);
  return { id: reporterKeyId(key), key };
}

/**
 * `current`: ENVGRID_REPORTER_KEY; `old`: ENVGRID_REPORTER_OLD_KEYS, comma-separated. Without a key, a fixed
 * demo key is derived (the server warns at start); in production (NODE_ENV=production) a key is required.
 */
export function parseReporterKeys(
  current: string | undefined,
  old: string | undefined,
  options: { production: boolean },
): ReporterKeyRing {
  let ring: ReporterKey;
  let demo = false;
  if (current && current.trim() !== "") {
    ring = keyFrom(current, "ENVGRID_REPORTER_KEY");
  } else {
    if (options.production)
      throw new Error("ENVGRID_REPORTER_KEY is required in production (openssl rand -base64 32)");
    const key = createHash("sha256").update(DEMO_SEED).digest();
    ring = { id: reporterKeyId(key), key };
    demo = true;
  }
  const others = (old ?? "")
    .split(",")
    .filter((s) => s.trim() !== "")
    .map((s) => keyFrom(s, "ENVGRID_REPORTER_OLD_KEYS"))
    .filter((k) => k.id !== ring.id);
  return { current: ring, all: [ring, ...others], demo };
}

export function encryptField(ring: ReporterKeyRing, plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    FORMAT,
    ring.current.id,
    iv.toString("base64url"),
    tag.toString("base64url"),
    data.toString("base64url"),
  ].join(".");
}

/** The key id a ciphertext was made with, or null if it is not one of ours. */
export function keyIdOf(token: string): string | null {
  const parts = token.split(".");
  return parts.length === 5 && parts[0] === FORMAT ? parts[1] : null;
}

/** Throws when the key is unknown or the ciphertext, its case binding or its tag do not match. */
export function decryptField(ring: ReporterKeyRing, token: string, aad: string): string {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[0] !== FORMAT) throw new Error("not a reporter ciphertext");
  const [, keyId, iv, tag, data] = parts;
  const key = ring.all.find((k) => k.id === keyId);
  if (!key) throw new Error(`reporter key ${keyId} is not configured (ENVGRID_REPORTER_OLD_KEYS?)`);
  const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** Which identity field a ciphertext holds: a reporter's name or contact, or a dispute's complainant party. */
export type ReporterField = "name" | "contact" | "complainant";

/** What a ciphertext is bound to: the case's tracking number and the field. */
export function reporterAad(trackingNo: string, field: ReporterField): string {
  return `envgrid:case:${trackingNo}:reporter:${field}`;
}

/** A keyed hash for values that must be compared but not read back (idempotent request bodies). */
export function keyedHash(ring: ReporterKeyRing, purpose: string, value: string): string {
  return hashUnder(ring.current, purpose, value);
}

/** Whether `stored` is the keyed hash of `value` under any key of the ring: one made before a rotation counts. */
export function keyedHashMatches(
  ring: ReporterKeyRing,
  purpose: string,
  value: string,
  stored: string,
): boolean {
  return ring.all.some((key) => hashUnder(key, purpose, value) === stored);
}

function hashUnder(key: ReporterKey, purpose: string, value: string): string {
  const derived = createHmac("sha256", key.key).update(`envgrid:${purpose}`).digest();
  return createHmac("sha256", derived).update(value).digest("hex");
}

/** "张三丰" → "张**"; "Ali Hasan" → "A********". */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return "";
  return chars[0] + "*".repeat(Math.max(1, chars.length - 1));
}

/** "13899500005" → "138****0005"; "a.b@example.cn" → "a***@example.cn"; others keep first and last two. */
export function maskContact(contact: string): string {
  const c = contact.trim();
  const at = c.indexOf("@");
  if (at > 0) return `${c[0]}***${c.slice(at)}`;
  const digits = c.replace(/\D/g, "");
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (c.length <= 4) return "*".repeat(c.length);
  return `${c.slice(0, 1)}${"*".repeat(c.length - 3)}${c.slice(-2)}`;
}
