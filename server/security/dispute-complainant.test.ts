import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openComplainant, sealDisputeParties } from "./dispute-complainant.ts";
import { decryptField, parseReporterKeys, reporterAad } from "./reporter-crypto.ts";

const ring = parseReporterKeys(randomBytes(32).toString("base64"), undefined, { production: true });
const TRACKING = "GC20261130ABCDEF";

describe("a dispute's parties as stored", () => {
  it("seals the first party, name and role, and keeps the others as entered", () => {
    const { complainantEnc, others } = sealDisputeParties(ring, TRACKING, [
      { name: "买买提", role: "投诉方（三组）" },
      { name: "红星砖厂", role: "被投诉方" },
      { name: "村委会" },
    ]);
    expect(complainantEnc).not.toContain("买买提");
    expect(openComplainant(ring, TRACKING, String(complainantEnc))).toEqual({
      name: "买买提",
      role: "投诉方（三组）",
    });
    expect(others).toEqual([{ name: "红星砖厂", role: "被投诉方" }, { name: "村委会" }]);
  });

  it("binds the complainant to its case and to a field of its own", () => {
    const { complainantEnc } = sealDisputeParties(ring, TRACKING, [{ name: "买买提" }, { name: "砖厂" }]);
    const token = String(complainantEnc);
    expect(openComplainant(ring, TRACKING, token)).toEqual({ name: "买买提" });
    expect(() => openComplainant(ring, "GC20261130ZZZZZZ", token)).toThrow();
    expect(() => decryptField(ring, token, reporterAad(TRACKING, "name"))).toThrow();
  });

  it("stores nothing for a case without parties", () => {
    expect(sealDisputeParties(ring, TRACKING, undefined)).toEqual({ complainantEnc: null, others: null });
    expect(sealDisputeParties(ring, TRACKING, [])).toEqual({ complainantEnc: null, others: null });
  });
});
