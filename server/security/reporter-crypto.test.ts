import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptField,
  encryptField,
  keyedHash,
  keyIdOf,
  maskContact,
  maskName,
  parseReporterKeys,
  reporterAad,
} from "./reporter-crypto.ts";

const b64 = () => randomBytes(32).toString("base64");

describe("reporter encryption", () => {
  it("round-trips under the current key and names the key in the ciphertext", () => {
    const ring = parseReporterKeys(b64(), undefined, { production: true });
    const aad = reporterAad("GC20251001ABCDEF", "contact");
    const token = encryptField(ring, "13912345678", aad);
    expect(token).not.toContain("13912345678");
    expect(keyIdOf(token)).toBe(ring.current.id);
    expect(decryptField(ring, token, aad)).toBe("13912345678");
    // a fresh IV every time: equal plaintexts do not give equal ciphertexts
    expect(encryptField(ring, "13912345678", aad)).not.toBe(token);
  });

  it("refuses a ciphertext moved to another case or field, or tampered with", () => {
    const ring = parseReporterKeys(b64(), undefined, { production: true });
    const token = encryptField(ring, "张三", reporterAad("GC20251001ABCDEF", "name"));
    expect(() => decryptField(ring, token, reporterAad("GC20251001ZZZZZZ", "name"))).toThrow();
    expect(() => decryptField(ring, token, reporterAad("GC20251001ABCDEF", "contact"))).toThrow();
    const parts = token.split(".");
    parts[4] = Buffer.from("x").toString("base64url");
    expect(() => decryptField(ring, parts.join("."), reporterAad("GC20251001ABCDEF", "name"))).toThrow();
  });

  it("rotates: a new current key still reads old ciphertexts while the old key is configured", () => {
    const oldKey = b64();
    const before = parseReporterKeys(oldKey, undefined, { production: true });
    const aad = reporterAad("GC20251001ABCDEF", "name");
    const token = encryptField(before, "李四", aad);
    const during = parseReporterKeys(b64(), oldKey, { production: true });
    expect(during.current.id).not.toBe(before.current.id);
    expect(decryptField(during, token, aad)).toBe("李四");
    const after = parseReporterKeys(during.current.key.toString("base64"), undefined, { production: true });
    expect(() => decryptField(after, token, aad)).toThrow(/not configured/);
  });

  it("needs a 32-byte key in production, and uses a fixed demo key otherwise", () => {
    expect(() => parseReporterKeys(undefined, undefined, { production: true })).toThrow(/required/);
    expect(() =>
      parseReporterKeys(Buffer.from("short").toString("base64"), undefined, { production: false }),
    ).toThrow(/32 bytes/);
    const a = parseReporterKeys(undefined, undefined, { production: false });
    const b = parseReporterKeys("", undefined, { production: false });
    expect(a.demo).toBe(true);
    expect(a.current.id).toBe(b.current.id);
  });

  it("masks names and contacts, and hashes with a key", () => {
    expect(maskName("张三丰")).toBe("张**");
    expect(maskName("李")).toBe("李*");
    expect(maskContact("13912345678")).toBe("139****5678");
    expect(maskContact("a.b@example.cn")).toBe("a***@example.cn");
    expect(maskContact("0995-1234567")).toBe("099****4567");
    expect(maskContact("0995-123456")).toBe("0********56");
    const ring = parseReporterKeys(b64(), undefined, { production: true });
    expect(keyedHash(ring, "x", "13912345678")).not.toBe(keyedHash(ring, "y", "13912345678"));
    expect(keyedHash(ring, "x", "13912345678")).toMatch(/^[0-9a-f]{64}$/);
  });
});
