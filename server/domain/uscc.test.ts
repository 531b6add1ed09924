import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPermitNumber, checkUscc, isValidUscc, USCC_ALPHABET, usccCheckCharacter } from "./uscc.ts";

// Published examples: GB 32100-2015's own sample code, and the codes in HJ 608-2017 appendix A and the
// 2016 固定污染源编码规则 (a Hebei steel works and a coking plant).
const PUBLISHED = ["91350100M000100Y43", "91130200699229617X", "911302307808371268"];

/** A code in the format used by the demo: 工商 (9), enterprise (1), 高昌区 650402, an MA-series body. */
const withCheck = (first17: string) => first17 + usccCheckCharacter(first17);

describe("统一社会信用代码 (GB 32100-2015)", () => {
  it("accepts published real codes", () => {
    for (const code of PUBLISHED) expect(checkUscc(code), code).toEqual({ ok: true, value: code });
  });

  it("computes check characters, including the letter ones and 0", () => {
    expect(usccCheckCharacter("91130200699229617")).toBe("X");
    expect(usccCheckCharacter("91350100M000100Y4")).toBe("3");
    // Constructed Gaochang codes: the check is whatever makes the weighted sum ≡ 0 (mod 31).
    const a = withCheck("91650402MA775ABC1");
    const b = withCheck("92650402MA7AGK0P5");
    expect(isValidUscc(a)).toBe(true);
    expect(isValidUscc(b)).toBe(true);
    expect(a).toHaveLength(18);
  });

  it("normalizes lower case, spaces and full-width characters", () => {
    expect(checkUscc(" 91130200699229617x ")).toEqual({ ok: true, value: "91130200699229617X" });
    expect(checkUscc("９１１３０２００６９９２２９６１７Ｘ")).toEqual({
      ok: true,
      value: "91130200699229617X",
    });
  });

  it("refuses wrong lengths", () => {
    for (const code of ["", "9113020069922961", "91130200699229617", "91130200699229617X0"]) {
      const result = checkUscc(code);
      expect(result.ok, code).toBe(false);
      if (!result.ok) expect(result.problem).toBe(code === "" ? "empty" : "length");
    }
  });

  it("refuses the letters I, O, Z, S and V, which the code never uses", () => {
    for (const letter of ["I", "O", "Z", "S", "V"]) {
      const code = `91650402MA7${letter}5ABC1X`;
      expect(code).toHaveLength(18);
      const result = checkUscc(code);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problem).toBe("forbidden_letter");
        expect(result.messageZh).toContain("I、O、Z、S、V");
      }
    }
  });

  it("refuses punctuation, and letters in the division code", () => {
    const punct = checkUscc("91130200-99229617X");
    expect(punct.ok === false && punct.problem).toBe("bad_character");
    const division = checkUscc(withCheck("9113A200699229617"));
    expect(division.ok === false && division.problem).toBe("division");
  });

  it("refuses a wrong check character with a Chinese message", () => {
    const result = checkUscc("91130200699229617Y");
    expect(result).toMatchObject({ ok: false, problem: "check_digit" });
    if (!result.ok) expect(result.messageZh).toBe("统一社会信用代码校验位不正确，请核对");
    expect(isValidUscc("91350100M000100Y44")).toBe(false);
  });

  it("detects every single-character typo and every swap of two different neighbours", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 0, max: 16 }),
        fc.constantFrom(...USCC_ALPHABET),
        (body, position, replacement) => {
          const code = withCheck(`91650402${body.join("")}`);
          expect(isValidUscc(code)).toBe(true);
          if (code[position] !== replacement && !(position >= 2 && position < 8 && !/\d/.test(replacement))) {
            const typo = code.slice(0, position) + replacement + code.slice(position + 1);
            expect(isValidUscc(typo)).toBe(false);
          }
          if (position < 16 && code[position] !== code[position + 1]) {
            const swapped =
              code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
            expect(isValidUscc(swapped)).toBe(false);
          }
        },
      ),
    );
  });
});

describe("排污许可证编号 (HJ 608-2017 shape)", () => {
  it("accepts a USCC plus serial and letter, and the H9 substitute form", () => {
    expect(checkPermitNumber("91130200699229617X001P")).toEqual({
      ok: true,
      value: "91130200699229617X001P",
    });
    expect(checkPermitNumber("91130200699229617X002P").ok).toBe(true);
    expect(checkPermitNumber(" 916504020000000000001W ").ok).toBe(true);
    expect(checkPermitNumber("H96504020000012345a001P").ok).toBe(false); // 23 characters
    expect(checkPermitNumber("H9650402000001234a001P").ok).toBe(true);
  });
  it("refuses other shapes", () => {
    for (const bad of [
      "91130200699229617X",
      "91130200699229617X01P",
      "91130200699229617X001",
      "91130200699229617X0011",
    ]) {
      expect(checkPermitNumber(bad).ok, bad).toBe(false);
    }
  });
});
