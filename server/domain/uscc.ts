/**
 * 统一社会信用代码 (unified social credit code, USCC) per GB 32100-2015, and the shape of a
 * 排污许可证编号 (pollutant discharge permit number) per HJ 608-2017. Pure functions, shared with the web app.
 *
 * A USCC has 18 characters: 1 registering authority, 1 organization category, 6 digits of the registering
 * office's administrative division code (GB/T 2260), 9 characters of the subject identifier (the old
 * organization code, GB 11714), and 1 check character. The alphabet is the digits and the capital letters
 * without I, O, Z, S, V (31 symbols, valued 0–30 in this order).
 */

export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem =
  | "empty"
  | "length"
  | "forbidden_letter"
  | "bad_character"
  | "division"
  | "check_digit";

export type UsccResult = { ok: true; value: string } | { ok: false; problem: UsccProblem; messageZh: string };

const MESSAGES: Record<UsccProblem, string> = {
  empty: "请填写统一社会信用代码",
  length: "统一社会信用代码应为18位",
  forbidden_letter: "统一社会信用代码不使用字母 I、O、Z、S、V",
  bad_character: "统一社会信用代码只能包含数字和大写英文字母",
  division: "统一社会信用代码第3至8位应为行政区划代码（6位数字）",
  check_digit: "统一社会信用代码校验位不正确，请核对",
};

/** The check character for the first 17 characters (which must already be in the alphabet). */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error("usccCheckCharacter needs 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`not a USCC character: ${first17[i]}`);
    sum += value * WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check];
}

/** Trims and upper-cases what a person typed; full-width letters and digits become ASCII. */
export function normalizeUscc(input: string): string {
  return input
    .trim()
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .toUpperCase();
}

/** Checks a code; on success returns it normalized (upper case), otherwise the first problem found. */
export function checkUscc(input: string): UsccResult {
  const value = normalizeUscc(input);
  const fail = (problem: UsccProblem): UsccResult => ({ ok: false, problem, messageZh: MESSAGES[problem] });
  if (value === "") return fail("empty");
  if (value.length !== 18) return fail("length");
  if (/[IOZSV]/.test(value)) return fail("forbidden_letter");
  if (!/^[0-9A-Z]{18}$/.test(value)) return fail("bad_character");
  if (!/^\d{6}$/.test(value.slice(2, 8))) return fail("division");
  if (usccCheckCharacter(value.slice(0, 17)) !== value[17]) return fail("check_digit");
  return { ok: true, value };
}

export function isValidUscc(input: string): boolean {
  return checkUscc(input).ok;
}

export type PermitResult = { ok: true; value: string } | { ok: false; messageZh: string };

/**
 * 排污许可证编号 (HJ 608-2017): 18 characters identifying the unit (its USCC, or an "H9…" substitute code
 * for units without one, whose 18th character may be a lower-case letter), a 3-digit serial number of the
 * unit's site, and 1 capital letter (e.g. …001P). Only the shape is checked: permits issued before the
 * unit's current code, or under a parent company's code, are real and must be accepted.
 */
export function checkPermitNumber(input: string): PermitResult {
  const value = input.trim();
  if (/^[0-9A-Z]{17}[0-9A-Za-z]\d{3}[A-Z]$/.test(value)) return { ok: true, value };
  return {
    ok: false,
    messageZh: "排污许可证编号格式不正确：应为18位单位代码 + 3位顺序号 + 1位大写字母，共22位（如 …001P）",
  };
}
